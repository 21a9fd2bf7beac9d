using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// The parts of the rules' compound conditions, each on its own: a vault closed one way but open
/// the other, each TLS version below 1.2 alone, and the container rules on every kind of workload
/// (each keeps its pod spec somewhere else).
/// </summary>
public sealed class RuleEdgeTests
{
    private const string Vault = "azure-native:keyvault:Vault";
    private const string Redis = "azure-native:redis:Redis";
    private const string Digest = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("Enabled", "Deny")]
    [InlineData("Disabled", "Allow")]
    [InlineData("Disabled", "Deny")]
    public void A_vault_closed_either_way_is_private(string publicAccess, string defaultAction)
    {
        var stack = new CompliantPlatform("prod")
            .Set(Vault, "properties.publicNetworkAccess", publicAccess)
            .Set(Vault, "properties.networkAcls.defaultAction", defaultAction);

        Assert.Empty(stack.Evaluate().Violations);
    }

    [Fact]
    public void A_vault_open_both_ways_is_public()
    {
        var stack = new CompliantPlatform("prod")
            .Set(Vault, "properties.publicNetworkAccess", "Enabled")
            .Set(Vault, "properties.networkAcls.defaultAction", "Allow");

        Assert.Equal(["KORA-013"], Rules(stack));
    }

    [Theory]
    [InlineData("TLSv1.0")]
    [InlineData("TLSv1.1")]
    [InlineData("tls1.2")]
    public void A_database_minimum_below_tls_1_2_alone_fails_naming_it(string version)
    {
        var stack = SetConfiguration(new CompliantPlatform("staging"), "ssl-min-protocol-version", version);

        var violation = Assert.Single(stack.Evaluate().Violations);
        Assert.Equal("KORA-020", violation.RuleId);
        Assert.Equal($"server 'psql-kora-staging-brs' has ssl_min_protocol_version '{version}'; expected TLSv1.2 or TLSv1.3", violation.Message);
    }

    [Theory]
    [InlineData("TLSv1.3")]
    [InlineData("tlsv1.2")]
    public void A_database_minimum_of_tls_1_2_or_1_3_passes(string version)
    {
        var stack = SetConfiguration(new CompliantPlatform("staging"), "ssl-min-protocol-version", version);

        Assert.Empty(stack.Evaluate().Violations);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("")]
    public void A_database_without_secure_transport_alone_fails_naming_it(string value)
    {
        var stack = SetConfiguration(new CompliantPlatform("dev"), "require-secure-transport", value);

        var violation = Assert.Single(stack.Evaluate().Violations);
        Assert.Equal("KORA-020", violation.RuleId);
        Assert.Equal("server 'psql-kora-dev-brs' has no require_secure_transport=on configuration", violation.Message);
    }

    [Fact]
    public void A_database_configuration_for_another_server_does_not_count()
    {
        var stack = new CompliantPlatform("prod");
        stack.Inputs("require-secure-transport")["serverName"] = "psql-other";
        stack.Inputs("ssl-min-protocol-version")["serverName"] = "psql-other";

        var messages = Messages(stack, "KORA-020");

        Assert.Equal(
            [
                "server 'psql-kora-prod-brs' has no require_secure_transport=on configuration",
                "server 'psql-kora-prod-brs' has ssl_min_protocol_version unset; expected TLSv1.2 or TLSv1.3",
            ],
            messages);
    }

    [Fact]
    public void A_database_configuration_whose_server_is_not_known_yet_counts_for_every_server()
    {
        var stack = new CompliantPlatform("prod").Set("azure-native:dbforpostgresql:Configuration", "serverName", null);

        Assert.Empty(stack.Evaluate().Violations);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    public void A_cache_minimum_below_tls_1_2_alone_fails_naming_it(string version)
    {
        var stack = new CompliantPlatform("dev").Set(Redis, "minimumTlsVersion", version);

        Assert.Equal([$"minimumTlsVersion is {version}; expected 1.2"], Messages(stack, "KORA-030"));
        Assert.Equal(["KORA-030"], Rules(stack));
    }

    [Fact]
    public void A_cache_without_a_minimum_fails_as_unset()
    {
        var stack = new CompliantPlatform("dev").Set(Redis, "minimumTlsVersion", null);

        Assert.Equal(["minimumTlsVersion is unset; expected 1.2"], Messages(stack, "KORA-030"));
    }

    [Fact]
    public void A_cache_with_the_non_tls_port_open_alone_fails_naming_it()
    {
        var stack = new CompliantPlatform("dev").Set(Redis, "enableNonSslPort", true);

        Assert.Equal(["enableNonSslPort is true; the non-TLS port must stay closed"], Messages(stack, "KORA-030"));
    }

    /// <summary>Every workload kind, with the path its pod spec sits at.</summary>
    public static TheoryData<string, string> Workloads => new()
    {
        { "kubernetes:core/v1:Pod", "spec" },
        { "kubernetes:apps/v1:Deployment", "spec.template.spec" },
        { "kubernetes:apps/v1:StatefulSet", "spec.template.spec" },
        { "kubernetes:apps/v1:DaemonSet", "spec.template.spec" },
        { "kubernetes:apps/v1:ReplicaSet", "spec.template.spec" },
        { "kubernetes:batch/v1:Job", "spec.template.spec" },
        { "kubernetes:batch/v1:CronJob", "spec.jobTemplate.spec.template.spec" },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void A_compliant_workload_of_every_kind_passes(string type, string podSpecPath)
    {
        var stack = WithWorkload(type, podSpecPath, CompliantContainer("app"));

        Assert.Empty(stack.Evaluate().Violations);
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Every_container_rule_judges_every_kind_of_workload(string type, string podSpecPath)
    {
        var broken = new JsonObject
        {
            ["name"] = "app",
            ["image"] = "ghcr.io/koraos/app:latest",
            ["securityContext"] = new JsonObject { ["privileged"] = true },
            ["env"] = new JsonArray(new JsonObject { ["name"] = "DB_PASSWORD", ["value"] = "hunter2" }),
        };

        var stack = WithWorkload(type, podSpecPath, broken);

        var evaluation = stack.Evaluate();
        Assert.All(evaluation.Violations, v => Assert.EndsWith("::app-workload", v.ResourceUrn, StringComparison.Ordinal));
        Assert.Equal(
            [
                ("KORA-040", "container 'app' uses image 'ghcr.io/koraos/app:latest'; expected name@sha256:<64 hex digits>"),
                ("KORA-041", "container 'app' does not set runAsNonRoot: true"),
                ("KORA-042", "container 'app' has no cpu or memory limit"),
                ("KORA-043", "container 'app' is privileged"),
                ("KORA-043", "container 'app' does not set allowPrivilegeEscalation: false"),
            ],
            evaluation.Violations.Where(v => v.RuleId != "KORA-044").Select(v => (v.RuleId, v.Message)));
        var literal = Assert.Single(evaluation.Violations, v => v.RuleId == "KORA-044");
        Assert.StartsWith("container 'app' sets DB_PASSWORD to a secret-looking literal (", literal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Init_containers_are_judged_like_containers(string type, string podSpecPath)
    {
        var stack = WithWorkload(type, podSpecPath, CompliantContainer("app"));
        var podSpec = PodSpecOf(stack, podSpecPath);
        var init = CompliantContainer("init");
        init["image"] = "ghcr.io/koraos/init:1";
        podSpec["initContainers"] = new JsonArray(init);

        var violation = Assert.Single(stack.Evaluate().Violations);
        Assert.Equal(("KORA-040", "container 'init' uses image 'ghcr.io/koraos/init:1'; expected name@sha256:<64 hex digits>"), (violation.RuleId, violation.Message));
    }

    [Fact]
    public void Run_as_non_root_on_the_pod_covers_its_containers_and_a_container_may_not_undo_it()
    {
        var container = CompliantContainer("app");
        container["securityContext"]!.AsObject().Remove("runAsNonRoot");
        var stack = WithWorkload("kubernetes:apps/v1:StatefulSet", "spec.template.spec", container);
        var podSpec = PodSpecOf(stack, "spec.template.spec");
        podSpec["securityContext"] = new JsonObject { ["runAsNonRoot"] = true };

        Assert.Empty(stack.Evaluate().Violations);

        podSpec["containers"]![0]!["securityContext"]!["runAsNonRoot"] = false;
        Assert.Equal(["container 'app' does not set runAsNonRoot: true"], Messages(stack, "KORA-041"));
    }

    [Theory]
    [InlineData("cpu", "container 'app' has no cpu limit")]
    [InlineData("memory", "container 'app' has no memory limit")]
    public void Each_missing_limit_is_named_alone(string missing, string message)
    {
        var container = CompliantContainer("app");
        container["resources"]!["limits"]!.AsObject().Remove(missing);
        var stack = WithWorkload("kubernetes:apps/v1:DaemonSet", "spec.template.spec", container);

        Assert.Equal([message], Messages(stack, "KORA-042"));
        Assert.Equal(["KORA-042"], Rules(stack));
    }

    [Fact]
    public void An_unnamed_container_is_named_as_such()
    {
        var container = CompliantContainer("app");
        container.Remove("name");
        container["securityContext"]!["privileged"] = true;
        var stack = WithWorkload("kubernetes:core/v1:Pod", "spec", container);

        Assert.Equal(["container '(unnamed)' is privileged"], Messages(stack, "KORA-043"));
    }

    [Fact]
    public void A_workload_whose_pod_spec_is_not_where_its_kind_keeps_it_has_no_containers_to_judge()
    {
        // A CronJob's pod spec is under its job template; one at a Deployment's path is not its own.
        var stack = WithWorkload("kubernetes:batch/v1:CronJob", "spec.template.spec", new JsonObject { ["name"] = "app", ["securityContext"] = new JsonObject { ["privileged"] = true } });

        Assert.Empty(stack.Evaluate().Violations);
    }

    private static JsonObject CompliantContainer(string name) => new()
    {
        ["name"] = name,
        ["image"] = "ghcr.io/koraos/app" + Digest,
        ["securityContext"] = new JsonObject { ["runAsNonRoot"] = true, ["allowPrivilegeEscalation"] = false },
        ["resources"] = new JsonObject { ["limits"] = new JsonObject { ["cpu"] = "250m", ["memory"] = "128Mi" } },
    };

    private static CompliantPlatform WithWorkload(string type, string podSpecPath, JsonObject container)
    {
        var inputs = new JsonObject { ["metadata"] = new JsonObject { ["namespace"] = "kora" } };
        var node = inputs;
        foreach (var segment in podSpecPath.Split('.'))
        {
            var child = new JsonObject();
            node[segment] = child;
            node = child;
        }

        node["containers"] = new JsonArray(container);
        // Staging: every container rule is enforced there, image digests included.
        return new CompliantPlatform("staging").Add(type, "app-workload", inputs.ToJsonString(), "urn:pulumi:staging::kora-infra::pulumi:providers:kubernetes::k8s-staging::provider-id");
    }

    private static JsonObject PodSpecOf(CompliantPlatform stack, string podSpecPath)
    {
        var node = stack.Inputs("app-workload");
        foreach (var segment in podSpecPath.Split('.'))
        {
            node = node[segment]!.AsObject();
        }

        return node;
    }

    private static CompliantPlatform SetConfiguration(CompliantPlatform stack, string name, string value)
    {
        stack.Inputs(name)["value"] = value;
        return stack;
    }

    private static List<string> Rules(CompliantPlatform stack) =>
        stack.Evaluate().Violations.Select(v => v.RuleId).Distinct().ToList();

    private static List<string> Messages(CompliantPlatform stack, string ruleId) =>
        stack.Evaluate().Violations.Where(v => v.RuleId == ruleId).Select(v => v.Message).ToList();
}
