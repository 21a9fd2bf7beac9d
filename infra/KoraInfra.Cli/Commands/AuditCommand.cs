using System.CommandLine;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Audit;

namespace KoraInfra.Cli.Commands;

/// <summary><c>kora audit verify</c>: checks the deploy audit log's hash chain and head.</summary>
public static class AuditCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var log = new Option<string?>("--audit-log") { Description = $"The deploy audit log (default: {ReleaseFiles.DefaultAuditLog} in the project)." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var count = new Option<long?>("--expect-count") { Description = "Entry count of the last head the pipeline published (an anchor kept outside the log)." };
        var hash = new Option<string?>("--expect-hash") { Description = "Hash of that entry, as published." };
        var verify = new Command("verify", "Verify the deploy audit log: any edit, deletion, reordering or truncation is reported.")
        {
            log,
            projectDir,
            count,
            hash,
        };
        verify.SetAction(parse =>
        {
            var path = parse.GetValue(log) is { } given ? Path.GetFullPath(given) : ReleaseFiles.AuditLogPath(ProjectDirectory.Resolve(parse.GetValue(projectDir)), null);
            return Run(path, ReleaseFiles.ExpectedHead(parse.GetValue(count), parse.GetValue(hash)), parse.InvocationConfiguration.Output);
        });
        return new Command("audit", "The deploy audit log.") { verify };
    }

    private static int Run(string path, AuditHead? expected, TextWriter output)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"no deploy audit log at '{path}'; pass --audit-log");
        }

        var verification = new DeployAuditLog(path, TimeProvider.System).Verify(expected);
        foreach (var problem in verification.Problems)
        {
            output.WriteLine("TAMPERED  " + problem);
        }

        output.WriteLine(verification.IsIntact
            ? $"audit log intact: {verification.Head.Count} entries, head {verification.Head.LastHash}"
            : $"audit log FAILED verification: {verification.Problems.Count} problem(s)");
        return verification.IsIntact ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
