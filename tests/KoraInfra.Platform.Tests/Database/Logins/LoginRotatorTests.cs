using System.Security.Cryptography;
using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Secrets;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Database.Logins;

/// <summary>Rotation against a real PostgreSQL 15 that checks passwords (scram-sha-256).</summary>
[Collection(UsesPasswordPostgres.Name)]
public sealed class LoginRotatorTests : IDisposable
{
    private static readonly DatabaseLogin App = DatabaseLogin.Find("kora_app")!;
    private readonly PasswordPostgres _postgres;
    private readonly string _database;

    public LoginRotatorTests(PasswordPostgres postgres)
    {
        _postgres = postgres;
        _database = postgres.CreateDatabase();

        // Roles outlive databases: every test starts from slots that never logged in.
        ResetSlots();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        ResetSlots();
    }

    [Fact]
    public void The_new_password_logs_in_and_the_previous_one_only_within_the_overlap()
    {
        var first = Password();
        var second = Password();
        Rotate("a", "window=v1", first, TimeSpan.FromHours(1));
        Assert.Equal("kora_app", LogInAndSayWhoActs("kora_app_a", first));

        var overlap = TimeSpan.FromSeconds(3);
        var appliedAt = DateTimeOffset.UtcNow;
        var record = Rotate("b", "window=v2", second, overlap);

        Assert.Equal("kora_app", LogInAndSayWhoActs("kora_app_b", second));
        Assert.Equal("kora_app", LogInAndSayWhoActs("kora_app_a", first));
        Assert.Equal(LoginFailure.WrongPassword, TryLogIn("kora_app_b", first));

        WaitUntil(appliedAt + overlap + TimeSpan.FromSeconds(1));
        Assert.Equal(LoginFailure.WrongPassword, TryLogIn("kora_app_a", first));
        Assert.Equal("kora_app", LogInAndSayWhoActs("kora_app_b", second));

        // The next run after the overlap locks the previous slot outright, and keeps the record's deadline.
        var again = Rotate("b", "window=v2", second, TimeSpan.FromHours(5));
        Assert.Equal(record.PreviousValidUntil, again.PreviousValidUntil);
        Assert.Equal(record.AppliedAt, again.AppliedAt);
        Assert.False(CanLogIn("kora_app_a"));
        Assert.True(CanLogIn("kora_app_b"));
    }

    [Fact]
    public void A_connection_opened_with_the_previous_value_keeps_working_after_the_overlap()
    {
        var first = Password();
        Rotate("a", "window=v1", first, TimeSpan.FromHours(1));
        using var open = Open("kora_app_a", first);

        var overlap = TimeSpan.FromSeconds(2);
        var appliedAt = DateTimeOffset.UtcNow;
        Rotate("b", "window=v2", Password(), overlap);
        WaitUntil(appliedAt + overlap + TimeSpan.FromSeconds(1));
        Rotate("b", "window=v2", Password(), overlap);

        using var command = new NpgsqlCommand("SELECT count(*) FROM kora.tenants", open);
        Assert.Equal(0L, command.ExecuteScalar());
    }

    [Fact]
    public async Task A_client_that_reloads_on_a_refused_login_runs_the_tenant_transaction_without_a_failure()
    {
        var first = Password();
        var second = Password();
        Rotate("a", "window=v1", first, TimeSpan.FromHours(1));
        var vault = new LoginCredential("kora_app_a", first);
        var connector = new ReloadingConnector(new NpgsqlConnectionStringBuilder(_database) { Username = null, Password = null }.ConnectionString, _ => Task.FromResult(vault));
        Assert.Equal(0L, await TenantCountAsync(connector));

        // The vault moves to the next value; the previous slot's overlap is already over.
        var appliedAt = DateTimeOffset.UtcNow;
        Rotate("b", "window=v2", second, TimeSpan.FromSeconds(1));
        vault = new LoginCredential("kora_app_b", second);
        WaitUntil(appliedAt + TimeSpan.FromSeconds(2));

        Assert.Equal(0L, await TenantCountAsync(connector));
        Assert.Equal(2, connector.Loads);
    }

    [Fact]
    public void Each_rotation_is_recorded_once_with_secret_version_place_and_time()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var record = Rotate("a", "window=v1", Password(), TimeSpan.FromHours(1));
        Rotate("a", "window=v1", Password(), TimeSpan.FromHours(1));

        Assert.Equal("postgres-app-password", record.Secret);
        Assert.Equal("window=v1", record.Version);
        Assert.EndsWith("kora_app_a", record.AppliedTo, StringComparison.Ordinal);
        Assert.Contains($":{_postgres.Port}/", record.AppliedTo, StringComparison.Ordinal);
        Assert.InRange(record.AppliedAt, before, DateTimeOffset.UtcNow);

        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM kora.credential_rotations WHERE login_group = 'kora_app' AND secret_version = 'window=v1'", connection);
        Assert.Equal(1L, count.ExecuteScalar());
        using var edit = new NpgsqlCommand("DELETE FROM kora.credential_rotations", connection);
        var refused = Assert.Throws<PostgresException>(() => edit.ExecuteNonQuery());
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_the_verifier_refuses_changes_nothing()
    {
        var good = Password();
        Rotate("a", "window=v1", good, TimeSpan.FromHours(1));

        Assert.Throws<ArgumentException>(() => Rotate("b", "window=v2", "not ascii ção", TimeSpan.FromHours(1)));

        Assert.Equal("kora_app", LogInAndSayWhoActs("kora_app_a", good));
        Assert.Equal(LoginFailure.WrongPassword, TryLogIn("kora_app_b", good));
        Assert.False(CanLogIn("kora_app_b"));
    }

    // The server checks the password (and its VALID UNTIL) before LOGIN: a slot without a
    // current password is refused as a wrong password, whatever its other attributes.
    private enum LoginFailure
    {
        None,
        WrongPassword,
        NotPermitted,
    }

    private static string Password() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    private static void WaitUntil(DateTimeOffset moment)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
        }
    }

    private static async Task<long> TenantCountAsync(ReloadingConnector connector)
    {
        await using var connection = await connector.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var bind = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", connection, transaction))
        {
            bind.Parameters.AddWithValue("t", Guid.NewGuid().ToString());
            await bind.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM kora.contacts", connection, transaction);
        var result = (long)(await count.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        return result;
    }

    private CredentialRotationRecord Rotate(string slot, string version, string password, TimeSpan overlap)
    {
        var rotation = new LoginRotation(App, "kora_app_" + slot, "kora_app_" + (slot == "a" ? "b" : "a"), version);
        return LoginRotator.Apply(_database, [(rotation, password)], DateTimeOffset.UtcNow, overlap).Single();
    }

    private NpgsqlConnection Open(string login, string password)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database) { Username = login, Password = password }.ConnectionString);
        connection.Open();
        return connection;
    }

    private string LogInAndSayWhoActs(string login, string password)
    {
        using var connection = Open(login, password);
        using var command = new NpgsqlCommand("SELECT current_user", connection);
        return (string)command.ExecuteScalar()!;
    }

    private LoginFailure TryLogIn(string login, string password)
    {
        try
        {
            using var connection = Open(login, password);
            return LoginFailure.None;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            return LoginFailure.WrongPassword;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            return LoginFailure.NotPermitted;
        }
    }

    private bool CanLogIn(string slot)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT rolcanlogin FROM pg_roles WHERE rolname = @r", connection);
        command.Parameters.AddWithValue("r", slot);
        return (bool)command.ExecuteScalar()!;
    }

    private void ResetSlots()
    {
        foreach (var slot in App.Slots)
        {
            _postgres.Execute("postgres", $"ALTER ROLE {slot} NOLOGIN PASSWORD NULL VALID UNTIL 'infinity'");
        }
    }
}
