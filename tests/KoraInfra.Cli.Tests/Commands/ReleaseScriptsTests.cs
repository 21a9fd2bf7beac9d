using System.Text.Json.Nodes;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands;

/// <summary>The pipeline's scripts produce exactly what kora reads, and read what kora writes.</summary>
public sealed class ReleaseScriptsTests : IDisposable
{
    private readonly ReleaseWorkspace _ws = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("kora-scripts-").FullName;

    public void Dispose()
    {
        _ws.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_main_build_with_green_checks_and_the_on_call_approval_passes_the_staging_gate()
    {
        var evidence = StagingEvidence("lint=passed", "unit-integration=passed", "smoke-runtime=passed", "security-checks=passed");

        var run = _ws.Kora("gate", "check", "--evidence", evidence, "--project-dir", _ws.Project);

        Assert.True(run.ExitCode == 0, run.All);
        var json = JsonNode.Parse(File.ReadAllText(evidence))!;
        Assert.Equal("deploy-staging", (string?)json["gate"]);
        Assert.Equal(ReleaseFixtures.Api.ToString(), (string?)json["images"]![0]);
        Assert.Equal("https://github.com/koraos/kora-infra/actions/runs/42", (string?)json["evidence"]![0]!["url"]);
    }

    [Fact]
    public void A_failed_check_reaches_the_gate_as_failed()
    {
        var evidence = StagingEvidence("lint=failed", "unit-integration=passed", "smoke-runtime=passed", "security-checks=passed");

        var run = _ws.Kora("gate", "check", "--evidence", evidence, "--project-dir", _ws.Project);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  required-check.lint", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_evidence_part_is_named()
    {
        var run = ReleaseScript.Run("evidence.sh", Environment(), "deploy-staging", Path.Combine(_dir, "nowhere.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("evidence part", run.Error, StringComparison.Ordinal);
        Assert.Contains("nowhere.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_manifest_follows_promotions_and_rollbacks_as_kora_does()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        _ws.Release("v1.5.0", "v1.5.0-rc.1", ReleaseFixtures.Api, ReleaseFixtures.Image("ghcr.io/koraos/worker", '7'));

        var plan = Path.Combine(_dir, "plan.json");
        var binding = Path.Combine(_dir, "plan.binding.dsse.json");
        File.WriteAllText(plan, "{}");
        Assert.Equal(0, _ws.Kora("release", "bind-plan", "--stack", "prod", "--plan", plan, "--binding", binding, "--who", "release-bot", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project).ExitCode);
        Assert.Equal(0, _ws.VerifyPlan(plan, binding).ExitCode);

        // The plan check is in the log and changes no release.
        Assert.Equal("releases/prod/v1.5.0.dsse.json", Current("prod"));
        Assert.Equal("releases/staging/v1.5.0-rc.1.dsse.json", Current("staging"));
        Assert.Equal(0, _ws.Rollback("prod", "oncall").ExitCode);
        Assert.Equal("releases/prod/v1.4.0.dsse.json", Current("prod"));
    }

    private string Current(string stack)
    {
        var run = ReleaseScript.Run("current-manifest.sh", new Dictionary<string, string>(), stack, _ws.AuditLog);
        Assert.True(run.ExitCode == 0, run.All);
        return run.Output.Trim();
    }

    private string StagingEvidence(params string[] checks)
    {
        var approvals = Path.Combine(_dir, "approvals.json");
        File.WriteAllText(approvals, """[{ "role": "devops-on-call", "who": "dana", "at": "2026-03-02T10:00:00Z" }]""");
        var ci = ReleaseScript.Run("ci-evidence.sh", Environment(), checks);
        Assert.True(ci.ExitCode == 0, ci.All);
        var ciPart = Path.Combine(_dir, "ci.json");
        File.WriteAllText(ciPart, ci.Output);

        var run = ReleaseScript.Run("evidence.sh", Environment(), "deploy-staging", approvals, ciPart);
        Assert.True(run.ExitCode == 0, run.All);
        var evidence = Path.Combine(_dir, "evidence.json");
        File.WriteAllText(evidence, run.Output);
        return evidence;
    }

    private Dictionary<string, string> Environment()
    {
        var images = Path.Combine(_dir, "images.txt");
        File.WriteAllText(images, $"# pinned by the app pipeline\n{ReleaseFixtures.Api}\n\n{ReleaseFixtures.Worker}\n");
        return new Dictionary<string, string>
        {
            ["GITHUB_REF"] = "refs/heads/main",
            ["GITHUB_SHA"] = ReleaseFixtures.Commit,
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "koraos/kora-infra",
            ["GITHUB_RUN_ID"] = "42",
            ["KORA_IMAGES_FILE"] = images,
        };
    }
}
