using System.Security.Cryptography;
using System.Text.Json;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Cli.Tests.Commands;

[Collection(UsesPasswordPostgres.Name)]
public sealed class DbRotateLoginsCommandTests(PasswordPostgres postgres)
{
    [Fact]
    public void The_password_from_the_environment_logs_in_on_the_planned_slot_and_never_appears_in_the_output()
    {
        var db = postgres.CreateDatabase();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var records = Path.Combine(Directory.CreateTempSubdirectory("kora-rotation-").FullName, "records.json");
        try
        {
            var run = Kora.Process(
                postgres.RepositoryRoot,
                new Dictionary<string, string> { ["KORA_DB_CONNECTION"] = db, ["KORA_LOGIN_PASSWORD_N8N"] = password },
                "db", "rotate-logins", "--login", "n8n:n8n_b:window=p60-20261118", "--record-out", records);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("rotated  postgres-n8n-password (window=p60-20261118)", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(password, run.All, StringComparison.Ordinal);

            using (var login = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db) { Username = "n8n_b", Password = password }.ConnectionString))
            {
                login.Open();
                using var who = new NpgsqlCommand("SELECT current_user", login);
                Assert.Equal("n8n", who.ExecuteScalar());
            }

            using var json = JsonDocument.Parse(File.ReadAllText(records));
            var record = json.RootElement[0];
            Assert.Equal("postgres-n8n-password", record.GetProperty("secret").GetString());
            Assert.Equal("window=p60-20261118", record.GetProperty("version").GetString());
            Assert.EndsWith("n8n_b", record.GetProperty("appliedTo").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            postgres.Execute("postgres", "ALTER ROLE n8n_b NOLOGIN PASSWORD NULL; ALTER ROLE n8n_a NOLOGIN PASSWORD NULL VALID UNTIL 'infinity'");
        }
    }

    [Fact]
    public void A_missing_password_variable_is_a_usage_error_that_names_it_and_changes_nothing()
    {
        var run = Kora.Run("db", "rotate-logins", "--connection", postgres.CreateDatabase(), "--login", "kora_app:kora_app_a:window=p60-20261118");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("KORA_LOGIN_PASSWORD_KORA_APP is not set", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kora_app:kora_app_c:window=x", "is not a slot of kora_app; expected kora_app_a or kora_app_b")]
    [InlineData("kora_reporting:kora_reporting_a:window=x", "is not a password-based login")]
    [InlineData("kora_app:kora_app_a", "is not group:slot:version")]
    public void A_malformed_rotation_says_what_would_be_right(string login, string expected)
    {
        var run = Kora.Run("db", "rotate-logins", "--connection", "Host=127.0.0.1;Port=1;Database=kora;Username=u", "--login", login);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }
}
