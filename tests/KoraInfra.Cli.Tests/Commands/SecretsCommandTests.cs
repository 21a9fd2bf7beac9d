using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Commands;

public sealed class SecretsCommandTests
{
    private const string Report = "kora-infra:compromisedCredentials:\n    - name: alert-devops-pager-url\n      reportedAt: 2026-11-20T14:30:00Z";

    private static string ProdWith(params (string Find, string Replacement)[] changes)
    {
        var text = File.ReadAllText(Repository.StackFile("prod"));
        foreach (var (find, replacement) in changes)
        {
            Assert.Contains(find, text, StringComparison.Ordinal);
            text = text.Replace(find, replacement, StringComparison.Ordinal);
        }

        return Repository.ScratchProject(("Pulumi.prod.yaml", text));
    }

    [Fact]
    public void Lists_every_secret_with_its_window_and_expiry_at_the_given_time()
    {
        var run = Kora.Run("secrets", "--stack", "prod", "--at", "2026-11-29T12:00:00Z", "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var admin = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("postgres-admin-password ", StringComparison.Ordinal));
        Assert.Contains("p30-20261103", admin, StringComparison.Ordinal);
        Assert.Contains("2026-12-03T00:00:00Z", admin, StringComparison.Ordinal);
        Assert.Contains("(admin groups only)", admin, StringComparison.Ordinal);
        var key = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("n8n-encryption-key ", StringComparison.Ordinal));
        Assert.Contains("never", key, StringComparison.Ordinal);
        Assert.Contains("alert-devops-pager-url", run.Output, StringComparison.Ordinal);
        Assert.Contains("compromised credentials: none pending", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_naming_a_pending_compromised_credential_then_passes_once_it_is_rotated()
    {
        var reported = ProdWith(("kora-infra:compromisedCredentials: []", Report));
        var rotated = ProdWith(
            ("kora-infra:compromisedCredentials: []", Report),
            ("kora-infra:emergencyRotations: []", "kora-infra:emergencyRotations:\n    - name: alert-devops-pager-url\n      requestedAt: 2026-11-20T15:00:00Z"));

        var blocked = Kora.Run("secrets", "--stack", "prod", "--at", "2026-11-29T12:00:00Z", "--project-dir", reported);
        var passed = Kora.Run("secrets", "--stack", "prod", "--at", "2026-11-29T12:00:00Z", "--project-dir", rotated);

        Assert.Equal(ExitCodes.Findings, blocked.ExitCode);
        Assert.Contains("PENDING  credential 'alert-devops-pager-url' reported compromised at 2026-11-20T14:30:00Z", blocked.Output, StringComparison.Ordinal);
        Assert.Contains("release promotion blocked", blocked.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, passed.ExitCode);
        Assert.Contains("none pending", passed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_pending_credentials_as_the_promotion_evidence_part()
    {
        var project = ProdWith(("kora-infra:compromisedCredentials: []", Report));
        var target = Path.Combine(project, "compromised.json");

        var run = Kora.Run("secrets", "--stack", "prod", "--at", "2026-11-29T12:00:00Z", "--evidence-out", target, "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var pending = Assert.Single(KoraInfra.Platform.Secrets.CompromisedCredentialEvidence.Read(File.ReadAllText(target)).PendingCompromisedCredentials);
        Assert.Equal("alert-devops-pager-url", pending.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero), pending.ReportedAt);
    }

    [Fact]
    public void An_emergency_rotation_after_the_planning_time_is_a_finding_not_a_crash()
    {
        var project = ProdWith(("kora-infra:emergencyRotations: []", "kora-infra:emergencyRotations:\n    - name: redis-access-key\n      requestedAt: 2026-12-01T00:00:00Z"));

        var run = Kora.Run("secrets", "--stack", "prod", "--at", "2026-11-29T12:00:00Z", "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("kora-infra:emergencyRotations[0].requestedAt", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stack", "qa")]
    [InlineData("--at", "yesterday")]
    public void A_usage_mistake_is_one_line_and_exit_code_two(string option, string value)
    {
        string[] args = option == "--stack"
            ? ["secrets", option, value, "--project-dir", Repository.Root]
            : ["secrets", "--stack", "dev", option, value, "--project-dir", Repository.Root];

        var run = Kora.Run(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
