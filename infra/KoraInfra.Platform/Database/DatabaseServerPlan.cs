namespace KoraInfra.Platform.Database;

/// <summary>The compute family of a flexible server (Azure's SKU tiers).</summary>
public enum DatabaseSkuTier
{
    /// <summary>Burstable B-series: development only; offers no high availability.</summary>
    Burstable,

    /// <summary>General purpose D-series: the production family.</summary>
    GeneralPurpose,

    /// <summary>Memory optimised E-series.</summary>
    MemoryOptimized,
}

/// <summary>How the server survives the loss of its primary.</summary>
public enum DatabaseHighAvailability
{
    /// <summary>One server; a failure means a restore.</summary>
    Disabled,

    /// <summary>A hot standby in another availability zone, automatic failover.</summary>
    ZoneRedundant,
}

/// <summary>A server parameter set by the program (Azure "server parameters"), with the reason.</summary>
/// <param name="Name">The PostgreSQL parameter name.</param>
/// <param name="Value">The value, as Azure takes it.</param>
/// <param name="Why">Why it is set: shown in docs and kept next to the value.</param>
public sealed record ServerParameter(string Name, string Value, string Why);

/// <summary>A firewall rule of a server that accepts public traffic.</summary>
/// <param name="Name">The rule name.</param>
/// <param name="StartIpAddress">First address.</param>
/// <param name="EndIpAddress">Last address.</param>
public sealed record FirewallRulePlan(string Name, string StartIpAddress, string EndIpAddress);

/// <summary>A database on the server.</summary>
/// <param name="Name">The database name.</param>
/// <param name="Charset">Character set.</param>
/// <param name="Collation">Collation.</param>
public sealed record DatabaseSpec(string Name, string Charset = "UTF8", string Collation = "en_US.utf8");

/// <summary>The Azure Database for PostgreSQL flexible server of one stack, fully decided.</summary>
/// <param name="ServerName">The server name (globally unique DNS label).</param>
/// <param name="Version">The PostgreSQL major version: the one the migrations are tested against.</param>
/// <param name="SkuName">The compute SKU.</param>
/// <param name="SkuTier">The compute family.</param>
/// <param name="StorageSizeGb">Provisioned storage.</param>
/// <param name="StorageAutoGrow">Whether storage grows before it fills (a full disk stops writes).</param>
/// <param name="BackupRetentionDays">Point-in-time restore window (Azure allows 7-35).</param>
/// <param name="GeoRedundantBackup">Whether backups are copied to the paired region.</param>
/// <param name="HighAvailability">Standby mode.</param>
/// <param name="PublicNetworkAccess">Whether the server accepts traffic from the internet.</param>
/// <param name="FirewallRules">Rules for public access (none where public access is off).</param>
/// <param name="EntraAuthentication">Whether Microsoft Entra principals can log in.</param>
/// <param name="PasswordAuthentication">Whether password logins work (the administrator and the migration Job).</param>
/// <param name="AdministratorLogin">The administrator login name (never a password).</param>
/// <param name="Parameters">Server parameters, as data.</param>
/// <param name="Databases">The databases on the server.</param>
public sealed record DatabaseServerPlan(
    string ServerName,
    string Version,
    string SkuName,
    DatabaseSkuTier SkuTier,
    int StorageSizeGb,
    bool StorageAutoGrow,
    int BackupRetentionDays,
    bool GeoRedundantBackup,
    DatabaseHighAvailability HighAvailability,
    bool PublicNetworkAccess,
    IReadOnlyList<FirewallRulePlan> FirewallRules,
    bool EntraAuthentication,
    bool PasswordAuthentication,
    string AdministratorLogin,
    IReadOnlyList<ServerParameter> Parameters,
    IReadOnlyList<DatabaseSpec> Databases);
