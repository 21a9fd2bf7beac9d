using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands;

public sealed class RotationCommandTests : IDisposable
{
    private readonly ReleaseWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Prod_re_applies_the_promoted_manifest_and_the_rotation_is_audited()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.FullReleaseImages.ToArray());

        var check = _ws.Kora("rotation", "check", "--stack", "prod", "--project-dir", _ws.Project);
        Assert.True(check.ExitCode == 0, check.All);
        Assert.Contains("ok: prod re-applies v1.4.0", check.Output, StringComparison.Ordinal);
        Assert.Contains("commit=", check.Output, StringComparison.Ordinal);

        var record = _ws.Kora("rotation", "record", "--stack", "prod", "--who", "scheduler", "--commit", new string('e', 40), "--database-server", "psql-kora-prod-brs.postgres.database.azure.com", "--project-dir", _ws.Project);
        Assert.True(record.ExitCode == 0, record.All);
        Assert.Contains("rotated  postgres-app-password", record.Output, StringComparison.Ordinal);
        Assert.Contains("psql-kora-prod-brs.postgres.database.azure.com kora_app_", record.Output, StringComparison.Ordinal);

        var verify = _ws.Kora("audit", "verify", "--project-dir", _ws.Project);
        Assert.True(verify.ExitCode == 0, verify.All);
        var last = File.ReadLines(_ws.AuditLog).Last();
        Assert.Contains("\"action\":\"rotate\"", last, StringComparison.Ordinal);
        Assert.Contains("releases/prod/v1.4.0.dsse.json", last, StringComparison.Ordinal);

        // A second run at the same versions is not a new rotation.
        var again = _ws.Kora("rotation", "record", "--stack", "prod", "--who", "scheduler", "--commit", new string('e', 40), "--database-server", "psql", "--project-dir", _ws.Project);
        Assert.Contains("(0 new value(s)", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_cannot_take_a_new_artifact_through_a_rotation()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.FullReleaseImages.ToArray());
        var manifest = _ws.Manifest("prod", "v1.4.0");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"payload\"", "\"payload\" ", StringComparison.Ordinal));

        var run = _ws.Kora("rotation", "check", "--stack", "prod", "--project-dir", _ws.Project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("refused: rotation of prod refused:", run.Output, StringComparison.Ordinal);
        Assert.Contains("a rotation re-applies the same signed manifest", run.Output, StringComparison.Ordinal);
        var record = _ws.Kora("rotation", "record", "--stack", "prod", "--who", "s", "--commit", "c", "--database-server", "psql", "--project-dir", _ws.Project);
        Assert.Equal(ExitCodes.Findings, record.ExitCode);
        Assert.DoesNotContain("\"action\":\"rotate\"", File.ReadAllText(_ws.AuditLog), StringComparison.Ordinal);
    }

    [Fact]
    public void A_compromised_credential_is_pending_until_a_rotation_record_follows_its_report()
    {
        var file = _ws.StackFile("dev");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  kora-infra:compromisedCredentials: []\n", $"  kora-infra:compromisedCredentials:\n    - name: postgres-app-password\n      reportedAt: {ReleaseFixtures.Now.AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}\n", StringComparison.Ordinal));
        var before = _ws.Kora("rotation", "pending", "--stack", "dev", "--project-dir", _ws.Project);
        Assert.True(before.ExitCode == ExitCodes.Findings, before.All);
        Assert.Contains("PENDING  credential 'postgres-app-password'", before.Output, StringComparison.Ordinal);

        // The clock is past the report now: the emergency rotation's up is recorded after it.
        File.WriteAllText(file, File.ReadAllText(file).Replace("  kora-infra:emergencyRotations: []\n", $"  kora-infra:emergencyRotations:\n    - name: postgres-app-password\n      requestedAt: {ReleaseFixtures.Now.AddMinutes(2):yyyy-MM-ddTHH:mm:ssZ}\n", StringComparison.Ordinal));
        var record = _ws.Kora("rotation", "record", "--stack", "dev", "--who", "s", "--commit", new string('f', 40), "--database-server", "psql", "--project-dir", _ws.Project);
        Assert.True(record.ExitCode == 0, record.All);

        var after = _ws.Kora("rotation", "pending", "--stack", "dev", "--project-dir", _ws.Project);
        Assert.True(after.ExitCode == 0, after.All);
    }
}
