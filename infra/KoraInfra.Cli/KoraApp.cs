using System.CommandLine;
using KoraInfra.Cli.Commands;
using KoraInfra.Platform.Input;

namespace KoraInfra.Cli;

/// <summary>The <c>kora</c> command line: one entry point, so tests run exactly what users run.</summary>
public static class KoraApp
{
    /// <summary>Runs kora with the given arguments and writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, KoraServices? services = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        services ??= KoraServices.Console;
        var root = new RootCommand("kora: offline checks and release operations for the KoraOS platform (KoraInfra)")
        {
            ValidateCommand.Create(services),
            DbCommand.Create(services),
            AlertsCommand.Create(),
            PolicyCommand.Create(services),
            GateCommand.Create(services),
            PromoteCommand.Create(services),
            RollbackCommand.Create(services),
            AuditCommand.Create(services),
            SecretsCommand.Create(services),
            ReleaseCommand.Create(services),
            NetworkCommand.Create(services),
            Commands.Response.IncidentCommand.Create(services),
            Commands.Response.SafeModeCommand.Create(),
            Commands.Verification.EvidenceCommand.Create(services),
            Commands.Verification.DrillCommand.Create(services),
            RotationCommand.Create(services),
            Completion.CompletionCommand.Create(),
        };
        if (Completion.CompletionSources.Requested(args))
        {
            Completion.CompletionSources.AddTo(root);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"kora: {problem.Message}");
            }

            error.WriteLine("kora: run 'kora --help' (or 'kora <command> --help') for the commands and options");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,

                // Exceptions come back here, so a user mistake is one line and a defect is named as one.
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException ex)
        {
            error.WriteLine($"kora: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (InputRefusedException ex)
        {
            error.WriteLine($"kora: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (DependencyUnavailableException ex)
        {
            error.WriteLine($"kora: {ex.Message}");
            return ExitCodes.Unavailable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file kora was pointed at cannot be read or written: the machine's state, not a defect.
            error.WriteLine($"kora: {ex.Message}");
            return ExitCodes.UsageError;
        }
#pragma warning disable CA1031 // The last line of defence: a defect must still end with a readable message and a distinct exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"kora: internal error ({ex.GetType().Name}): {ex.Message}");
            error.WriteLine("kora: this is a defect in kora, not in your input; please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }
}
