using System.Security.Cryptography;
using KoraInfra.Platform.Database.Logins;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Database.Logins;

[Collection(UsesPasswordPostgres.Name)]
public sealed class ScramVerifierTests(PasswordPostgres postgres)
{
    [Fact]
    public void The_verifier_is_the_one_the_server_computes_for_the_same_salt()
    {
        var role = $"kora_test_scram_{Environment.ProcessId}";
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        postgres.Execute("postgres", $"CREATE ROLE {role} LOGIN PASSWORD '{password}'");
        try
        {
            using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
            connection.Open();
            using var read = new NpgsqlCommand($"SELECT rolpassword FROM pg_authid WHERE rolname = '{role}'", connection);
            var serverVerifier = (string)read.ExecuteScalar()!;

            // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
            var head = serverVerifier.Split('$')[1].Split(':');
            var ours = ScramVerifier.Compute(password, Convert.FromBase64String(head[1]), int.Parse(head[0], System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(serverVerifier, ours);
        }
        finally
        {
            postgres.Execute("postgres", $"DROP ROLE {role}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("ção")]
    public void A_password_the_server_might_normalise_differently_is_refused(string password)
    {
        var ex = Assert.Throws<ArgumentException>(() => ScramVerifier.Compute(password));
        Assert.Contains("printable ASCII", ex.Message, StringComparison.Ordinal);
    }
}
