using KoraInfra.Cli;
using KoraInfra.Cli.Output;

// Plain unless standard output is a terminal a person reads (decided without loading Spectre.Console).
return KoraApp.Run(args, Console.Out, Console.Error, KoraServices.Console with { Terminal = OutputMode.Detect() });
