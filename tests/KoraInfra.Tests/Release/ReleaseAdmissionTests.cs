using System.Text;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.TestCases;
using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.Release;

public sealed class ReleaseAdmissionTests
{
    public static TheoryData<string> GatedStacks => new() { "staging", "prod" };

    [Theory]
    [MemberData(nameof(GatedStacks))]
    public async Task A_gated_stack_declares_nothing_without_a_release_manifest(string stack)
    {
        var (error, _, recorded) = await StackRun.TryRunAsync(stack, TestRelease.None);

        Assert.Contains($"stack '{stack}' deploys only a signed release manifest and 'kora-infra:release' is not set; nothing was declared", Message(error), StringComparison.Ordinal);
        Assert.Empty(recorded);
    }

    [Fact]
    public async Task Prod_declares_nothing_with_a_manifest_signed_by_another_key()
    {
        using var pipeline = ReleaseFixtures.NewKey();
        using var intruder = ReleaseFixtures.NewKey();
        var release = TestRelease.Signed(TestRelease.ManifestFor("prod", intruder), intruder, pipeline);

        var (error, _, recorded) = await StackRun.TryRunAsync("prod", release);

        Assert.Contains("no signature verifies with the trusted release key", Message(error), StringComparison.Ordinal);
        Assert.Empty(recorded);
    }

    [Fact]
    public async Task Prod_declares_nothing_with_the_staging_manifest()
    {
        using var key = ReleaseFixtures.NewKey();
        var staging = TestRelease.Signed(ReleaseFixtures.RcManifest(), key, key);
        var misplaced = TestRelease.WithEnvelope("prod", File.ReadAllText(Path.Combine(staging.RootDirectory, staging.ManifestPath!)), key);
        Directory.Delete(staging.RootDirectory, recursive: true);

        var (error, _, recorded) = await StackRun.TryRunAsync("prod", misplaced);

        Assert.Contains("is for stack 'staging', not 'prod'", Message(error), StringComparison.Ordinal);
        Assert.Empty(recorded);
    }

    [Fact]
    public async Task Prod_declares_nothing_with_a_tampered_manifest()
    {
        using var key = ReleaseFixtures.NewKey();
        var envelope = JsonNode.Parse(ReleaseManifestSigner.Sign(TestRelease.ManifestFor("prod", key), key))!;
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String((string)envelope["payload"]!));
        envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.Replace(new string('b', 64), new string('0', 64), StringComparison.Ordinal)));

        var (error, _, recorded) = await StackRun.TryRunAsync("prod", TestRelease.WithEnvelope("prod", envelope.ToJsonString(), key));

        Assert.Contains("altered after signing", Message(error), StringComparison.Ordinal);
        Assert.Empty(recorded);
    }

    [Fact]
    public async Task Prod_declares_nothing_without_the_verification_key()
    {
        using var key = ReleaseFixtures.NewKey();
        var release = TestRelease.Signed(TestRelease.ManifestFor("prod", key), key, key) with { VerifyKeyPem = null };

        var (error, _, recorded) = await StackRun.TryRunAsync("prod", release);

        Assert.Contains(ReleaseSigningKey.VerificationKeyVariable, Message(error), StringComparison.Ordinal);
        Assert.Empty(recorded);
    }

    [Fact]
    public async Task Prod_with_a_valid_manifest_registers_it_for_the_policy_pack()
    {
        var run = await StackRun.RunAsync("prod");

        var record = run.Named("kora:release:ReleaseManifest", "release");
        Assert.Equal("prod", record.Text("stack"));
        Assert.Equal("deploy-prod", record.Text("gate"));
        Assert.True(record.Inputs["verified"] is true, "KORA-001 requires a verified manifest");
        Assert.Equal("v1.4.0", record.Text("version"));
        Assert.Equal("v1.4.0-rc.2", record.Text("sourceRc"));
        Assert.Equal(ReleaseFixtures.Commit, record.Text("commit"));
        Assert.Equal(ReleaseFixtures.FullReleaseImages.Select(i => i.ToString()), record.List("images").Cast<string>());
        Assert.Equal(4, record.List("approvals").Length);
        Assert.True(record.Inputs["scorecardPassed"] is false, "a GA manifest carries no scorecard of its own; the RC's was checked by the gate");
        Assert.Empty(record.List("openCriticalFindings"));
        Assert.StartsWith("sha256:", record.Text("envelopeSha256"), StringComparison.Ordinal);
        Assert.NotEmpty(run.OfType("azure-native:resources:ResourceGroup"));
    }

    [Fact]
    public async Task Staging_registers_the_rc_it_runs()
    {
        var run = await StackRun.RunAsync("staging");

        var record = run.Named("kora:release:ReleaseManifest", "release");
        Assert.Equal("promote-rc", record.Text("gate"));
        Assert.Equal("v1.4.0-rc.2", record.Text("version"));
        Assert.True(record.Inputs["rtmP0Complete"] is true);
    }

    [Fact]
    public async Task Dev_needs_no_manifest_and_registers_none()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.DoesNotContain(run.OfType("kora:release:ReleaseManifest"), r => r.Name == "release");
        Assert.NotEmpty(run.OfType("azure-native:resources:ResourceGroup"));
    }

    private static string Message(Exception? error)
    {
        Assert.NotNull(error);
        return error is AggregateException all ? string.Join("\n", all.Flatten().InnerExceptions.Select(e => e.Message)) : error.Message;
    }
}
