using KoraInfra.Cli;

return KoraApp.Run(args, Console.Out, Console.Error);
