using Npgsql;

namespace KoraInfra.TestSupport;

/// <summary>
/// Two tenants with a few rows each, written as the superuser (which RLS does not bind): the
/// isolation and safe-mode tests and the responder's tests share them.
/// </summary>
internal static class TenantRows
{
    public static readonly Guid A = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000001");
    public static readonly Guid B = Guid.Parse("bbbbbbbb-0000-4000-8000-000000000002");
    public static readonly Guid ContactA = Guid.Parse("aaaaaaaa-0000-4000-8000-0000000000c1");
    public static readonly Guid ContactB = Guid.Parse("bbbbbbbb-0000-4000-8000-0000000000c1");
    public static readonly Guid FlowA = Guid.Parse("aaaaaaaa-0000-4000-8000-0000000000f1");
    public static readonly Guid FlowB = Guid.Parse("bbbbbbbb-0000-4000-8000-0000000000f1");

    public static void Insert(string connectionString) => ThrowawayPostgres.ExecuteOn(connectionString, $"""
        INSERT INTO kora.tenants (id, slug, display_name) VALUES ('{A}', 'tenant-a', 'A'), ('{B}', 'tenant-b', 'B');
        INSERT INTO kora.contacts VALUES
            ('{A}', '{ContactA}', 'Ana', '+55 11 90000-0001', 'ana@a.example.com', now()),
            ('{A}', gen_random_uuid(), 'Alice', null, null, now()),
            ('{B}', '{ContactB}', 'Bia', '+55 21 90000-0002', 'bia@b.example.com', now()),
            ('{B}', gen_random_uuid(), 'Bruno', null, null, now());
        INSERT INTO kora.flows VALUES ('{A}', '{FlowA}', 'welcome', 'active', now()), ('{B}', '{FlowB}', 'welcome', 'active', now());
        INSERT INTO kora.flow_executions VALUES
            ('{A}', gen_random_uuid(), gen_random_uuid(), '{ContactA}', '{FlowA}', 'succeeded', now()),
            ('{B}', gen_random_uuid(), gen_random_uuid(), '{ContactB}', '{FlowB}', 'succeeded', now());
        """);

    /// <summary>A fingerprint of everything tenant B owns, read as the superuser.</summary>
    public static string FingerprintOfB(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"""
            SELECT md5(coalesce((SELECT string_agg(c::text, '|' ORDER BY c.id) FROM kora.contacts c WHERE tenant_id = '{B}'), '')
                    || coalesce((SELECT string_agg(f::text, '|' ORDER BY f.id) FROM kora.flows f WHERE tenant_id = '{B}'), '')
                    || coalesce((SELECT string_agg(e::text, '|' ORDER BY e.id) FROM kora.flow_executions e WHERE tenant_id = '{B}'), ''))
            """, connection);
        return (string)command.ExecuteScalar()!;
    }
}
