using System.CommandLine;
using KoraInfra.Platform.Verification.FaultInjection;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>
/// <c>kora drill experiments --stack staging</c>: the fault-injection experiments the stack's
/// plans allow, one name a line (what the RC gate wants a passing record of), so the pipeline's
/// matrix is derived from the same decision instead of a list typed twice. Each experiment the
/// stack rules out goes to stderr with the reason.
/// </summary>
public static class ExperimentsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var stack = new Option<string>("--stack") { Description = "The stack (staging only).", DefaultValueFactory = _ => "staging" };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml and the stack files." };
        var experiments = new Command("experiments", "The fault-injection experiments the stack can run, one a line; those it rules out on stderr, with why.")
        {
            stack, projectDir,
        };
        experiments.SetAction(parse =>
        {
            var stackName = parse.GetValue(stack)!;
            if (FaultExperiments.OutsideStaging(stackName) is { } outside)
            {
                throw new UsageException(outside);
            }

            var settings = ChaosCommand.Settings(ProjectDirectory.Resolve(parse.GetValue(projectDir)), stackName);
            foreach (var kind in Enum.GetValues<FaultExperimentKind>())
            {
                if (FaultExperiments.StackRefusal(settings, kind) is { } refusal)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"not run in {stackName}: {refusal}");
                }
                else
                {
                    parse.InvocationConfiguration.Output.WriteLine(FaultExperimentNames.Of(kind));
                }
            }

            return ExitCodes.Ok;
        });
        return experiments;
    }
}
