using KoraInfra.Platform.Database;
using KoraInfra.Platform.Database.Seed;
using KoraInfra.Platform.Verification.Restore;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Verification.Restore;

/// <summary>
/// V17's heartbeat table, written the way staging writes it: a real login as an application slot
/// (kora_app_a, acting as the kora_app group), which may append a heartbeat and nothing else.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class HeartbeatMigrationTests(ThrowawayPostgres postgres)
{
    private const string Slot = "kora_app_a";

    [Fact]
    public async Task An_application_slot_appends_a_heartbeat_but_cannot_edit_read_or_empty_it()
    {
        var db = postgres.CreateDatabase();
        await DatabaseSeeder.SeedAsync(db, SyntheticDataGenerator.Generate(3, new SeedSize(Tenants: 2, ContactsPerTenant: 3, FlowsPerTenant: 1, ExecutionsPerTenant: 1), SeedMode.StagingMaskedWithReset));
        var asSlot = new NpgsqlConnectionStringBuilder(db) { Username = Slot }.ConnectionString;

        // Slots are cluster-wide and NOLOGIN until a rotation sets their password; this server trusts loopback.
        postgres.Execute("postgres", $"ALTER ROLE {Slot} LOGIN");
        try
        {
            await Heartbeat.WriteAsync(asSlot, CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(5));
            await Heartbeat.WriteAsync(asSlot, CancellationToken.None);
            Assert.Equal(2L, Scalar(db, "SELECT count(*) FROM kora_drill.heartbeat"));
            Assert.Equal("kora_app", Scalar<string>(asSlot, "SELECT current_user::text"));

            foreach (var sql in new[]
            {
                "UPDATE kora_drill.heartbeat SET at = at - interval '1 hour'",
                "DELETE FROM kora_drill.heartbeat",
                "TRUNCATE kora_drill.heartbeat",
                "SELECT count(*) FROM kora_drill.heartbeat",
                "ALTER TABLE kora_drill.heartbeat ADD COLUMN tenant_id uuid",
            })
            {
                var ex = Assert.Throws<PostgresException>(() => Scalar(asSlot, sql));
                Assert.True(ex.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: expected permission denied, got {ex.SqlState} {ex.MessageText}");
            }

            // The slot's session, bound to no tenant, sees no tenant row anywhere.
            Assert.Equal(0L, Scalar(asSlot, "SELECT count(*) FROM kora.contacts"));
            Assert.Equal(2L, Scalar(db, "SELECT count(*) FROM kora_drill.heartbeat"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            postgres.Execute("postgres", $"ALTER ROLE {Slot} NOLOGIN");
        }
    }

    [Fact]
    public async Task The_heartbeat_holds_no_tenant_key_belongs_to_the_owner_and_the_drill_schema_sql_is_a_no_op_after_migrate()
    {
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, Heartbeat.CreateSql);

        Assert.Equal("at", Scalar<string>(db, "SELECT string_agg(attname::text, ',') FROM pg_attribute WHERE attrelid = 'kora_drill.heartbeat'::regclass AND attnum > 0 AND NOT attisdropped"));
        Assert.Equal("kora_owner", Scalar<string>(db, "SELECT pg_get_userbyid(relowner)::text FROM pg_class WHERE oid = 'kora_drill.heartbeat'::regclass"));
        Assert.Equal("kora_owner", Scalar<string>(db, "SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = 'kora_drill'"));
        Assert.Equal("INSERT", Scalar<string>(db, "SELECT string_agg(privilege_type, ',') FROM information_schema.role_table_grants WHERE table_schema = 'kora_drill' AND grantee = 'kora_app'"));
        Assert.Empty(await RlsVerifier.VerifyAsync(db));
    }

    private static long Scalar(string connectionString, string sql) => Convert.ToInt64(Scalar<object>(connectionString, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static T Scalar<T>(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }
}
