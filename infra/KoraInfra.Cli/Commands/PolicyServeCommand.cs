using System.CommandLine;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Policy.Serving;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora policy serve --stack S</c>: one long-lived process answering the CrossGuard pack for a
/// whole preview or update (JSON lines on standard input and output), instead of a process per
/// question. Ends at the end of standard input, when the pack goes away.
/// </summary>
internal static class PolicyServeCommand
{
    public static Command Create(KoraServices services)
    {
        var stack = new Option<string>("--stack", "-s") { Description = "The stack every request is judged in: dev, staging or prod.", Required = true };
        var command = new Command("serve", "Answer policy requests as JSON lines on standard input and output until standard input ends (the CrossGuard pack's server).") { stack };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(stack)!;
            if (!StackNames.TryParse(name, out _))
            {
                throw new UsageException($"stack '{name}' is not a KoraOS stack; expected {StackNames.Expected}");
            }

            var server = new PolicyServer(name, services.Time);
            var lines = new BoundedLineReader(services.Input, PolicyServer.Limits);
            var output = parse.InvocationConfiguration.Output;
            while (lines.ReadLine(out var tooLong) is { } line)
            {
                if (!tooLong && string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                output.WriteLine(tooLong ? PolicyServer.TooLong(lines.LineNumber) : server.Answer(line, lines.LineNumber));

                // The pack waits for each answer: never leave one in a buffer.
                output.Flush();
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
