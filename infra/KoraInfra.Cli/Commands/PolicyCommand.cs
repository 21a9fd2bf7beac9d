using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Cli.Output;
using KoraInfra.Cli.Output.Tables;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora policy rules | eval | report</c>: the one rule set, for the CrossGuard adapter
/// (rules, eval: JSON in and out) and for the security reviewer (report).
/// </summary>
public static class PolicyCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("policy", "Evaluate the KoraInfra policy rules over a stack's resources.")
        {
            Rules(),
            Eval(services),
            Report(services),
            PolicyServeCommand.Create(services),
        };
    }

    private static Command Rules()
    {
        var stack = StackOption(required: true);
        var command = new Command("rules", "List the rules with their enforcement level in a stack, as JSON (the CrossGuard adapter reads this).") { stack };
        command.SetAction(parse =>
        {
            var profile = EnvironmentProfiles.For(ParseStack(parse.GetValue(stack)!));
            var rules = new JsonArray(PolicyRules.All.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id,
                ["title"] = r.Title,
                ["rationale"] = r.Rationale,
                ["severity"] = r.Severity.ToString().ToLowerInvariant(),
                ["level"] = r.LevelFor(profile).ToCrossGuard(),
                ["scope"] = r.Scope == PolicyScope.Resource ? "resource" : "stack",
                ["checkov"] = new JsonArray(r.CheckovIds.Select(id => (JsonNode)id).ToArray()),
            }).ToArray());
            parse.InvocationConfiguration.Output.WriteLine(new JsonObject { ["stack"] = profile.StackName, ["rules"] = rules }.ToJsonString(Indented));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Eval(KoraServices services)
    {
        var stack = StackOption(required: false);
        var command = new Command("eval", "Read resources as JSON on standard input, write the verdict as JSON; exit 1 when a mandatory rule is violated.") { stack };
        command.SetAction(parse =>
        {
            var (snapshot, _) = Read(BoundedInput.ReadToEnd(services.Input, "standard input", InputLimits.Snapshot), "standard input", parse.GetValue(stack));
            var evaluation = PolicyEngine.Evaluate(snapshot, services.Time.GetUtcNow());
            parse.InvocationConfiguration.Output.WriteLine(PolicyReports.Render(evaluation, ReportFormat.Json, StackFile(snapshot.StackName)));
            return evaluation.IsBlocked ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Report(KoraServices services)
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "A 'pulumi stack export' file, 'pulumi preview --json' output, engine events ('pulumi up --json'), or an offline plan snapshot.", Required = true };
        var stack = StackOption(required: false);
        var format = new Option<ReportFormat>("--format", "-f") { Description = "text, json, markdown or sarif.", DefaultValueFactory = _ => ReportFormat.Text };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to a file instead of standard output." };
        var json = JsonOption.Create();
        json.Description = "The same as --format json (shape: docs/cli.md); with --out the confirmation line goes to standard error.";
        var command = new Command("report", "Report the policy verdict over a stack's resources for review; exit 1 when a mandatory rule is violated.")
        {
            input,
            stack,
            format,
            output,
            json,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                throw new UsageException($"--input '{file.FullName}' does not exist; pass the file 'pulumi stack export', 'pulumi preview --json' or 'pulumi up --json' wrote");
            }

            var asJson = parse.GetValue(json);
            var chosen = parse.GetValue(format);
            if (asJson && parse.GetResult(format) is { Implicit: false } && chosen != ReportFormat.Json)
            {
                throw new UsageException($"--json is --format json; drop one of --json and --format {chosen.ToString().ToLowerInvariant()}");
            }

            var reportFormat = asJson ? ReportFormat.Json : chosen;
            _ = ReportPriming.Start(file.Length, reportFormat);
            var (snapshot, _) = Read(BoundedInput.ReadUtf8(file.FullName, InputLimits.Snapshot), file.Name, parse.GetValue(stack));
            var evaluation = PolicyEngine.Evaluate(snapshot, services.Time.GetUtcNow());
            if (reportFormat == ReportFormat.Text && parse.GetValue(output) is null && services.Terminal is { } terminal)
            {
                PolicyTable.Render(evaluation, parse.InvocationConfiguration.Output, terminal);
                return evaluation.IsBlocked ? ExitCodes.Findings : ExitCodes.Ok;
            }

            var report = PolicyReports.Render(evaluation, reportFormat, StackFile(snapshot.StackName));
            if (parse.GetValue(output) is { } target)
            {
                File.WriteAllText(target.FullName, report);

                // With --json standard output carries nothing but JSON, and the document went to the file.
                (asJson ? parse.InvocationConfiguration.Error : parse.InvocationConfiguration.Output).WriteLine($"wrote {target.FullName}: {(evaluation.IsBlocked ? "BLOCKED" : "passes")}");
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(report);
            }

            return evaluation.IsBlocked ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static (StackSnapshot Snapshot, SnapshotFormat Format) Read(string text, string origin, string? stack) =>
        Read(() => SnapshotReader.Read(text, origin, stack), stack);

    // A file is read as UTF-8, the form the reader checks and parses: no string of megabytes.
    private static (StackSnapshot Snapshot, SnapshotFormat Format) Read(byte[] utf8, string origin, string? stack) =>
        Read(() => SnapshotReader.Read(utf8, origin, stack), stack);

    private static (StackSnapshot Snapshot, SnapshotFormat Format) Read(Func<(StackSnapshot Snapshot, SnapshotFormat Format)> read, string? stack)
    {
        if (stack is not null)
        {
            ParseStack(stack);
        }

        try
        {
            var snapshot = read();
            ParseStack(snapshot.Snapshot.StackName);
            return snapshot;
        }
        catch (PolicyInputException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    private static Option<string?> StackOption(bool required) =>
        new("--stack", "-s") { Description = "The stack: dev, staging or prod (default: from the resources' URNs).", Required = required };

    private static EnvironmentName ParseStack(string stack) =>
        StackNames.TryParse(stack, out var environment)
            ? environment
            : throw new UsageException($"stack '{stack}' is not a KoraOS stack; expected {StackNames.Expected}");

    private static string StackFile(string stack) => $"Pulumi.{stack}.yaml";
}
