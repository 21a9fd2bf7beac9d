using KoraInfra.Platform.Response;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Database.Logins;

/// <summary>
/// A password-based login of the platform: a NOLOGIN group role that holds the grants and two
/// login slots (<c>&lt;group&gt;_a</c>, <c>&lt;group&gt;_b</c>) that alternate at each rotation.
/// </summary>
/// <param name="Group">The group role (what the grants name).</param>
/// <param name="Secret">The vault secret holding the current password.</param>
/// <param name="WhyPassword">Why this login is password-based and not an Entra principal.</param>
public sealed record DatabaseLogin(string Group, string Secret, string WhyPassword)
{
    /// <summary>The two login slots.</summary>
    public IReadOnlyList<string> Slots => [Group + "_a", Group + "_b"];

    /// <summary>The environment variable the rotation Job reads this login's new password from (never an argument).</summary>
    public string PasswordVariable => "KORA_LOGIN_PASSWORD_" + Group.ToUpperInvariant();

    /// <summary>
    /// The platform's password-based logins, each with the reason it is not Entra-authenticated.
    /// <c>kora_reporting</c> is not here: its readers are people and BI tools that sign in with
    /// Entra, made members of it on the server, so no password of it exists.
    /// </summary>
    public static IReadOnlyList<DatabaseLogin> All { get; } =
    [
        new(
            DatabaseRoles.Application,
            SecretCatalogue.PostgresAppPassword,
            "the platform runtime connects with a connection string from the vault; it moves to Entra (its workload identity as a member of kora_app) when the runtime acquires tokens for PostgreSQL"),
        new(
            N8nDatabase.User,
            SecretCatalogue.PostgresN8nPassword,
            "n8n's PostgreSQL connection takes only a static user and password (DB_POSTGRESDB_USER/PASSWORD); it cannot present an Entra token"),
        new(
            ResponderDatabase.Role,
            ResponderEndpoint.DatabasePasswordSecretName,
            "the responder connects with a connection string from the vault, like the platform runtime; its slots are created by db/responder V2"),
    ];

    /// <summary>The login of a group, or null.</summary>
    public static DatabaseLogin? Find(string group) => All.FirstOrDefault(l => l.Group == group);
}
