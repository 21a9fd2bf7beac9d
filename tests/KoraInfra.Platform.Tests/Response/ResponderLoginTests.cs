using System.Security.Cryptography;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Response;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Response;

/// <summary>
/// The responder's login rotates like the others: db/responder V2 gives kora_responder two slots,
/// and the same rotator sets the vault's value on the planned one (a password-checking server).
/// </summary>
[Collection(UsesPasswordPostgres.Name)]
public sealed class ResponderLoginTests : IDisposable
{
    private readonly string _database;

    public ResponderLoginTests(PasswordPostgres postgres)
    {
        _database = postgres.CreateDatabase();
        SchemaMigrator.Migrate(_database, Path.Combine(postgres.RepositoryRoot, "db", "responder"), changelogTable: "kora_responder_changelog");
        ResetSlots();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        ResetSlots();
    }

    [Fact]
    public void The_vaults_password_logs_in_on_the_planned_slot_acting_as_kora_responder_and_the_group_never_logs_in()
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var rotation = new LoginRotation(ResponderPlan.Login, "kora_responder_b", "kora_responder_a", "window=p60-20261118");

        var record = LoginRotator.Apply(_database, [(rotation, password)], DateTimeOffset.UtcNow, LoginRotationPlan.Overlap).Single();

        Assert.Equal(ResponderEndpoint.DatabasePasswordSecretName, record.Secret);
        var connection = new NpgsqlConnectionStringBuilder(_database) { Username = "kora_responder_b", Password = password }.ConnectionString;
        using (var session = new NpgsqlConnection(connection))
        {
            session.Open();
            using var who = new NpgsqlCommand("SELECT current_user, (SELECT count(*) FROM responder.incidents)", session);
            using var reader = who.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal("kora_responder", reader.GetString(0));
            Assert.Equal(0L, reader.GetInt64(1));
        }

        Assert.False(CanLogIn("kora_responder"));
        Assert.False(CanLogIn("kora_responder_a"));
        Assert.True(CanLogIn("kora_responder_b"));
    }

    private bool CanLogIn(string role)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT rolcanlogin FROM pg_roles WHERE rolname = @r", connection);
        command.Parameters.AddWithValue("r", role);
        return (bool)command.ExecuteScalar()!;
    }

    // Roles outlive databases: every test starts from slots that never logged in.
    private void ResetSlots() => ThrowawayPostgres.ExecuteOn(_database, """
        DO $reset$
        BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'kora_responder_a') THEN
                ALTER ROLE kora_responder_a NOLOGIN PASSWORD NULL VALID UNTIL 'infinity';
                ALTER ROLE kora_responder_b NOLOGIN PASSWORD NULL VALID UNTIL 'infinity';
            END IF;
        END
        $reset$;
        """);
}
