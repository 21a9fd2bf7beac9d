using System.Globalization;
using System.Text.RegularExpressions;
using KoraInfra.Platform.Secrets;
using Npgsql;

namespace KoraInfra.Platform.Database.Logins;

/// <summary>
/// Applies the vault's current passwords to the server's login slots, without downtime: the
/// current slot gets the new value (as a SCRAM verifier) and LOGIN; the previous slot keeps its
/// value until the overlap ends (<c>VALID UNTIL</c>, which the server enforces on its own) and is
/// set NOLOGIN by the first run after that. Each login is one transaction, recorded in
/// <c>kora.credential_rotations</c>; a second run of the same version changes no deadline.
/// </summary>
public static partial class LoginRotator
{
    /// <summary>Applies each rotation, returning the record of each.</summary>
    /// <param name="connectionString">A login allowed to alter the slots (the server administrator; CREATEROLE).</param>
    /// <param name="rotations">Each login's planned rotation and the vault's current value for it.</param>
    /// <param name="now">The time the rotation is applied at.</param>
    /// <param name="overlap">How long the previous value keeps working (<see cref="LoginRotationPlan.Overlap"/>).</param>
    public static IReadOnlyList<CredentialRotationRecord> Apply(string connectionString, IReadOnlyList<(LoginRotation Rotation, string Password)> rotations, DateTimeOffset now, TimeSpan overlap)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(rotations);
        // PostgreSQL keeps microseconds: the record read back must equal the one returned.
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var records = new List<CredentialRotationRecord>();
        foreach (var (rotation, password) in rotations)
        {
            // Computed before any statement: a bad value changes nothing.
            var verifier = ScramVerifier.Compute(password);
            records.Add(ApplyOne(connection, server, rotation, verifier, now, overlap));
        }

        return records;
    }

    private static CredentialRotationRecord ApplyOne(NpgsqlConnection connection, string server, LoginRotation rotation, string verifier, DateTimeOffset now, TimeSpan overlap)
    {
        var current = Identifier(rotation.CurrentSlot);
        var previous = Identifier(rotation.PreviousSlot);
        using var transaction = connection.BeginTransaction();

        // Serialises two Jobs rotating the same login.
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('kora.credential_rotations'), hashtext(@g))", ("g", rotation.Login.Group));

        DateTimeOffset appliedAt;
        DateTimeOffset previousValidUntil;
        bool isNew;
        using (var find = new NpgsqlCommand("SELECT applied_at, previous_valid_until FROM kora.credential_rotations WHERE login_group = @g AND secret_version = @v", connection, transaction))
        {
            find.Parameters.AddWithValue("g", rotation.Login.Group);
            find.Parameters.AddWithValue("v", rotation.SecretVersion);
            using var reader = find.ExecuteReader();
            if (reader.Read())
            {
                appliedAt = reader.GetFieldValue<DateTimeOffset>(0);
                previousValidUntil = reader.GetFieldValue<DateTimeOffset>(1);
                isNew = false;
            }
            else
            {
                appliedAt = now;
                previousValidUntil = now + overlap;
                isNew = true;
            }
        }

        // The verifier is the only form of the value the server sees. A utility statement takes no
        // parameters; the verifier is base64 and '$', ':' only, so it needs no escaping.
        Execute(connection, transaction, $"ALTER ROLE {current} LOGIN PASSWORD '{verifier}' VALID UNTIL 'infinity'");
        if (isNew)
        {
            Execute(connection, transaction, $"ALTER ROLE {previous} VALID UNTIL '{Timestamp(previousValidUntil)}'");
            Execute(
                connection,
                transaction,
                "INSERT INTO kora.credential_rotations (secret_name, secret_version, login_group, current_login, previous_login, applied_at, previous_valid_until) VALUES (@s, @v, @g, @c, @p, @a, @u)",
                ("s", rotation.Login.Secret),
                ("v", rotation.SecretVersion),
                ("g", rotation.Login.Group),
                ("c", rotation.CurrentSlot),
                ("p", rotation.PreviousSlot),
                ("a", appliedAt),
                ("u", previousValidUntil));
        }

        if (now >= previousValidUntil)
        {
            // After the overlap the previous slot is locked outright, not only expired.
            Execute(connection, transaction, $"ALTER ROLE {previous} NOLOGIN");
        }

        transaction.Commit();
        return new CredentialRotationRecord(rotation.Login.Secret, rotation.SecretVersion, $"{server} {rotation.CurrentSlot}", appliedAt, previousValidUntil);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static string Identifier(string role) =>
        RoleName().IsMatch(role) ? role : throw new ArgumentException($"'{role}' is not a login slot name; expected lower-case letters, digits and '_'", nameof(role));

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
