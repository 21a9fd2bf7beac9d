using System.Text.RegularExpressions;
using KoraInfra.Platform.Response;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// Every secret the platform has, with owner, scope, rotation and production (seed section 5:
/// "vault/secret manager por ambiente, segredo fora de repositorio e escopo minimo por servico";
/// "rotacao periodica (max 90 dias)"). Building a catalogue checks every entry; holding one means
/// every entry obeys the rules.
/// </summary>
public sealed partial class SecretCatalogue
{
    /// <summary>The seed's longest rotation period: "rotacao periodica (max 90 dias)".</summary>
    public const int MaximumRotationDays = 90;

    /// <summary>The PostgreSQL server administrator password: break-glass only.</summary>
    public const string PostgresAdminPassword = "postgres-admin-password";

    /// <summary>The password of the migration job's database role.</summary>
    public const string PostgresMigratorPassword = "postgres-migrator-password";

    /// <summary>The password of the platform runtime's database role (the RLS subject).</summary>
    public const string PostgresAppPassword = "postgres-app-password";

    /// <summary>The password of n8n's database role.</summary>
    public const string PostgresN8nPassword = "postgres-n8n-password";

    /// <summary>The Azure Cache for Redis access key.</summary>
    public const string RedisAccessKey = "redis-access-key";

    /// <summary>The key n8n encrypts its stored credentials with.</summary>
    public const string N8nEncryptionKey = "n8n-encryption-key";

    /// <summary>The password of n8n's owner account.</summary>
    public const string N8nOwnerPassword = "n8n-owner-password";

    /// <summary>The content type of every generated password.</summary>
    public const string PasswordContentType = "text/plain; kind=password";

    /// <summary>The content type of a generated bearer token.</summary>
    public const string BearerTokenContentType = "text/plain; kind=bearer-token";

    private const string PasswordType = PasswordContentType;

    private const string BearerTokenType = BearerTokenContentType;

    private readonly Dictionary<string, SecretDefinition> _byName;

    private SecretCatalogue(IReadOnlyList<SecretDefinition> entries)
    {
        Entries = entries;
        _byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>The entries, in declaration order.</summary>
    public IReadOnlyList<SecretDefinition> Entries { get; }

    /// <summary>The secret names, for messages.</summary>
    public string ExpectedNames => string.Join(", ", Entries.Select(e => $"'{e.Name}'"));

    /// <summary>The entry with this exact name, or null.</summary>
    public SecretDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Builds a catalogue, rejecting it with every broken rule listed.</summary>
    /// <exception cref="InvalidSecretCatalogueException">An entry breaks a rule.</exception>
    public static SecretCatalogue Create(IEnumerable<SecretDefinition> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in list)
        {
            problems.AddRange(Check(entry));
            if (!seen.Add(entry.Name))
            {
                // Key Vault names are case-insensitive: two entries would be one secret.
                problems.Add($"secret '{entry.Name}': the name is used twice (Key Vault names ignore case); expected one entry per secret");
            }
        }

        return problems.Count == 0 ? new SecretCatalogue(list) : throw new InvalidSecretCatalogueException(problems);
    }

    /// <summary>
    /// The platform's catalogue for a stack: the fixed secrets plus one webhook URL per webhook
    /// alert receiver, named as the stack file names it.
    /// </summary>
    public static SecretCatalogue For(IEnumerable<AlertReceiverSettings> receivers)
    {
        ArgumentNullException.ThrowIfNull(receivers);
        var webhooks = receivers
            .Where(r => r is { Channel: ReceiverChannel.Webhook, UrlSecretName: not null })
            .Select(r => r.UrlSecretName!)
            .Distinct(StringComparer.Ordinal)
            .Select(name => new SecretDefinition(
                name,
                OwnerService: "alertmanager",
                Purpose: "webhook URL of an alert receiver; the URL carries the receiver's token",
                Readers: [Workload.PlatformRuntime],
                Rotation: RotationPolicy.Every(90),
                Production: SecretProduction.ProvidedByOperator,
                ContentType: "text/uri-list"));
        return Create(Fixed.Concat(webhooks));
    }

    private static IEnumerable<SecretDefinition> Fixed =>
    [
        new(PostgresAdminPassword, "postgresql", "server administrator login; break-glass only, no workload reads it", [], RotationPolicy.Every(30), SecretProduction.GeneratedByPulumi, PasswordType),
        new(PostgresMigratorPassword, "postgresql", "role that owns the schema and runs migrations", [Workload.MigrationJob], RotationPolicy.Every(30), SecretProduction.GeneratedByPulumi, PasswordType),
        new(PostgresAppPassword, "postgresql", "role of the platform runtime, subject to row-level security", [Workload.PlatformRuntime], RotationPolicy.Every(60), SecretProduction.GeneratedByPulumi, PasswordType),
        new(PostgresN8nPassword, "postgresql", "role of n8n's own database", [Workload.N8n], RotationPolicy.Every(60), SecretProduction.GeneratedByPulumi, PasswordType),
        new(RedisAccessKey, "redis", "access key of the queue and cache", [Workload.N8n, Workload.PlatformRuntime], RotationPolicy.Every(90), SecretProduction.IssuedByAzure, "text/plain; kind=access-key"),
        new(
            N8nEncryptionKey,
            "n8n",
            "key n8n encrypts every stored workflow credential with",
            [Workload.N8n],
            RotationPolicy.Never("n8n encrypts every saved credential with this key and has no re-keying: a new key makes every stored credential unreadable; replace it only by the emergency procedure that re-enters the credentials"),
            SecretProduction.GeneratedByPulumi,
            "text/plain; kind=encryption-key")
        {
            GeneratedLength = 48,

            // The workloads capability generated it at the stack's root until the vault existed.
            FormerGeneratorName = N8nEncryptionKey,
        },
        new(N8nOwnerPassword, "n8n", "password of n8n's owner account", [Workload.N8n], RotationPolicy.Every(60), SecretProduction.GeneratedByPulumi, PasswordType),

        // Alertmanager (the runtime's identity, through the CSI mount) sends it; the responder checks it.
        new(ResponderEndpoint.WebhookTokenSecretName, "responder", "bearer token Alertmanager presents on the responder's webhook", [Workload.PlatformRuntime, Workload.Responder], RotationPolicy.Every(90), SecretProduction.GeneratedByPulumi, BearerTokenType) { GeneratedLength = 48 },

        // Operators read it from the vault with their group's role; no other workload holds it.
        new(ResponderEndpoint.ApiTokenSecretName, "responder", "bearer token of the responder's operator API (kora incident, kora safe-mode)", [Workload.Responder], RotationPolicy.Every(90), SecretProduction.GeneratedByPulumi, BearerTokenType) { GeneratedLength = 48 },
        new(ResponderEndpoint.DatabasePasswordSecretName, "postgresql", "role of the responder (its schema, tenant controls through their functions)", [Workload.Responder], RotationPolicy.Every(60), SecretProduction.GeneratedByPulumi, PasswordType),
    ];

    private static IEnumerable<string> Check(SecretDefinition entry)
    {
        var name = entry.Name ?? string.Empty;
        if (!VaultSecretName().IsMatch(name))
        {
            yield return $"secret '{name}': not a Key Vault secret name; expected 1-127 letters, digits or hyphens";
        }

        if (string.IsNullOrWhiteSpace(entry.OwnerService))
        {
            yield return $"secret '{name}': no owner service; expected the service the credential belongs to";
        }

        if (string.IsNullOrWhiteSpace(entry.ContentType))
        {
            yield return $"secret '{name}': no content type; expected what the value is, e.g. '{PasswordType}'";
        }

        if (entry.Rotation.PeriodDays is { } days)
        {
            if (days > MaximumRotationDays)
            {
                yield return $"secret '{name}': rotation period of {days} days exceeds the seed's maximum of {MaximumRotationDays} days (\"rotacao periodica (max 90 dias)\"); expected {MaximumRotationDays} days or fewer";
            }
            else if (days < 1)
            {
                yield return $"secret '{name}': rotation period of {days} days; expected 1 to {MaximumRotationDays} days";
            }
        }
        else if (string.IsNullOrWhiteSpace(entry.Rotation.NeverReason))
        {
            yield return $"secret '{name}': excluded from rotation without a reason; expected what would break if it changed";
        }

        if (entry.Production == SecretProduction.GeneratedByPulumi && entry.GeneratedLength < 24)
        {
            yield return $"secret '{name}': generated with {entry.GeneratedLength} characters; expected at least 24";
        }

        if (HasRepeatedReader(entry.Readers))
        {
            yield return $"secret '{name}': a reader is listed twice; expected each workload once";
        }
    }

    // A pairwise loop, not Distinct(): LINQ's set over the Workload enum is JIT-compiled at
    // start-up (ReadyToRun cannot precompile it), and every validate builds the catalogue.
    private static bool HasRepeatedReader(IReadOnlyList<Workload> readers)
    {
        for (var i = 0; i < readers.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (readers[i] == readers[j])
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$")]
    private static partial Regex VaultSecretName();
}
