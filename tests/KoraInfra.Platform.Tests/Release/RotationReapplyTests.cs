using KoraInfra.Platform.Release;
using KoraInfra.Platform.Release.Audit;

namespace KoraInfra.Platform.Tests.Release;

public sealed class RotationReapplyTests
{
    private const string Ga = "releases/prod/1.4.0.dsse.json";
    private const string GaSha = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Previous = "releases/prod/1.3.2.dsse.json";
    private const string PreviousSha = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static DeployAuditEntry Entry(long sequence, DeployAction action, string release, string? manifest, string? sha, DeployResult result = DeployResult.Admitted, string stack = "prod") => new()
    {
        Sequence = sequence,
        At = DateTimeOffset.UnixEpoch.AddDays(sequence),
        Who = "pipeline",
        Stack = stack,
        Action = action,
        Release = release,
        Commit = new string((char)('a' + sequence), 40),
        Images = ["registry.example/kora-tools@sha256:" + new string('c', 64)],
        Result = result,
        Manifest = manifest,
        ManifestSha256 = sha,
    };

    private static readonly IReadOnlyList<DeployAuditEntry> Log =
    [
        Entry(1, DeployAction.Promote, "1.3.2", Previous, PreviousSha),
        Entry(2, DeployAction.Promote, "1.4.0", Ga, GaSha),
        Entry(3, DeployAction.Rotate, "1.4.0", Ga, GaSha),
        Entry(4, DeployAction.Promote, "1.5.0", "releases/prod/1.5.0.dsse.json", "sha256:" + new string('3', 64), DeployResult.Refused),
    ];

    [Fact]
    public void Prod_re_applies_the_release_it_runs_and_the_rotation_entry_names_the_same_manifest()
    {
        var running = RotationReapply.Check("prod", Ga, GaSha, Log);

        Assert.Equal(2, running!.Sequence);
        var entry = RotationReapply.Entry("prod", running, "scheduler", "ffff", []);
        Assert.Equal((DeployAction.Rotate, "1.4.0", Ga, GaSha, running.Commit), (entry.Action, entry.Release, entry.Manifest, entry.ManifestSha256, entry.Commit));
    }

    [Fact]
    public void Prod_refuses_a_new_release_even_one_its_gate_refused()
    {
        var ex = Assert.Throws<ReleaseRefusedException>(() => RotationReapply.Check("prod", "releases/prod/1.5.0.dsse.json", "sha256:" + new string('3', 64), Log));

        Assert.Contains("runs 'releases/prod/1.4.0.dsse.json' (audit entry 2)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a rotation never takes a new release", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_refuses_the_running_manifest_name_with_other_content()
    {
        var ex = Assert.Throws<ReleaseRefusedException>(() => RotationReapply.Check("prod", Ga, "sha256:" + new string('9', 64), Log));

        Assert.Contains("is not the file promoted in audit entry 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_without_an_audited_release_is_never_deployed_by_a_rotation()
    {
        var ex = Assert.Throws<ReleaseRefusedException>(() => RotationReapply.Check("prod", Ga, GaSha, Log.Where(e => e.Stack == "staging").ToList()));

        Assert.Contains("never a first deploy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_rollback_the_rotation_re_applies_the_previous_release()
    {
        var log = Log.Append(Entry(5, DeployAction.Rollback, "1.3.2", Previous, PreviousSha)).ToList();

        Assert.Equal(1, RotationReapply.Check("prod", Previous, PreviousSha, log)!.Sequence);
        Assert.Throws<ReleaseRefusedException>(() => RotationReapply.Check("prod", Ga, GaSha, log));
    }

    [Fact]
    public void Dev_runs_no_release_and_rotates_the_branch_it_deploys()
    {
        Assert.Null(RotationReapply.Check("dev", null, null, Log));
        Assert.Equal("main-0123456789ab", RotationReapply.Entry("dev", null, "scheduler", "0123456789abcdef", []).Release);
    }
}
