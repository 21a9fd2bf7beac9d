namespace KoraInfra.Platform.Database;

/// <summary>
/// The database roles the migrations create and every check relies on. Names only: no role here
/// ever carries a password in the repository.
/// </summary>
public static class DatabaseRoles
{
    /// <summary>Owns every schema object; NOLOGIN, reached by migrations with <c>SET ROLE</c>.</summary>
    public const string Owner = "kora_owner";

    /// <summary>The application: NOSUPERUSER, NOBYPASSRLS, owns no table, sees one tenant per transaction.</summary>
    public const string Application = "kora_app";

    /// <summary>Read-only reporting, under RLS like the application.</summary>
    public const string Reporting = "kora_reporting";

    /// <summary>
    /// Roles that may be SUPERUSER or BYPASSRLS without being a finding: the bootstrap superuser
    /// of a self-managed cluster and the service roles Azure Database for PostgreSQL keeps for
    /// itself. Anything else with those powers is reported by <c>kora db verify</c>.
    /// </summary>
    public static IReadOnlyList<string> ExpectedPrivileged { get; } = ["postgres", "azuresu", "azure_superuser", "replication"];
}
