using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Settings;
using Npgsql;

namespace KoraInfra.Platform.Database;

/// <summary>
/// The tenant database of a stack: the flexible server with its parameters and databases, and the
/// Job that migrates it. Every environment difference is decided here, from the profile and the
/// sizing tier.
/// </summary>
/// <param name="Server">The server.</param>
/// <param name="MigrationJob">The migration Job.</param>
/// <param name="Location">The Azure region.</param>
/// <param name="Tags">Tags for the server.</param>
public sealed partial record TenantDatabasePlan(
    DatabaseServerPlan Server,
    MigrationJobPlan MigrationJob,
    string Location,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The application database.</summary>
    public const string KoraDatabase = "kora";

    /// <summary>n8n's own database (its schema is n8n's; it holds no KoraOS tenant table).</summary>
    public const string N8nDatabase = "n8n";

    /// <summary>The repository of the kora tools image (kora + db/migrations).</summary>
    public const string ToolsImageRepository = "ghcr.io/koraos/kora-tools";

    /// <summary>The kora tools image used when no released image is given (branch builds: dev).</summary>
    public const string BranchToolsImage = ToolsImageRepository + ":main";

    /// <summary>The kora tools image of a verified release (by digest), or null when the release carries none.</summary>
    public static string? ReleasedToolsImage(IEnumerable<ImageReference>? releasedImages) =>
        releasedImages?.FirstOrDefault(i => i.Name == ToolsImageRepository)?.ToString();

    /// <summary>Decides the tenant database of a stack.</summary>
    /// <param name="settings">The stack's validated settings.</param>
    /// <param name="migrationsFingerprint">From <see cref="MigrationSet.Fingerprint"/>.</param>
    /// <param name="releasedToolsImage">
    /// The kora tools image of the release being deployed (by digest, from the verified release
    /// manifest); null deploys the branch image, which staging and prod's image policy rejects.
    /// </param>
    public static TenantDatabasePlan For(StackSettings settings, string migrationsFingerprint, string? releasedToolsImage = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(migrationsFingerprint);
        var profile = settings.Environment;
        var tier = settings.SizingTier;
        var (skuName, skuTier, storage) = Compute(tier);
        var highAvailability = HighAvailabilityFor(settings);
        if (highAvailability != DatabaseHighAvailability.Disabled && skuTier == DatabaseSkuTier.Burstable)
        {
            throw new InvalidOperationException($"{profile.StackName} needs zone-redundant HA, which Burstable servers do not offer; choose sizing tier 'medium' or larger");
        }

        var server = new DatabaseServerPlan(
            ServerName: settings.Names.Name(ResourceKind.PostgreSqlServer),
            Version: "15",
            SkuName: skuName,
            SkuTier: skuTier,
            StorageSizeGb: storage,
            StorageAutoGrow: true,
            BackupRetentionDays: BackupRetentionDays(profile.Name),
            GeoRedundantBackup: profile.DataPolicy == DataPolicy.RealTenantSegregatedByRls,
            HighAvailability: highAvailability,
            PublicNetworkAccess: profile.AllowsPublicNetworkAccess,

            // With public access, only Azure-hosted callers (the dev cluster's egress) and the
            // stack file's allowlist (kora-infra:network.publicAllowlist) get in, and TLS is still
            // required. Private environments are reached over a private endpoint.
            FirewallRules: profile.AllowsPublicNetworkAccess
                ? [new FirewallRulePlan("allow-azure-services", "0.0.0.0", "0.0.0.0"), .. settings.Network.PublicAllowlist.Select((range, i) => new FirewallRulePlan($"allowlist-{i}", range.AddressAt(0), range.AddressAt(range.Size - 1)))]
                : [],
            EntraAuthentication: true,
            PasswordAuthentication: true,
            AdministratorLogin: "kora_admin",
            Parameters: Parameters,
            Databases: [new DatabaseSpec(KoraDatabase), new DatabaseSpec(N8nDatabase)]);

        var image = releasedToolsImage ?? BranchToolsImage;
        var job = new MigrationJobPlan(
            Image: image,
            MeetsImagePolicy: !profile.RequiresImageDigests || IsDigestReference(image),
            Args: ["db", "migrate", "--migrations", MigrationJobPlan.MigrationsPathInImage],
            ConnectionVariable: "KORA_DB_CONNECTION",
            SecretName: "kora-db-migrator",
            SecretKey: "connection",
            MigrationsFingerprint: migrationsFingerprint,
            BackoffLimit: 2,
            ActiveDeadlineSeconds: 600,
            Labels: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = "kora-db-migrate",
                ["app.kubernetes.io/component"] = "db-migrations",
                ["app.kubernetes.io/part-of"] = "koraos",
                ["app.kubernetes.io/managed-by"] = "pulumi",
            });

        return new TenantDatabasePlan(server, job, settings.Region.Name, settings.Tags.All);
    }

    /// <summary>
    /// The server's standby mode: zone-redundant HA where the environment must survive a zone
    /// (its profile) and the region has zones; none elsewhere. The failover drill reads it too.
    /// </summary>
    public static DatabaseHighAvailability HighAvailabilityFor(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Environment.ZoneRedundant && settings.Region.HasAvailabilityZones
            ? DatabaseHighAvailability.ZoneRedundant
            : DatabaseHighAvailability.Disabled;
    }

    /// <summary>
    /// Server parameters, the same everywhere: TLS is never optional, and connections are logged
    /// for the audit trail.
    /// </summary>
    public static IReadOnlyList<ServerParameter> Parameters { get; } =
    [
        new("require_secure_transport", "on", "refuse every connection that is not TLS"),
        new("ssl_min_protocol_version", "TLSv1.2", "no TLS 1.0/1.1"),
        new("log_connections", "on", "who connected, for the audit trail"),
        new("log_disconnections", "on", "session lengths, for the audit trail"),
    ];

    /// <summary>Point-in-time restore window: prod keeps Azure's maximum.</summary>
    public static int BackupRetentionDays(EnvironmentName environment) => environment switch
    {
        EnvironmentName.Dev => 7,
        EnvironmentName.Staging => 14,
        EnvironmentName.Prod => 35,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a KoraOS environment"),
    };

    /// <summary>The SKU and storage of a sizing tier.</summary>
    public static (string SkuName, DatabaseSkuTier Tier, int StorageSizeGb) Compute(SizingTier tier) => tier switch
    {
        SizingTier.Small => ("Standard_B1ms", DatabaseSkuTier.Burstable, 32),
        SizingTier.Medium => ("Standard_D2ds_v5", DatabaseSkuTier.GeneralPurpose, 64),
        SizingTier.Large => ("Standard_D4ds_v5", DatabaseSkuTier.GeneralPurpose, 128),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "not a sizing tier"),
    };

    /// <summary>
    /// The administrator connection string the migration Job uses: TLS with full certificate and
    /// host verification (Azure's certificates chain to public roots).
    /// </summary>
    public static string AdministratorConnectionString(string host, string login, string password, string database = KoraDatabase) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = 5432,
            Database = database,
            Username = login,
            Password = password,
            SslMode = SslMode.VerifyFull,
        }.ConnectionString;

    /// <summary>True for <c>registry/repo@sha256:&lt;64 hex&gt;</c>.</summary>
    public static bool IsDigestReference(string image) => DigestReference().IsMatch(image);

    [GeneratedRegex("^[^@\\s]+@sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestReference();
}
