using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using KoraInfra.Platform.Input;

namespace KoraInfra.Platform.Policy.Snapshots;

/// <summary>
/// Reads a stack's resources from any of Pulumi's machine-readable outputs, telling the format
/// from the content, so the reviewer can hand kora whatever the pipeline kept.
/// </summary>
public static class SnapshotReader
{
    // From this size on, the limits' pass and the parse run side by side (below it, starting a
    // thread costs more than it saves; an export of 10,000 resources is about 3.6 MB).
    private const int SideBySideFrom = 1 << 20;

    /// <summary>Reads <paramref name="text"/>; <paramref name="origin"/> names it in errors.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="origin">The file name, for messages.</param>
    /// <param name="stackName">The stack, when known; otherwise taken from the resources' URNs.</param>
    public static (StackSnapshot Snapshot, SnapshotFormat Format) Read(string text, string origin, string? stackName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Empty(origin);
        }

        try
        {
            BoundedInput.Check(text, origin, InputLimits.Snapshot);
        }
        catch (InputRefusedException ex)
        {
            throw new PolicyInputException(ex.Message, ex);
        }

        return Read(Encoding.UTF8.GetBytes(text), origin, stackName);
    }

    /// <summary>
    /// Reads a file's content held as UTF-8 (<see cref="BoundedInput.ReadUtf8"/>): the form a
    /// large export is read in, since the limits' pass and the parse both read UTF-8.
    /// </summary>
    /// <param name="utf8">The file's content, UTF-8 without a byte-order mark.</param>
    /// <param name="origin">The file name, for messages.</param>
    /// <param name="stackName">The stack, when known; otherwise taken from the resources' URNs.</param>
    public static (StackSnapshot Snapshot, SnapshotFormat Format) Read(byte[] utf8, string origin, string? stackName = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (IsBlank(utf8))
        {
            throw Empty(origin);
        }

        var (root, format) = CheckAndDetect(utf8, origin);
        var findings = new List<EngineFinding>();
        var resources = format switch
        {
            SnapshotFormat.StackExport => ResourceStates.Build(Json.ArrayAt(Json.ObjectAt(root, "deployment"), "resources"), origin, "deployment.resources"),
            SnapshotFormat.PreviewJson => FromSteps(Json.ArrayAt(root, "steps"), origin),
            SnapshotFormat.EngineEvents => EngineEvents.Read(Encoding.UTF8.GetString(utf8), origin, findings),
            SnapshotFormat.EvaluationRequest => ResourceStates.Build(Json.ArrayAt(root, "resources"), origin, "resources"),
            _ => throw new PolicyInputException($"{origin}: unsupported format {format}"),
        };

        var stack = stackName ?? Json.TextOf(Json.Get(root, "stack")) ?? StackOf(resources) ?? throw new PolicyInputException(
            $"{origin}: the stack cannot be told (no resource URN names it); pass --stack dev|staging|prod");
        return (new StackSnapshot(stack, resources, findings), format);
    }

    // A preview's steps: each step's new state, where it has one (a delete has none).
    private static List<ResourceSnapshot> FromSteps(JsonElement? steps, string origin)
    {
        var resources = new List<ResourceSnapshot>();
        if (steps is not { } list)
        {
            return resources;
        }

        foreach (var step in list.EnumerateArray())
        {
            if (Json.Get(step, "newState") is { } state)
            {
                resources.Add(ResourceStates.BuildOne(state, resources.Count, origin, "steps[].newState"));
            }
        }

        return resources;
    }

    // The document is parsed once into elements that own their memory (not a pooled
    // JsonDocument): the resources point into it for as long as anyone holds them.
    private static (JsonElement? Root, SnapshotFormat Format) Detect(byte[] utf8, string origin)
    {
        JsonElement root;
        try
        {
            root = JsonElement.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException) when (LooksLikeEventLines(Encoding.UTF8.GetString(utf8)))
        {
            return (null, SnapshotFormat.EngineEvents);
        }
        catch (JsonException ex)
        {
            throw new PolicyInputException($"{origin}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message.Split('.')[0]}); expected a 'pulumi stack export', 'pulumi preview --json' or engine-events file", ex);
        }

        return root switch
        {
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("deployment", out _) => (root, SnapshotFormat.StackExport),
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("steps", out _) || root.TryGetProperty("changeSummary", out _) => (root, SnapshotFormat.PreviewJson),
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("resources", out _) => (root, SnapshotFormat.EvaluationRequest),
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("sequence", out _) => (root, SnapshotFormat.EngineEvents),
            _ => throw new PolicyInputException($"{origin}: a JSON document with none of 'deployment' (stack export), 'steps' (preview), 'resources' (evaluation request) or engine events"),
        };
    }

    // The limits' pass and the parse each read the whole document. A large one (an export of
    // thousands of resources) has them run side by side on two cores; the limits still decide
    // first: a refusal is what the user hears, whatever the parse found, as one after the other.
    private static (JsonElement? Root, SnapshotFormat Format) CheckAndDetect(byte[] utf8, string origin)
    {
        if (utf8.Length < SideBySideFrom)
        {
            CheckLimits(utf8, origin);
            return Detect(utf8, origin);
        }

        var limits = Task.Run(() => CheckLimits(utf8, origin));
        (JsonElement? Root, SnapshotFormat Format) detected = default;
        PolicyInputException? unreadable = null;
        try
        {
            detected = Detect(utf8, origin);
        }
        catch (PolicyInputException ex)
        {
            unreadable = ex;
        }

        limits.GetAwaiter().GetResult();
        if (unreadable is not null)
        {
            ExceptionDispatchInfo.Throw(unreadable);
        }

        return detected;
    }

    private static void CheckLimits(byte[] utf8, string origin)
    {
        try
        {
            BoundedJson.Check(utf8, origin, InputLimits.Snapshot);
        }
        catch (InputRefusedException ex)
        {
            throw new PolicyInputException(ex.Message, ex);
        }
    }

    private static PolicyInputException Empty(string origin) =>
        new($"{origin}: the file is empty; expected a 'pulumi stack export', 'pulumi preview --json' or engine-events file");

    // Whitespace only, by string.IsNullOrWhiteSpace's rule, read from the start: a document
    // answers at its first byte.
    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(utf8, out var rune, out var used) != OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                return false;
            }

            utf8 = utf8[used..];
        }

        return true;
    }

    private static bool LooksLikeEventLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } first
        && first.StartsWith('{') && first.Contains("\"sequence\"", StringComparison.Ordinal);

    // The stack named by the first resource URN that names one ("urn:pulumi:<stack>::...", the
    // stack possibly qualified as org/project/stack).
    private static string? StackOf(List<ResourceSnapshot> resources)
    {
        foreach (var resource in resources)
        {
            var prefix = resource.Urn.Split("::", 2)[0];
            if (prefix.StartsWith("urn:pulumi:", StringComparison.Ordinal))
            {
                var stack = prefix["urn:pulumi:".Length..];
                return stack.Contains('/', StringComparison.Ordinal) ? stack[(stack.LastIndexOf('/') + 1)..] : stack;
            }
        }

        return null;
    }
}
