using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-030: Redis accepts TLS 1.2 or later only.</summary>
public sealed class RedisTlsOnly : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-030";

    /// <inheritdoc />
    public override string Title => "Azure Cache for Redis disables the non-TLS port and requires TLS 1.2";

    /// <inheritdoc />
    public override string Rationale => "The queue carries workflow payloads of every tenant; they never cross the network in clear text.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_91", "CKV_AZURE_148"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.Redis };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Flag("enableNonSslPort") == true)
        {
            yield return "enableNonSslPort is true; the non-TLS port must stay closed";
        }

        if (resource.Text("minimumTlsVersion") != "1.2")
        {
            yield return $"minimumTlsVersion is {resource.Text("minimumTlsVersion") ?? "unset"}; expected 1.2";
        }
    }
}
