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

        var check = _ws.Rotation("check", "prod");
        Assert.True(check.ExitCode == 0, check.All);
        Assert.Contains("ok: prod re-applies v1.4.0", check.Output, StringComparison.Ordinal);
        Assert.Contains("commit=", check.Output, StringComparison.Ordinal);

        var record = _ws.Rotation("record", "prod", "--who", "scheduler", "--commit", new string('e', 40), "--database-server", "psql-kora-prod-brs.postgres.database.azure.com");
        Assert.True(record.ExitCode == 0, record.All);
        Assert.Contains("rotated  postgres-app-password", record.Output, StringComparison.Ordinal);
        Assert.Contains("psql-kora-prod-brs.postgres.database.azure.com kora_app_", record.Output, StringComparison.Ordinal);

        // The rotation entry is signed by the release key and extends the head the store held.
        var verify = _ws.Verify(_ws.Anchor());
        Assert.True(verify.ExitCode == 0, verify.All);
        var last = File.ReadLines(_ws.AuditLog).Last();
        Assert.Contains("\"action\":\"rotate\"", last, StringComparison.Ordinal);
        Assert.Contains("releases/prod/v1.4.0.dsse.json", last, StringComparison.Ordinal);

        // A second run at the same versions is not a new rotation.
        var again = _ws.Rotation("record", "prod", "--who", "scheduler", "--commit", new string('e', 40), "--database-server", "psql");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("(0 new value(s)", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_cannot_take_a_new_artifact_through_a_rotation()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.FullReleaseImages.ToArray());
        var manifest = _ws.Manifest("prod", "v1.4.0");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"payload\"", "\"payload\" ", StringComparison.Ordinal));

        var run = _ws.Rotation("check", "prod");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("refused: rotation of prod refused:", run.Output, StringComparison.Ordinal);
        Assert.Contains("a rotation re-applies the same signed manifest", run.Output, StringComparison.Ordinal);
        var record = _ws.Rotation("record", "prod", "--who", "s", "--commit", "c", "--database-server", "psql");
        Assert.Equal(ExitCodes.Findings, record.ExitCode);
        Assert.DoesNotContain("\"action\":\"rotate\"", File.ReadAllText(_ws.AuditLog), StringComparison.Ordinal);
    }

    [Fact]
    public void A_compromised_credential_is_pending_until_a_rotation_record_follows_its_report()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.FullReleaseImages.ToArray());
        var file = _ws.StackFile("prod");
        var compromised = File.ReadAllText(file).Replace("  kora-infra:compromisedCredentials: []\n", $"  kora-infra:compromisedCredentials:\n    - name: postgres-app-password\n      reportedAt: {_ws.Time.GetUtcNow().AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}\n", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(file), compromised);
        File.WriteAllText(file, compromised);
        var before = _ws.Rotation("pending", "prod");
        Assert.True(before.ExitCode == ExitCodes.Findings, before.All);
        Assert.Contains("PENDING  credential 'postgres-app-password'", before.Output, StringComparison.Ordinal);

        // The clock is past the report now: the emergency rotation's up is recorded after it.
        File.WriteAllText(file, File.ReadAllText(file).Replace("  kora-infra:emergencyRotations: []\n", $"  kora-infra:emergencyRotations:\n    - name: postgres-app-password\n      requestedAt: {_ws.Time.GetUtcNow().AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}\n", StringComparison.Ordinal));
        var record = _ws.Rotation("record", "prod", "--who", "s", "--commit", new string('f', 40), "--database-server", "psql");
        Assert.True(record.ExitCode == 0, record.All);

        var after = _ws.Rotation("pending", "prod");
        Assert.True(after.ExitCode == 0, after.All);
    }

    [Fact]
    public void A_rotation_is_not_recorded_in_a_log_that_does_not_extend_the_store_head()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.FullReleaseImages.ToArray());
        var before = File.ReadAllText(_ws.AuditLog);

        // Without the store's head, a log rewritten together with its head file cannot be told from a genuine one.
        var noAnchor = _ws.Kora("rotation", "record", "--stack", "prod", "--who", "s", "--commit", new string('f', 40), "--database-server", "psql", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project);
        Assert.True(noAnchor.ExitCode == ExitCodes.Findings, noAnchor.All);
        Assert.Contains("no expected head", noAnchor.Output, StringComparison.Ordinal);

        // A head the log does not extend (the store holds one more entry than the log).
        var (count, hash) = _ws.Published!.Value;
        var stale = _ws.Kora("rotation", "record", "--stack", "prod", "--who", "s", "--commit", new string('f', 40), "--database-server", "psql", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project, "--expect-count", (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--expect-hash", hash);
        Assert.True(stale.ExitCode == ExitCodes.Findings, stale.All);
        Assert.Contains("refused: the deploy audit log audit/deploy-audit.jsonl of prod failed verification", stale.Output, StringComparison.Ordinal);

        var pending = _ws.Kora("rotation", "pending", "--stack", "prod", "--key-file", _ws.VerifyKey, "--project-dir", _ws.Project);
        Assert.Equal(ExitCodes.Findings, pending.ExitCode);
        Assert.Equal(before, File.ReadAllText(_ws.AuditLog));
    }

    [Fact]
    public void Dev_keeps_no_audit_log_so_nothing_is_recorded_and_a_compromise_stays_pending_until_removed()
    {
        var check = _ws.Kora("rotation", "check", "--stack", "dev", "--project-dir", _ws.Project);
        Assert.True(check.ExitCode == 0, check.All);
        Assert.Contains("ok: dev runs no release manifest", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("commit=", check.Output, StringComparison.Ordinal);

        var record = _ws.Kora("rotation", "record", "--stack", "dev", "--who", "s", "--commit", new string('f', 40), "--database-server", "psql", "--project-dir", _ws.Project);
        Assert.True(record.ExitCode == 0, record.All);
        Assert.Contains("dev keeps no deploy audit log", record.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.AuditLog));

        var file = _ws.StackFile("dev");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  kora-infra:compromisedCredentials: []\n", $"  kora-infra:compromisedCredentials:\n    - name: postgres-app-password\n      reportedAt: {_ws.Time.GetUtcNow().AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}\n", StringComparison.Ordinal));
        var pending = _ws.Kora("rotation", "pending", "--stack", "dev", "--project-dir", _ws.Project);
        Assert.True(pending.ExitCode == ExitCodes.Findings, pending.All);
        Assert.Contains("PENDING  credential 'postgres-app-password'", pending.Output, StringComparison.Ordinal);
        Assert.Contains("remove it from kora-infra:compromisedCredentials in Pulumi.dev.yaml", pending.Output, StringComparison.Ordinal);

        var anchored = _ws.Kora("rotation", "check", "--stack", "dev", "--project-dir", _ws.Project, "--expect-count", "1", "--expect-hash", new string('a', 64));
        Assert.Equal(ExitCodes.UsageError, anchored.ExitCode);
    }
}
