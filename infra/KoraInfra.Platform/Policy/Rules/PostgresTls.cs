using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-020: every PostgreSQL server requires TLS 1.2 or later.</summary>
public sealed class PostgresTls : PolicyRule
{
    private static readonly HashSet<string> AcceptedTlsVersions = new(StringComparer.OrdinalIgnoreCase) { "TLSv1.2", "TLSv1.3" };

    /// <inheritdoc />
    public override string Id => "KORA-020";

    /// <inheritdoc />
    public override string Title => "PostgreSQL servers set require_secure_transport=on and ssl_min_protocol_version TLSv1.2 or later";

    /// <inheritdoc />
    public override string Rationale => "Tenant data and credentials must never cross the network in clear text or over broken TLS versions.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_147"];

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configurations = context.Stack.OfType(TypeTokens.PostgreSqlConfiguration).ToList();
        foreach (var server in context.Stack.OfType(TypeTokens.PostgreSqlServer))
        {
            var serverName = server.Text("serverName");

            // A configuration whose server name is not known yet (a preview) is counted for every server.
            var own = configurations.Where(c => c.Text("serverName") is not { } name || name == serverName).ToList();
            string? Value(string parameter) => own.FirstOrDefault(c => c.Text("configurationName") == parameter)?.Text("value");

            if (!string.Equals(Value("require_secure_transport"), "on", StringComparison.OrdinalIgnoreCase))
            {
                yield return new Finding(server.Urn, $"server '{serverName}' has no require_secure_transport=on configuration");
            }

            var tls = Value("ssl_min_protocol_version");
            if (tls is null || !AcceptedTlsVersions.Contains(tls))
            {
                yield return new Finding(server.Urn, $"server '{serverName}' has ssl_min_protocol_version {(tls is null ? "unset" : $"'{tls}'")}; expected TLSv1.2 or TLSv1.3");
            }
        }
    }
}
