using System.CommandLine;
using KoraInfra.Cli.Output;
using KoraInfra.Cli.Output.Reports;
using KoraInfra.Cli.Output.Tables;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands.Network;

/// <summary>
/// <c>kora network plan --stack NAME</c>: the address plan (subnets, sizes, what each holds, free
/// space), the NSG rules, egress, the API server's access and every private endpoint with its
/// zone. Exits 1 when the settings are invalid or overlap another stack's ranges.
/// </summary>
public static class NetworkPlanCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var stack = new Option<string?>("--stack") { Description = "The stack: dev, staging or prod." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var json = JsonOption.Create();
        var command = new Command("plan", "Print a stack's address plan: subnets, sizes, what each holds, free space, NSG rules, private endpoints.")
        {
            stack,
            projectDir,
            json,
        };
        command.SetAction(parse => Run(parse.GetValue(stack), ProjectDirectory.Resolve(parse.GetValue(projectDir)), ReportTo.For(parse.GetValue(json), services.Terminal), parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string? stack, string projectDir, ReportTo to, TextWriter output)
    {
        if (stack is null || !StackNames.TryParse(stack, out _))
        {
            throw new UsageException($"name the stack with --stack; expected {StackNames.Expected}");
        }

        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        var result = StackFiles.Validate(file);
        var problems = result.Problems.ToList();
        if (result.Settings is { } valid)
        {
            var others = StackNames.All.Where(s => s != stack)
                .Select(s => Path.Combine(projectDir, StackFiles.FileName(s)))
                .Where(File.Exists)
                .Select(f => StackFiles.Validate(f).Settings)
                .OfType<StackSettings>();
            problems.AddRange(CrossStackRanges.Check(valid, others));
        }

        if (!to.IsPlain)
        {
            var passed = problems.Count == 0 && result.Settings is not null;
            var network = passed && NetworkPlan.For(result.Settings!) is { } planned ? NetworkPlanJson.From(planned) : null;
            var report = new NetworkPlanReport(stack, Path.GetFileName(file), passed, SettingsProblemReport.From(problems), network);
            if (to.Terminal is { } terminal)
            {
                NetworkTable.Render(report, output, terminal);
            }
            else
            {
                JsonOutput.Write(output, report, c => c.NetworkPlanReport);
            }

            return passed ? ExitCodes.Ok : ExitCodes.Findings;
        }

        if (problems.Count > 0 || result.Settings is not { } settings)
        {
            output.WriteLine($"FAIL  {Path.GetFileName(file)}: {problems.Count} problem(s)");
            foreach (var problem in problems)
            {
                output.WriteLine($"      {problem}");
            }

            return ExitCodes.Findings;
        }

        if (NetworkPlan.For(settings) is not { } plan)
        {
            output.WriteLine($"{stack}: no network: the stack runs on an existing cluster (kora-infra:cluster.mode existing) and declares no VNet; its address ranges are still checked.");
            return ExitCodes.Ok;
        }

        AddressPlanPrinter.Print(stack, settings.Network, plan, output);
        return ExitCodes.Ok;
    }
}
