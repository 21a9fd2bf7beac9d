namespace KoraInfra.Platform.Input;

/// <summary>
/// How much of an input a reader accepts before it refuses the input, so a hostile or broken
/// file is refused in bounded time and memory instead of hanging or exhausting the process.
/// Each limit is far above what a real input of its kind holds.
/// </summary>
/// <param name="Kind">What the input is, for messages ("stack file", "stack export").</param>
/// <param name="MaxBytes">The largest input, in bytes (UTF-8).</param>
/// <param name="MaxDepth">The deepest nesting of mappings and lists.</param>
/// <param name="MaxNodes">The most values in the whole input, counting each YAML alias as a full copy of what it names.</param>
/// <param name="MaxItems">The most keys in one mapping or items in one list (or lines in a line-per-record file).</param>
/// <param name="MaxStringLength">The longest single value or key, in characters.</param>
public sealed record InputLimits(string Kind, long MaxBytes, int MaxDepth, long MaxNodes, int MaxItems, int MaxStringLength)
{
    private const int MiB = 1024 * 1024;

    /// <summary>A <c>Pulumi.&lt;stack&gt;.yaml</c> file (a few kilobytes in practice).</summary>
    public static InputLimits StackFile { get; } = new("stack file", 1 * MiB, 32, 100_000, 10_000, 128 * 1024);

    /// <summary>The <c>PULUMI_CONFIG</c> JSON the engine hands the program: the same settings as a stack file.</summary>
    public static InputLimits PulumiConfig { get; } = new("PULUMI_CONFIG", 1 * MiB, 32, 100_000, 10_000, 128 * 1024);

    /// <summary>A <c>pulumi stack export</c> file or <c>pulumi preview --json</c> output.</summary>
    public static InputLimits Snapshot { get; } = new("stack snapshot", 256 * MiB, 64, 20_000_000, 1_000_000, 16 * MiB);

    /// <summary>The engine's streamed events (one JSON object per line).</summary>
    public static InputLimits EngineEvents { get; } = new("engine events", 256 * MiB, 64, 20_000_000, 1_000_000, 16 * MiB);

    /// <summary>A promotion evidence file, a release manifest or a DSSE envelope.</summary>
    public static InputLimits ReleaseDocument { get; } = new("release document", 8 * MiB, 32, 200_000, 50_000, 4 * MiB);

    /// <summary>The deploy audit log (one JSON entry per line) and its head.</summary>
    public static InputLimits AuditLog { get; } = new("audit log", 64 * MiB, 16, 5_000_000, 200_000, 64 * 1024);

    /// <summary>
    /// A CycloneDX JSON SBOM bound to a release: an image's runs to thousands of components, and
    /// embedded license texts make long strings.
    /// </summary>
    public static InputLimits Sbom { get; } = new("SBOM", 64 * MiB, 32, 5_000_000, 200_000, 4 * MiB);

    /// <summary>One Alertmanager webhook payload.</summary>
    public static InputLimits WebhookPayload { get; } = new("webhook payload", 1 * MiB, 16, 100_000, 10_000, 64 * 1024);

    /// <summary>The byte limit in words: "1 MiB".</summary>
    public string MaxBytesText => MaxBytes % MiB == 0 ? $"{MaxBytes / MiB} MiB" : $"{MaxBytes} bytes";
}
