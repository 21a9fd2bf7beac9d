namespace KoraInfra.Platform.Response;

/// <summary>The responder's place in the kora database (db/migrations V10 creates its role, db/responder its schema).</summary>
public static class ResponderDatabase
{
    /// <summary>The responder's group role: its grants; its slots log in.</summary>
    public const string Role = "kora_responder";
}
