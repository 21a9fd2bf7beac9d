using System.CommandLine;
using KoraInfra.Cli.Output;
using KoraInfra.Cli.Output.Reports;
using KoraInfra.Cli.Output.Tables;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands;

/// <summary><c>kora validate [--stack NAME | --all]</c>: checks stack files offline, as the program will.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var stack = new Option<string?>("--stack") { Description = "The stack to validate: dev, staging or prod." };
        var all = new Option<bool>("--all") { Description = "Validate every stack file (and require dev, staging and prod to exist)." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var json = JsonOption.Create();
        var command = new Command("validate", "Validate stack settings (Pulumi.<stack>.yaml) offline; every problem is reported at once.")
        {
            stack,
            all,
            projectDir,
            json,
        };
        command.SetAction(parse => Run(
            parse.GetValue(stack),
            parse.GetValue(all),
            ProjectDirectory.Resolve(parse.GetValue(projectDir)),
            parse.GetValue(json) ? null : services.Terminal,
            parse.GetValue(json),
            parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string? stack, bool all, string projectDir, TerminalOutput? terminal, bool json, TextWriter output)
    {
        if (stack is not null == all)
        {
            throw new UsageException("name one stack with --stack dev|staging|prod, or validate them all with --all");
        }

        IReadOnlyList<string> files;
        if (stack is not null)
        {
            if (!StackNames.TryParse(stack, out _))
            {
                throw new UsageException($"unknown stack '{stack}'; expected {StackNames.Expected}");
            }

            files = [Path.Combine(projectDir, StackFiles.FileName(stack))];
        }
        else
        {
            // Every required stack must exist, and any other stack file is validated too, so a
            // stray Pulumi.qa.yaml is reported rather than ignored.
            files = StackNames.All.Select(s => Path.Combine(projectDir, StackFiles.FileName(s)))
                .Union(StackFiles.FindAll(projectDir))
                .ToList();
        }

        var results = files.ToDictionary(f => f, StackFiles.Validate, StringComparer.Ordinal);
        var crossStack = CrossStackProblems(results, stack, projectDir);
        if (json || terminal is not null)
        {
            var report = Report(files, results, crossStack);
            if (terminal is null)
            {
                JsonOutput.Write(output, report, c => c.ValidateReport);
            }
            else
            {
                ValidateTable.Render(report, output, terminal);
            }

            return report.Valid ? ExitCodes.Ok : ExitCodes.Findings;
        }

        var failed = 0;
        foreach (var file in files)
        {
            var result = results[file];
            var name = Path.GetFileName(file);
            var problems = result.Problems.Concat(crossStack.Where(p => p.Location.Source == name)).ToList();
            if (result.Settings is { } settings && problems.Count == 0)
            {
                // The range as text: formatting the struct itself would JIT-compile the generic
                // interpolation handler at start-up (ReadyToRun cannot precompile it).
                output.WriteLine($"ok    {name}: stack {settings.Environment.StackName}, {settings.Region.Name}, tier {settings.SizingTier.ToString().ToLowerInvariant()}, cluster {settings.Cluster.Mode.ToString().ToLowerInvariant()}, network {settings.Network.AddressSpace.ToString()}");
                continue;
            }

            failed++;
            output.WriteLine($"FAIL  {name}: {problems.Count} problem(s)");
            foreach (var problem in problems)
            {
                output.WriteLine($"      {problem}");
            }
        }

        output.WriteLine(failed == 0 ? $"{files.Count} stack file(s) valid" : $"{failed} of {files.Count} stack file(s) invalid");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static ValidateReport Report(IReadOnlyList<string> files, Dictionary<string, SettingsResult> results, IReadOnlyList<SettingsProblem> crossStack)
    {
        var stackFiles = files.Select(file =>
        {
            var result = results[file];
            var name = Path.GetFileName(file);
            var problems = result.Problems.Concat(crossStack.Where(p => p.Location.Source == name)).ToList();
            return result.Settings is { } settings && problems.Count == 0
                ? new StackFileReport(name, true, settings.Environment.StackName, settings.Region.Name, settings.SizingTier.ToString().ToLowerInvariant(), settings.Cluster.Mode.ToString().ToLowerInvariant(), settings.Network.AddressSpace.ToString(), [])
                : new StackFileReport(name, false, null, null, null, null, null, SettingsProblemReport.From(problems));
        }).ToList();
        var invalid = stackFiles.Count(f => !f.Valid);
        return new ValidateReport(invalid == 0, stackFiles.Count, invalid, stackFiles);
    }

    // The environments' address plans must not overlap. One stack alone is still checked against
    // the other committed stack files beside it (those that are valid on their own).
    private static IReadOnlyList<SettingsProblem> CrossStackProblems(Dictionary<string, SettingsResult> results, string? stack, string projectDir)
    {
        var valid = results.Values.Where(r => r.Settings is not null).Select(r => r.Settings!).ToList();
        if (stack is null)
        {
            return CrossStackRanges.Check(valid);
        }

        if (valid.Count == 0)
        {
            return [];
        }

        var others = StackNames.All.Where(s => s != stack)
            .Select(s => Path.Combine(projectDir, StackFiles.FileName(s)))
            .Where(File.Exists)
            .Select(f => StackFiles.Validate(f).Settings)
            .OfType<StackSettings>();
        return CrossStackRanges.Check(valid[0], others);
    }
}
