using System.Text.Json;
using KoraInfra.Cli;
using KoraInfra.Responder.Tests.Support;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Responder.Tests;

/// <summary><c>kora incident</c> and <c>kora safe-mode</c> against the real responder and PostgreSQL.</summary>
[Collection(UsesPostgres.Name)]
public sealed class KoraCommandTests(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 2, 10, 12, 0, 0, TimeSpan.Zero);

    private static (int Code, string Output, string Error) Kora(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = KoraApp.Run(args, output, error, new KoraServices(new StringReader(string.Empty), TimeProvider.System));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task List_ack_resolve_and_safe_mode_clear_through_the_api()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A, severity: "high"));
        string[] Api(params string[] args) => [.. args, "--url", responder.Http.BaseAddress!.ToString(), "--token-file", responder.Tokens.ApiFile];
        var id = db.Count("SELECT id FROM responder.incidents").ToString(System.Globalization.CultureInfo.InvariantCulture);

        var table = Kora(Api("incident", "list"));
        Assert.Equal(0, table.Code);
        Assert.Contains("P1", table.Output, StringComparison.Ordinal);
        Assert.Contains("ReplayBacklogHigh", table.Output, StringComparison.Ordinal);

        Assert.Equal(0, Kora(Api("incident", "ack", id, "--who", "ana")).Code);
        var twice = Kora(Api("incident", "ack", id, "--who", "ana"));
        Assert.Equal(1, twice.Code);
        Assert.Contains("already acknowledged by ana", twice.Error, StringComparison.Ordinal);
        Assert.Equal(0, Kora(Api("incident", "resolve", id, "--who", "ana", "--why", "worker restarted")).Code);

        var json = Kora(Api("incident", "list", "--json"));
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal("resolved", doc.RootElement[0].GetProperty("state").GetString());

        // Safe mode engaged (as the responder would), cleared by a person through kora.
        using (var connection = new NpgsqlConnection(db.Responder))
        {
            connection.Open();
            using var engage = new NpgsqlCommand($"SELECT kora.engage_tenant_control('{TenantRows.A}', 'safe_mode', '', 'responder', 'test', NULL)", connection);
            engage.ExecuteNonQuery();
        }

        Assert.Throws<PostgresException>(() => db.StartFlowExecutionAsApp(TenantRows.A, TenantRows.ContactA, TenantRows.FlowA));
        var cleared = Kora(Api("safe-mode", "clear", TenantRows.A.ToString(), "--who", "ana", "--why", "contained, smoke green"));
        Assert.True(cleared.Code == 0, cleared.Error);
        db.StartFlowExecutionAsApp(TenantRows.A, TenantRows.ContactA, TenantRows.FlowA);
        var again = Kora(Api("safe-mode", "clear", TenantRows.A.ToString(), "--who", "ana", "--why", "again"));
        Assert.Equal(2, again.Code);
        Assert.Contains("is not in safe mode", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_named()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        var wrong = Path.Combine(responder.Tokens.Directory, "wrong");
        await File.WriteAllTextAsync(wrong, "not-the-operators-token");

        var run = Kora("incident", "list", "--url", responder.Http.BaseAddress!.ToString(), "--token-file", wrong);

        Assert.Equal(2, run.Code);
        Assert.Contains("the responder refused (401): missing or wrong bearer token", run.Error, StringComparison.Ordinal);
    }
}
