using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// The sections only some stacks take (verification, promotion, release, an existing cluster)
/// and the binder's own rules (Azure login keys, report order, the result's invariants), each
/// bound at its limit and one past it.
/// </summary>
public sealed class SettingsSectionTests
{
    private static string Change(string stack, string find, string replacement)
    {
        var text = File.ReadAllText(Repository.StackFile(stack));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' must occur once in Pulumi.{stack}.yaml");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    private static SettingsResult Bind(string stack, string text) => StackSettingsBinder.Bind(StackFileReader.Read($"Pulumi.{stack}.yaml", text));

    private static string[] Problems(string stack, string find, string replacement) =>
        Bind(stack, Change(stack, find, replacement)).Problems.Select(p => $"{p.Key} | {p.Found} | {p.Expected}").ToArray();

    [Theory]
    [InlineData("rpoMinutes: 15", "rpoMinutes: 1440", null)]
    [InlineData("rpoMinutes: 15", "rpoMinutes: 1441", "kora-infra:verification.restore.rpoMinutes | 1441, which is out of range | a whole number from 1 to 1440")]
    [InlineData("rpoMinutes: 15", "rpoMinutes: 1", null)]
    [InlineData("rtoMinutes: 60", "rtoMinutes: 1", null)]
    [InlineData("rtoMinutes: 60", "rtoMinutes: 0", "kora-infra:verification.restore.rtoMinutes | 0, which is out of range | a whole number from 1 to 60")]
    [InlineData("ratePerSecond: 50", "ratePerSecond: 10000", null)]
    [InlineData("ratePerSecond: 50", "ratePerSecond: 10001", "kora-infra:verification.load.ratePerSecond | 10001, which is out of range | a whole number from 1 to 10000")]
    [InlineData("ratePerSecond: 20", "ratePerSecond: 0", "kora-infra:verification.soak.ratePerSecond | 0, which is out of range | a whole number from 1 to 10000")]
    [InlineData("durationMinutes: 240", "durationMinutes: 1440", null)]
    [InlineData("durationMinutes: 240", "durationMinutes: 1441", "kora-infra:verification.soak.durationMinutes | 1441, which is out of range | a whole number from 1 to 1440")]
    [InlineData("durationMinutes: 240", "durationMinutes: 16", null)]
    [InlineData("durationMinutes: 240", "durationMinutes: 14", "kora-infra:verification.soak | durationMinutes 14, not longer than load's 15 | a soak that lasts longer than the load run (that is what makes it a soak)")]
    [InlineData("p95Milliseconds: 500\n      errorRate: 0.01\n    soak:", "p95Milliseconds: 60000\n      errorRate: 0\n    soak:", null)]
    [InlineData("p95Milliseconds: 500\n      errorRate: 0.01\n    soak:", "p95Milliseconds: 60001\n      errorRate: 0.999\n    soak:", "kora-infra:verification.load.p95Milliseconds | 60001, which is out of range | a whole number from 1 to 60000")]
    [InlineData("p95Milliseconds: 500\n      errorRate: 0.01\n    soak:", "p95Milliseconds: 500\n      errorRate: 1\n    soak:", "kora-infra:verification.load.errorRate | '1' | a fraction from 0 to below 1, such as 0.01 for 1% of requests failing at most")]
    [InlineData("p95Milliseconds: 500\n      errorRate: 0.01\n    soak:", "p95Milliseconds: 500\n      errorRate: -0.01\n    soak:", "kora-infra:verification.load.errorRate | '-0.01' | a fraction from 0 to below 1, such as 0.01 for 1% of requests failing at most")]
    [InlineData("targetUrl: https://api.staging.koraos.example.com", "targetUrl: https://api.staging.koraos.example.com/base", null)]
    [InlineData("targetUrl: https://api.staging.koraos.example.com", "targetUrl: https://api.staging.koraos.example.com/?k=v", "kora-infra:verification.targetUrl | 'https://api.staging.koraos.example.com/?k=v' | the https URL of the staging runtime the load, soak and smoke runs exercise, such as 'https://api.staging.example.com' (no credentials, no query)")]
    [InlineData("targetUrl: https://api.staging.koraos.example.com", "targetUrl: https://kora@api.staging.koraos.example.com", "kora-infra:verification.targetUrl | 'https://kora@api.staging.koraos.example.com' | the https URL of the staging runtime the load, soak and smoke runs exercise, such as 'https://api.staging.example.com' (no credentials, no query)")]
    [InlineData("targetUrl: https://api.staging.koraos.example.com", "targetUrl: api.staging.koraos.example.com", "kora-infra:verification.targetUrl | 'api.staging.koraos.example.com' | the https URL of the staging runtime the load, soak and smoke runs exercise, such as 'https://api.staging.example.com' (no credentials, no query)")]
    [InlineData("    restore:\n      rpoMinutes: 15\n      rtoMinutes: 60\n", "", "kora-infra:verification.restore | no value (the key is missing) | a mapping")]
    [InlineData("      rtoMinutes: 60\n", "      rtoMinutes: 60\n      rtoSeconds: 1\n", "kora-infra:verification.restore.rtoSeconds | an unknown key | one of 'kora-infra:verification.restore.rpoMinutes', 'kora-infra:verification.restore.rtoMinutes'")]
    [InlineData("    targetUrl: https://api.staging.koraos.example.com\n", "    targetUrl: https://api.staging.koraos.example.com\n    smoke: true\n", "kora-infra:verification.smoke | an unknown key | one of 'kora-infra:verification.targetUrl', 'kora-infra:verification.restore', 'kora-infra:verification.load', 'kora-infra:verification.soak'")]
    public void Each_verification_bound_holds_at_its_limit_and_fails_one_past_it(string find, string replacement, string? problem)
    {
        Assert.Equal(problem is null ? [] : [problem], Problems("staging", find, replacement));
    }

    [Fact]
    public void Verification_settings_bind_to_their_values()
    {
        var verification = Bind("staging", Change("staging", "      ratePerSecond: 20\n      durationMinutes: 240\n      p95Milliseconds: 500\n      errorRate: 0.01\n", "      ratePerSecond: 21\n      durationMinutes: 241\n      p95Milliseconds: 501\n      errorRate: 0.02\n")).Require().Verification!;

        Assert.Equal(21, verification.Soak.RatePerSecond);
        Assert.Equal(TimeSpan.FromMinutes(241), verification.Soak.Duration);
        Assert.Equal(501, verification.Soak.P95Milliseconds);
        Assert.Equal(0.02, verification.Soak.ErrorRate);
    }

    [Theory]
    [InlineData("approvalWindowHours: 72", "approvalWindowHours: 1", null)]
    [InlineData("approvalWindowHours: 72", "approvalWindowHours: 720", null)]
    [InlineData("approvalWindowHours: 72", "approvalWindowHours: 721", "kora-infra:promotion.approvalWindowHours | 721, which is out of range | a whole number from 1 to 720")]
    [InlineData("auditLog: audit/deploy-audit.jsonl", "auditLog: deploy-audit.jsonl", null)]
    [InlineData("auditLog: audit/deploy-audit.jsonl", "auditLog: audit/./deploy.audit.jsonl", "kora-infra:promotion.auditLog | 'audit/./deploy.audit.jsonl' | a relative path inside the project ending in '.jsonl', such as 'audit/deploy-audit.jsonl'")]
    [InlineData("auditLog: audit/deploy-audit.jsonl", "auditLog: audit/deploy-audit.json", "kora-infra:promotion.auditLog | 'audit/deploy-audit.json' | a relative path inside the project ending in '.jsonl', such as 'audit/deploy-audit.jsonl'")]
    [InlineData("auditLog: audit/deploy-audit.jsonl", "auditLog: audit/../audit/deploy-audit.jsonl", "kora-infra:promotion.auditLog | 'audit/../audit/deploy-audit.jsonl' | a relative path inside the project ending in '.jsonl', such as 'audit/deploy-audit.jsonl'")]
    public void Each_promotion_bound_holds_at_its_limit_and_fails_one_past_it(string find, string replacement, string? problem)
    {
        Assert.Equal(problem is null ? [] : [problem], Problems("prod", find, replacement));
    }

    [Fact]
    public void A_promotion_setting_binds_to_its_window()
    {
        var promotion = Bind("prod", Change("prod", "approvalWindowHours: 72", "approvalWindowHours: 720")).Require().Promotion!;

        Assert.Equal(new PromotionSettings("audit/deploy-audit.jsonl", TimeSpan.FromHours(720)), promotion);
    }

    [Theory]
    [InlineData("releases/prod/v1.4.0.dsse.json", null)]
    [InlineData("v1.4.0.dsse.json", null)]
    [InlineData("releases/../prod/v1.4.0.dsse.json", "kora-infra:release | 'releases/../prod/v1.4.0.dsse.json' | a relative path inside the project to a signed manifest, such as 'releases/prod/v1.4.0.dsse.json' (written by 'kora promote')")]
    [InlineData("/releases/prod/v1.4.0.dsse.json", "kora-infra:release | '/releases/prod/v1.4.0.dsse.json' | a relative path inside the project to a signed manifest, such as 'releases/prod/v1.4.0.dsse.json' (written by 'kora promote')")]
    public void A_release_path_stays_inside_the_project_and_names_a_signed_manifest(string path, string? problem)
    {
        var text = File.ReadAllText(Repository.StackFile("prod")) + $"  kora-infra:release: {path}\n";

        var result = Bind("prod", text);

        Assert.Equal(problem is null ? [] : [problem], result.Problems.Select(p => $"{p.Key} | {p.Found} | {p.Expected}"));
        Assert.Equal(problem is null ? path : null, result.Settings?.ReleaseManifestPath);
    }

    [Fact]
    public void An_n8n_host_may_be_253_characters_long_not_254()
    {
        var labels = $"{new string('a', 63)}.{new string('b', 63)}.{new string('c', 63)}.";
        var fits = labels + new string('d', 61);
        var tooLong = labels + new string('d', 62);

        Assert.Equal(fits, Bind("dev", Change("dev", "n8nHost: n8n.dev.koraos.example.com", $"n8nHost: {fits}")).Require().Workloads.N8nHost);
        Assert.Equal(
            [$"kora-infra:workloads.n8nHost | '{tooLong}' | a lowercase DNS host name such as 'n8n.dev.example.com'"],
            Problems("dev", "n8nHost: n8n.dev.koraos.example.com", $"n8nHost: {tooLong}"));
        Assert.Equal(
            ["kora-infra:workloads.n8nHost | '1234.5678' | a lowercase DNS host name such as 'n8n.dev.example.com'"],
            Problems("dev", "n8nHost: n8n.dev.koraos.example.com", "n8nHost: \"1234.5678\""));
    }

    [Fact]
    public void An_existing_cluster_in_dev_needs_a_context_that_names_one()
    {
        var dev = Change("dev", "    mode: managed\n    kubernetesVersion: \"1.31\"\n    nodeCount: 1\n    maxNodeCount: 3\n", "    mode: existing\n    context: \"-kind\"\n  kora-infra:kubeconfig:\n    secure: v1:AAAA\n");

        Assert.Equal(["kora-infra:cluster.context | '-kind' | the kubeconfig context name of the existing cluster"], Bind("dev", dev).Problems.Select(p => $"{p.Key} | {p.Found} | {p.Expected}"));
    }

    [Fact]
    public void A_managed_cluster_binds_to_its_version_and_node_counts()
    {
        var cluster = Bind("staging", Change("staging", "nodeCount: 2\n    maxNodeCount: 5", "nodeCount: 4\n    maxNodeCount: 4")).Require().Cluster;

        Assert.Equal(new ClusterSettings(ClusterMode.Managed, "1.31", 4, 4, null), cluster);
    }

    [Fact]
    public void Azure_login_keys_are_allowed_and_change_nothing()
    {
        var text = Change("dev", "config:\n", "config:\n  azure-native:location: westeurope\n  azure-native:useOidc: \"true\"\n");

        var result = Bind("dev", text);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal("brazilsouth", result.Settings!.Region.Name);
    }

    [Fact]
    public void Problems_are_reported_in_file_order()
    {
        var text = Change("dev", "kora-infra:sizingTier: small", "kora-infra:sizingTier: huge")
            .Replace("kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: K", StringComparison.Ordinal)
            .Replace("n8nHost: n8n.dev.koraos.example.com", "n8nHost: N8N", StringComparison.Ordinal);

        var problems = Bind("dev", text).Problems;

        Assert.Equal(["kora-infra:namingPrefix", "kora-infra:sizingTier", "kora-infra:workloads.n8nHost"], problems.Select(p => p.Key));
        Assert.Equal(problems.Select(p => p.Location.Line).Order(), problems.Select(p => p.Location.Line));
    }

    [Fact]
    public void A_source_that_could_not_be_read_is_not_judged_key_by_key()
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", File.ReadAllText(Repository.StackFile("dev")) + "  - broken\n");

        var result = StackSettingsBinder.Bind(source);

        Assert.Equal(source.Problems, result.Problems);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void A_source_without_a_stack_name_is_one_problem()
    {
        var source = new SettingsSource("engine", null, new Dictionary<string, SettingNode>(), []);

        var problem = Assert.Single(StackSettingsBinder.Bind(source).Problems);

        Assert.Equal("engine | (stack name) | stack '' | one of the KoraOS stacks 'dev', 'staging' or 'prod'", $"{problem.Location} | {problem.Key} | {problem.Found} | {problem.Expected}");
    }

    [Fact]
    public void A_result_is_valid_or_has_problems_never_neither()
    {
        Assert.Throws<ArgumentException>(() => SettingsResult.Invalid([]));
        var invalid = SettingsResult.Invalid([new SettingsProblem(new SourceLocation("f"), "k", "found", "expected")]);
        Assert.False(invalid.IsValid);
        var thrown = Assert.Throws<InvalidStackSettingsException>(invalid.Require);
        Assert.Equal($"the stack settings have 1 problem(s):{Environment.NewLine}  f: k: found; expected expected", thrown.Message);
        Assert.Empty(new InvalidStackSettingsException().Problems);
        Assert.Equal("m", new InvalidStackSettingsException("m").Message);
        Assert.Empty(new InvalidStackSettingsException("m", new InvalidOperationException()).Problems);
    }

    [Fact]
    public void A_location_outside_a_file_has_no_line()
    {
        var engine = new SourceLocation("stack 'dev' configuration") { IsFile = false };

        Assert.Equal(engine, engine.AtLine(7));
        Assert.Equal("stack 'dev' configuration", engine.AtLine(7).ToString());
        Assert.Equal("Pulumi.dev.yaml:7", new SourceLocation("Pulumi.dev.yaml").AtLine(7).ToString());
        Assert.Equal("Pulumi.dev.yaml", new SourceLocation("Pulumi.dev.yaml").ToString());
    }
}
