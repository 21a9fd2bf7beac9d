using System.Text.Json;
using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Output;

public sealed class SecretsJsonTests
{
    private const string At = "2026-11-29T12:00:00Z";

    [Fact]
    public void Lists_the_vault_every_secret_and_the_grants()
    {
        var run = Kora.Run("secrets", "--stack", "prod", "--at", At, "--json", "--project-dir", Repository.Root);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.All);
        var json = JsonDocumentOf.Parse(run);
        Assert.Equal("prod", json.GetProperty("stack").GetString());
        Assert.True(json.GetProperty("passed").GetBoolean());
        Assert.Equal(At, json.GetProperty("plannedAt").GetString());
        Assert.StartsWith("https://", json.GetProperty("vault").GetProperty("uri").GetString(), StringComparison.Ordinal);
        var secrets = json.GetProperty("secrets").EnumerateArray().ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.EndsWith("Z", s.GetProperty("expiresAt").GetString(), StringComparison.Ordinal));
        Assert.Contains(secrets, s => s.GetProperty("rotationDays").ValueKind == JsonValueKind.Number && s.GetProperty("window").ValueKind == JsonValueKind.String);
        Assert.All(secrets, s => Assert.Contains(s.GetProperty("production").GetString(), new[] { "generated", "issued-by-azure", "operator-provided" }));
        Assert.NotEqual(0, json.GetProperty("vaultGrants").GetArrayLength());
        Assert.True(json.GetProperty("secretScopedGrants").GetInt32() > 0);
        Assert.Equal(0, json.GetProperty("pendingCompromisedCredentials").GetArrayLength());
        Assert.Equal(0, json.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void A_pending_compromised_credential_fails_and_is_named()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace(
            "kora-infra:compromisedCredentials: []",
            "kora-infra:compromisedCredentials:\n    - name: alert-devops-pager-url\n      reportedAt: 2026-11-20T14:30:00Z",
            StringComparison.Ordinal);
        var project = Repository.ScratchProject(("Pulumi.prod.yaml", text));
        var evidence = Path.Combine(project, "compromised.json");

        var run = Kora.Run("secrets", "--stack", "prod", "--at", At, "--json", "--evidence-out", evidence, "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var json = JsonDocumentOf.Parse(run);
        Assert.False(json.GetProperty("passed").GetBoolean());
        var pending = json.GetProperty("pendingCompromisedCredentials")[0];
        Assert.Equal("alert-devops-pager-url", pending.GetProperty("name").GetString());
        Assert.Equal("2026-11-20T14:30:00Z", pending.GetProperty("reportedAt").GetString());
        Assert.Equal(evidence, json.GetProperty("evidenceOut").GetString());
        Assert.True(File.Exists(evidence));
    }

    [Fact]
    public void An_invalid_stack_file_reports_its_problems_and_no_plan()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace("kora-infra:sizingTier: large", "kora-infra:sizingTier: medium", StringComparison.Ordinal);
        var project = Repository.ScratchProject(("Pulumi.prod.yaml", text));

        var run = Kora.Run("secrets", "--stack", "prod", "--json", "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var json = JsonDocumentOf.Parse(run);
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("vault").ValueKind);
        Assert.Equal(0, json.GetProperty("secrets").GetArrayLength());
        Assert.Contains(json.GetProperty("problems").EnumerateArray(), p => p.GetProperty("key").GetString() == "kora-infra:sizingTier");
    }
}
