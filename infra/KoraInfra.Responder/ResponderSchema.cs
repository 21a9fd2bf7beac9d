namespace KoraInfra.Responder;

/// <summary>The responder's own migrations (db/responder), kept apart from the tenant database's changelog.</summary>
public static class ResponderSchema
{
    /// <summary>The Evolve changelog table of db/responder.</summary>
    public const string ChangelogTable = "kora_responder_changelog";

    /// <summary>The repository-relative directory of the migrations.</summary>
    public const string RelativeDirectory = "db/responder";
}
