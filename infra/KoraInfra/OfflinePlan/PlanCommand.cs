using System.CommandLine;
using System.Globalization;
using System.Text;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;
using KoraInfra.Platform.Settings;
using Pulumi;
using Pulumi.Testing;

namespace KoraInfra.OfflinePlan;

/// <summary>
/// <c>dotnet run --project infra/KoraInfra -- plan --stack NAME</c>: runs the program under mocks
/// with the stack's committed settings, prints the resource tree with each resource's key
/// settings and the policy verdict, and writes the snapshot <c>kora policy report</c> reads.
/// The way a reviewer sees what a stack would contain before anyone runs <c>pulumi preview</c>.
/// </summary>
public static class PlanCommand
{
    /// <summary>
    /// Runs the command; returns 0 (passes), 1 (a mandatory rule is violated, or the program
    /// refuses the stack), 2 (bad input) or 3 (the run left values unknown, so no verdict is given).
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error, recorder => recorder);

    /// <summary>Runs the command with <paramref name="engine"/> answering the SDK in place of the recording mocks.</summary>
    /// <remarks>The seam the command's own tests use to prove a broken run gives no verdict.</remarks>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<PlanMocks, IMocks> engine)
    {
        ArgumentNullException.ThrowIfNull(error);
        var stack = new Option<string>("--stack", "-s") { Description = "The stack: dev, staging or prod.", Required = true };
        var outFile = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the snapshot (default: plan-<stack>.json in the working directory)." };
        var root = new RootCommand("Offline plan of a KoraInfra stack: the program under Pulumi.Testing mocks, with the stack's committed settings.") { stack, outFile };
        root.SetAction(async (parse, _) => await PlanAsync(parse.GetValue(stack)!, parse.GetValue(outFile), output, error, engine).ConfigureAwait(false));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"plan: {problem.Message}");
            }

            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }

    private static async Task<int> PlanAsync(string stack, FileInfo? outFile, TextWriter output, TextWriter error, Func<PlanMocks, IMocks> engine)
    {
        if (!StackNames.TryParse(stack, out _))
        {
            error.WriteLine($"plan: stack '{stack}' is not a KoraOS stack; expected {StackNames.Expected}");
            return 2;
        }

        var stackFile = FindStackFile(stack);
        if (stackFile is null)
        {
            error.WriteLine($"plan: no {StackFiles.FileName(stack)} in the working directory or above; run the plan inside the KoraInfra repository");
            return 2;
        }

        var validation = StackFiles.Validate(stackFile);
        if (!validation.IsValid)
        {
            error.WriteLine($"plan: {Path.GetFileName(stackFile)} is invalid:");
            foreach (var problem in validation.Problems)
            {
                error.WriteLine($"  {problem}");
            }

            return 2;
        }

        OfflineRun run;
        try
        {
            var recorder = new PlanMocks();
            run = await OfflineRun.RunAsync(stack, EngineConfiguration.From(StackFileReader.ReadFile(stackFile)), Path.GetDirectoryName(stackFile)!, recorder, engine(recorder)).ConfigureAwait(false);
        }
        catch (RunException ex)
        {
            // The program refused the stack (an invalid or missing release manifest, a pending
            // compromised credential): that is the verdict, not a crash.
            error.WriteLine($"plan: the program declares nothing for {stack}: {ex.Message}");
            return 1;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RunException))
        {
            // More than one error logged by the program arrives as one RunException each.
            error.WriteLine($"plan: the program declares nothing for {stack}: {string.Join("; ", ex.InnerExceptions.Select(e => e.Message))}");
            return 1;
        }
        catch (IncompleteRunException ex)
        {
            // A verdict over resources with properties missing would be trusted and wrong: none is
            // given, and no snapshot is written.
            error.WriteLine($"plan: no verdict for {stack}: {ex.Message}");
            return 3;
        }

        output.Write(Tree(run));
        var evaluation = PolicyEngine.Evaluate(run.Snapshot(), TimeProvider.System.GetUtcNow());
        output.WriteLine();
        output.Write(PolicyReports.Render(evaluation, ReportFormat.Text, StackFiles.FileName(stack)));

        var target = outFile?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), $"plan-{stack}.json");
        await File.WriteAllTextAsync(target, run.ExportJson()).ConfigureAwait(false);
        output.WriteLine($"snapshot: {target} (kora policy report --input {Path.GetFileName(target)})");
        return evaluation.IsBlocked ? 1 : 0;
    }

    private static string Tree(OfflineRun run)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"stack {run.StackName}: {run.Registered.Count} resource(s)");
        foreach (var (resource, urn) in run.Registered)
        {
            // The URN's type segment holds the parent chain: a$b$c is three levels deep.
            var typeChain = urn.Split("::")[^2];
            var depth = typeChain.Count(c => c == '$');
            text.Append(' ', 2 + (depth * 2)).Append(resource.Type).Append(' ').Append(resource.Name);
            var settings = KeySettings(resource);
            if (settings.Length > 0)
            {
                text.Append("  [").Append(settings).Append(']');
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    // The top-level plain settings of a resource: names, SKUs, flags. Nested objects and tags
    // are left out to keep one line per resource.
    private static string KeySettings(RecordedResource resource) => string.Join(", ", resource.Inputs
        .Where(i => i.Key != "tags" && i.Value is string or bool or double)
        .OrderBy(i => i.Key, StringComparer.Ordinal)
        .Take(8)
        .Select(i => $"{i.Key}={Shorten(Convert.ToString(i.Value, CultureInfo.InvariantCulture) ?? string.Empty)}"));

    private static string Shorten(string value) => value.Length <= 48 ? value : value[..45] + "...";

    private static string? FindStackFile(string stack)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, StackFiles.FileName(stack));
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
