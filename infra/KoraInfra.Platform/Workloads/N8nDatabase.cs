namespace KoraInfra.Platform.Workloads;

/// <summary>
/// n8n's own database on the stack's PostgreSQL server. The database capability creates the
/// server, the database and the role; these are the names it creates them with.
/// </summary>
public static class N8nDatabase
{
    /// <summary>The database (issue: "databases kora and n8n").</summary>
    public const string Name = "n8n";

    /// <summary>n8n's login role, owner of its database only.</summary>
    public const string User = "n8n";

    /// <summary>PostgreSQL's port.</summary>
    public const int Port = 5432;

    /// <summary>n8n keeps its tables in the default schema of its own database.</summary>
    public const string Schema = "public";
}
