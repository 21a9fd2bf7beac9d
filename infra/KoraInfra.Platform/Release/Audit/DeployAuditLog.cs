using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Release.Audit;

/// <summary>
/// The deploy audit log: JSON Lines, append-only, hash-chained, each entry signed with the
/// release key, with a head file (<c>&lt;log&gt;.head.json</c>) holding the count and last hash.
/// A local file in the pipeline's checkout; the pipeline also copies every version into an
/// immutable (WORM) blob container.
/// </summary>
public sealed class DeployAuditLog
{
    private readonly TimeProvider _time;
    private readonly ECDsa _key;

    /// <summary>
    /// A log at a path; time comes from <paramref name="time"/> so tests control it. Entries are
    /// verified with <paramref name="releaseKey"/> and, when it holds the private half, signed with it.
    /// </summary>
    public DeployAuditLog(string path, TimeProvider time, ECDsa releaseKey)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _key = releaseKey ?? throw new ArgumentNullException(nameof(releaseKey));
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>The head file beside it.</summary>
    public string HeadPath => Path + ".head.json";

    /// <summary>
    /// Verifies the chain and the head. <paramref name="expectedHead"/>, when given, is an anchor
    /// kept outside (the last published head): the log must still contain it. A copy read back
    /// from the release store (WORM), which nobody can cut, is checked without its head file
    /// (<paramref name="withHeadFile"/> false).
    /// </summary>
    public AuditVerification Verify(AuditHead? expectedHead = null, bool withHeadFile = true)
    {
        var problems = new List<string>();
        var entries = new List<DeployAuditEntry>();
        var lines = File.Exists(Path) ? BoundedInput.ReadLines(Path, InputLimits.AuditLog) : [];
        string? previous = AuditHead.Genesis;
        for (var i = 0; i < lines.Length; i++)
        {
            previous = VerifyLine(lines[i], i + 1, previous, entries, problems);
        }

        var head = new AuditHead(lines.Length, entries.Count == 0 ? AuditHead.Genesis : entries[^1].Hash);
        if (withHeadFile)
        {
            CheckHead(ReadHeadFile(problems), head, "the head file " + System.IO.Path.GetFileName(HeadPath), problems);
        }

        if (expectedHead is not null)
        {
            CheckAnchor(expectedHead, lines.Length, entries, problems);
        }

        return new AuditVerification(entries, problems, head);
    }

    // One line of the log, in small plain steps rather than one loop body whose locals are
    // assigned inside a try: mutation testing must be able to change each check here and still
    // compile (docs/testing.md). Returns the hash the next line must follow: this entry's, the
    // one before for an empty line, or null when the line is unreadable (its link cannot be judged).
    private string? VerifyLine(string line, int lineNo, string? previous, List<DeployAuditEntry> entries, List<string> problems)
    {
        if (line.Length == 0)
        {
            problems.Add($"line {lineNo}: empty line; the log holds one JSON entry per line");
            return previous;
        }

        var read = ReadLine(line, lineNo, problems);
        if (read is null)
        {
            return null;
        }

        var (node, entry) = read.Value;
        CheckEntry(node, entry, lineNo, previous, problems);
        entries.Add(entry);
        return entry.Hash;
    }

    private static (JsonObject Node, DeployAuditEntry Entry)? ReadLine(string line, int lineNo, List<string> problems)
    {
        try
        {
            BoundedJson.Check(line, $"line {lineNo}", InputLimits.AuditLog);
            var node = JsonNode.Parse(line)?.AsObject() ?? throw new JsonException("null");
            return (node, AuditChain.Read(node));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or InputRefusedException)
        {
            problems.Add($"line {lineNo}: not a readable entry ({ex.Message.Split(" Path:")[0]}): the line was edited");
            return null;
        }
    }

    private void CheckEntry(JsonObject node, DeployAuditEntry entry, int lineNo, string? previous, List<string> problems)
    {
        if (AuditChain.HashOf(node) != entry.Hash)
        {
            problems.Add($"line {lineNo} (entry {entry.Sequence}): its content does not match its hash: the entry was edited");
        }
        else if (!AuditChain.IsSignedBy(entry.Hash, entry.Signature, _key))
        {
            problems.Add(entry.Signature.Length == 0
                ? $"line {lineNo} (entry {entry.Sequence}): the entry is not signed: it was written without the release key"
                : $"line {lineNo} (entry {entry.Sequence}): its signature does not verify with the release key (key id {ReleaseSigningKey.KeyId(_key)[..16]}…): the entry was written or rewritten without the key");
        }

        if (entry.Sequence != lineNo)
        {
            problems.Add(entry.Sequence > lineNo
                ? $"line {lineNo}: holds entry {entry.Sequence}, expected entry {lineNo}: entries were deleted or reordered"
                : $"line {lineNo}: holds entry {entry.Sequence}, expected entry {lineNo}: entries were reordered or duplicated");
        }

        if (previous is not null && entry.Previous != previous)
        {
            problems.Add($"line {lineNo} (entry {entry.Sequence}): does not follow the entry before it (previous hash differs): an entry was deleted, reordered or rewritten");
        }
    }

    // The external anchor must still be in the log: at its position, with its hash.
    private static void CheckAnchor(AuditHead expectedHead, int lineCount, List<DeployAuditEntry> entries, List<string> problems)
    {
        if (expectedHead.Count > lineCount)
        {
            problems.Add($"the expected anchor names {expectedHead.Count} entries but the log holds {lineCount}: the log was truncated");
        }
        else if (expectedHead.Count > 0 && (expectedHead.Count > entries.Count || entries[(int)expectedHead.Count - 1].Hash != expectedHead.LastHash))
        {
            problems.Add($"entry {expectedHead.Count} does not carry the expected anchor hash {expectedHead.LastHash[..16]}…: the log was rewritten");
        }
    }

    /// <summary>
    /// Appends an entry (sequence, previous hash, hash and time filled in) after verifying the
    /// log: an entry is never chained onto a tampered log.
    /// </summary>
    public DeployAuditEntry Append(DeployAuditEntry draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var verification = Verify();
        if (!verification.IsIntact)
        {
            throw new ReleaseDocumentException($"the deploy audit log {Path} failed verification; nothing was appended: " + string.Join("; ", verification.Problems));
        }

        var entry = draft with
        {
            Sequence = verification.Head.Count + 1,
            At = _time.GetUtcNow(),
            Previous = verification.Head.LastHash,
            Hash = string.Empty,
        };
        var line = AuditChain.Seal(entry, _key);
        var sealedEntry = AuditChain.Read(JsonNode.Parse(line)!.AsObject());

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        Directory.CreateDirectory(directory!);
        using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(line + "\n");
        }

        var temp = HeadPath + ".tmp";
        File.WriteAllText(temp, ReleaseJson.Write(new AuditHead(sealedEntry.Sequence, sealedEntry.Hash)));
        File.Move(temp, HeadPath, overwrite: true);
        return sealedEntry;
    }

    private AuditHead? ReadHeadFile(List<string> problems)
    {
        if (!File.Exists(HeadPath))
        {
            return null;
        }

        try
        {
            return ReleaseJson.Read<AuditHead>(BoundedInput.ReadFile(HeadPath, InputLimits.AuditLog), System.IO.Path.GetFileName(HeadPath));
        }
        catch (ReleaseDocumentException ex)
        {
            problems.Add(ex.Message + ": the head file was edited");
            return AuditHead.Empty;
        }
    }

    private static void CheckHead(AuditHead? recorded, AuditHead actual, string name, List<string> problems)
    {
        if (recorded is null)
        {
            if (actual.Count > 0)
            {
                problems.Add($"{name} is missing while the log holds {actual.Count} entries: the head was deleted (truncation could go unseen)");
            }

            return;
        }

        if (recorded.Count > actual.Count)
        {
            problems.Add($"{name} records {recorded.Count} entries but the log holds {actual.Count}: the log was truncated");
        }
        else if (recorded.Count < actual.Count)
        {
            problems.Add($"{name} records {recorded.Count} entries but the log holds {actual.Count}: entries were added outside kora, or the head was rolled back");
        }
        else if (recorded.LastHash != actual.LastHash)
        {
            problems.Add($"{name} records last hash {recorded.LastHash[..Math.Min(16, recorded.LastHash.Length)]}… but the log ends with {actual.LastHash[..16]}…: the last entry was replaced");
        }
    }
}
