using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

public sealed class AuditedCompromisedCredentialsTests : IDisposable
{
    private static readonly DateTimeOffset Reported = Utc(2026, 11, 20, 14, 30);
    private readonly string _project = Directory.CreateTempSubdirectory("kora-audited-").FullName;

    public AuditedCompromisedCredentialsTests()
    {
        const string Report = "kora-infra:compromisedCredentials:\n    - name: redis-access-key\n      reportedAt: 2026-11-20T14:30:00Z";
        const string Request = "kora-infra:emergencyRotations:\n    - name: redis-access-key\n      requestedAt: 2026-11-20T14:40:00Z";
        foreach (var stack in new[] { "dev", "prod" })
        {
            var text = File.ReadAllText(Repository.StackFile(stack));
            var changed = text.Replace("kora-infra:compromisedCredentials: []", Report, StringComparison.Ordinal).Replace("kora-infra:emergencyRotations: []", Request, StringComparison.Ordinal);
            Assert.NotEqual(text, changed);
            File.WriteAllText(Path.Combine(_project, $"Pulumi.{stack}.yaml"), changed);
        }
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public void In_a_stack_with_an_audit_log_only_a_rotation_record_newer_than_the_report_clears_it()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 21));
        PendingCompromisedCredential[] pending = [new(SecretCatalogue.RedisAccessKey, Reported)];

        // The emergency request in the stack file alone proves nothing.
        Assert.Equal(pending, Source(clock).Pending("prod"));
        Assert.Equal(pending, Source(clock, Rotation("prod", Reported.AddMinutes(-1))).Pending("prod"));
        Assert.Equal(pending, Source(clock, Rotation("staging", Reported.AddHours(1))).Pending("prod"));
        Assert.Equal(pending, Source(clock, Rotation("prod", Reported.AddHours(1)) with { Result = DeployResult.Refused }).Pending("prod"));
        Assert.Empty(Source(clock, Rotation("prod", Reported.AddHours(1))).Pending("prod"));
    }

    [Fact]
    public void A_stack_without_an_audit_log_keeps_the_stack_files_check()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 21));

        Assert.Empty(Source(clock).Pending("dev"));
    }

    [Fact]
    public void The_prod_gate_condition_fails_closed_on_an_unrecorded_replacement()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 21));
        var evidence = new PromotionEvidence { Gate = PromotionGate.DeployProd, Ref = "refs/tags/v1.4.0", Commit = new string('e', 40), Images = [], Approvals = [], Evidence = [], OpenCriticalFindings = [] };

        var refused = CompromisedCredentialCondition.Evaluate("prod", evidence, Source(clock));
        var passed = CompromisedCredentialCondition.Evaluate("prod", evidence, Source(clock, Rotation("prod", Reported.AddHours(1))));

        Assert.False(refused.Met);
        Assert.Contains("'redis-access-key'", refused.Missing, StringComparison.Ordinal);
        Assert.True(passed.Met);
    }

    private AuditedCompromisedCredentials Source(TimeProvider clock, params DeployAuditEntry[] entries) => new(_project, clock, entries);

    private static DeployAuditEntry Rotation(string stack, DateTimeOffset appliedAt) => new()
    {
        Sequence = 1,
        At = appliedAt,
        Who = "scheduler",
        Stack = stack,
        Action = DeployAction.Rotate,
        Release = "v1.4.0",
        Commit = new string('e', 40),
        Images = [],
        Result = DeployResult.Admitted,
        Rotations = [new CredentialRotationRecord(SecretCatalogue.RedisAccessKey, "window=p90-20260904;emergency=2026-11-20T14:40:00Z;key=secondary", "kv-kora-prod-brs and redis-kora-prod-brs secondary key", appliedAt)],
    };
}
