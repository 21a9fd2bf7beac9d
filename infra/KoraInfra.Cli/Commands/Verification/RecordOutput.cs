using System.Globalization;
using System.Security.Cryptography;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Verification;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>Signs a check's record and writes it where the release store keeps it, never over another run's.</summary>
internal static class RecordOutput
{
    /// <summary>Signs, writes and reports the record; the exit code says whether the check passed.</summary>
    public static int Write(EvidenceRecord record, ECDsa key, string projectDir, string what, TextWriter output)
    {
        string envelope;
        try
        {
            envelope = EvidenceSigner.Sign(record, key);
        }
        catch (ReleaseDocumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        var relative = EvidenceStoreLayout.PathOf(record);
        var full = ReleaseFiles.Full(projectDir, relative);
        if (File.Exists(full))
        {
            throw new UsageException($"{relative} already exists: a record of a run that started at the same second; stored records are never overwritten");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, envelope);
        output.WriteLine($"{(record.Passed ? "PASS" : "FAIL")}  {what}: signed record {relative}");
        foreach (var m in record.Measurements)
        {
            output.WriteLine($"  {m.Name} = {m.Value.ToString(CultureInfo.InvariantCulture)} {m.Unit}" + (m.Maximum is { } max ? $" (max {max.ToString(CultureInfo.InvariantCulture)})" : string.Empty));
        }

        record.Reasons.ToList().ForEach(r => output.WriteLine("  reason: " + r));
        return record.Passed ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
