using System.Text.Json.Nodes;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

public sealed class PolicyRuleTests
{
    private const string Vault = "azure-native:keyvault:Vault";
    private const string Secret = "azure-native:keyvault:Secret";
    private const string Postgres = "azure-native:dbforpostgresql:Server";
    private const string Redis = "azure-native:redis:Redis";
    private const string Deployment = "kubernetes:apps/v1:Deployment";
    private const string Manifest = "kora:release:ReleaseManifest";

    /// <summary>One way to break each rule: (rule, stack, what is broken, the break).</summary>
    public static TheoryData<string, string, string, Action<CompliantPlatform>> Breaks => new()
    {
        { "KORA-001", "prod", "no release manifest", s => s.Remove(Manifest) },
        { "KORA-001", "prod", "unverified manifest", s => s.Set(Manifest, "verified", false) },
        { "KORA-001", "prod", "an RC version in prod", s => s.Set(Manifest, "version", "v1.4.0-rc.2") },
        { "KORA-001", "prod", "a manifest for another stack", s => s.Set(Manifest, "stack", "staging") },
        { "KORA-001", "prod", "a manifest admitted by the staging gate", s => s.Set(Manifest, "gate", "deploy-staging") },
        { "KORA-001", "staging", "an open critical finding", s => s.Set(Manifest, "openCriticalFindings", new JsonArray("SEC-12: tenant data readable across tenants")) },
        { "KORA-001", "staging", "an image by tag in the manifest", s => s.Set(Manifest, "images", new JsonArray("n8nio/n8n:1.80.0")) },
        { "KORA-002", "dev", "a missing cost-center tag", s => s.Set("azure-native:resources:ResourceGroup", "tags.cost-center", null) },
        { "KORA-002", "prod", "another environment's tag", s => s.Set(Redis, "tags.environment", "dev") },
        { "KORA-003", "dev", "the default Kubernetes provider", s => s.WithProvider(Deployment, "urn:pulumi:dev::kora-infra::pulumi:providers:kubernetes::default_4_32_0::id") },
        { "KORA-003", "prod", "no provider at all", s => s.WithProvider(Deployment, null) },
        { "KORA-004", "staging", "local accounts enabled", s => s.Set("azure-native:containerservice:ManagedCluster", "disableLocalAccounts", false) },
        { "KORA-010", "dev", "access policies instead of RBAC", s => s.Set(Vault, "properties.enableRbacAuthorization", false) },
        { "KORA-011", "dev", "a 7-day soft delete", s => s.Set(Vault, "properties.softDeleteRetentionInDays", 7) },
        { "KORA-012", "staging", "no purge protection", s => s.Set(Vault, "properties.enablePurgeProtection", false) },
        { "KORA-013", "prod", "a public vault", s => s.Set(Vault, "properties.publicNetworkAccess", "Enabled").Set(Vault, "properties.networkAcls.defaultAction", "Allow") },
        { "KORA-014", "dev", "a secret without expiry", s => s.Set(Secret, "properties.attributes.expires", null) },
        { "KORA-014", "prod", "a secret expiring in 91 days", s => s.Set(Secret, "properties.attributes.expires", CompliantPlatform.Now.AddDays(91).ToUnixTimeSeconds()) },
        { "KORA-020", "dev", "TLS not required", s => s.Remove("azure-native:dbforpostgresql:Configuration") },
        { "KORA-021", "staging", "a public database", s => s.Set(Postgres, "network.publicNetworkAccess", "Enabled") },
        { "KORA-022", "prod", "no zone-redundant HA", s => s.Set(Postgres, "highAvailability.mode", "Disabled") },
        { "KORA-022", "prod", "local backups only", s => s.Set(Postgres, "backup.geoRedundantBackup", "Disabled") },
        { "KORA-023", "prod", "7-day backups in prod", s => s.Set(Postgres, "backup.backupRetentionDays", 7) },
        { "KORA-024", "dev", "no migration job", s => s.Remove("kubernetes:batch/v1:Job") },
        { "KORA-030", "dev", "the non-TLS port open", s => s.Set(Redis, "enableNonSslPort", true) },
        { "KORA-030", "dev", "TLS 1.0 accepted", s => s.Set(Redis, "minimumTlsVersion", "1.0") },
        { "KORA-031", "prod", "a public cache", s => s.Set(Redis, "publicNetworkAccess", "Enabled") },
        { "KORA-040", "staging", "an image by tag", s => s.Container(Deployment, c => c["image"] = "n8nio/n8n:1.80.0") },
        { "KORA-041", "dev", "a root container", s => s.Container(Deployment, c => c["securityContext"]!["runAsNonRoot"] = false) },
        { "KORA-042", "dev", "no memory limit", s => s.Container(Deployment, c => c["resources"]!["limits"]!.AsObject().Remove("memory")) },
        { "KORA-043", "dev", "a privileged container", s => s.Container(Deployment, c => c["securityContext"]!["privileged"] = true) },
        { "KORA-043", "prod", "privilege escalation allowed", s => s.Container(Deployment, c => c["securityContext"]!.AsObject().Remove("allowPrivilegeEscalation")) },
        { "KORA-044", "dev", "a password in a plain env var", s => s.Container(Deployment, c => c["env"]!.AsArray().Add(new JsonObject { ["name"] = "DB_PASSWORD", ["value"] = "hunter2" })) },
        { "KORA-044", "staging", "a connection string in a ConfigMap", s => s.Set("kubernetes:core/v1:ConfigMap", "data.REDIS", "host:6380,password=abc") },
        { "KORA-060", "prod", "no alert rules", s => s.Set("kubernetes:monitoring.coreos.com/v1:PrometheusRule", "spec.groups", new JsonArray()) },
        { "KORA-060", "staging", "the n8n HA reopen trigger missing", s => s.Set("kubernetes:monitoring.coreos.com/v1:PrometheusRule", "spec.groups", new JsonArray(new JsonObject { ["rules"] = new JsonArray(new JsonObject { ["alert"] = "ReplayBacklogHigh" }) })) },
        { "KORA-070", "prod", "a public release store", s => s.Set("azure-native:storage:StorageAccount", "publicNetworkAccess", "Enabled") },
        { "KORA-071", "staging", "a vault without a private endpoint", s => s.RemoveNamed("endpoint-vault").RemoveNamed("zone-group-vault") },
        { "KORA-071", "prod", "a database endpoint without its zone group", s => s.RemoveNamed("zone-group-postgres") },
        { "KORA-071", "prod", "a cache endpoint pointing at the blob zone", s => s.SetNamed("zone-group-redis", "privateDnsZoneConfigs", JsonNode.Parse("""[ { "privateDnsZoneId": "/zones/privatelink.blob.core.windows.net" } ]""")) },
        { "KORA-071", "staging", "a storage endpoint for the wrong sub-resource", s => s.SetNamed("endpoint-release-store", "privateLinkServiceConnections", JsonNode.Parse("""[ { "name": "stkorastagingbrsrel", "groupIds": [ "file" ] } ]""")) },
        { "KORA-072", "prod", "a node pool outside the VNet", s => s.Set("azure-native:containerservice:ManagedCluster", "agentPoolProfiles", JsonNode.Parse("""[ { "name": "system" } ]""")) },
        { "KORA-072", "staging", "an extra pool without a subnet", s => s.Add("azure-native:containerservice:AgentPool", "pool-batch", """{ "agentPoolName": "batch", "tags": { "environment": "staging", "owner": "devops", "data-classification": "masked", "cost-center": "koraos-platform", "managed-by": "pulumi" } }""") },
        { "KORA-073", "dev", "a subnet without an NSG", s => s.SetNamed("subnet-endpoints", "networkSecurityGroup", null) },
        { "KORA-073", "prod", "an inline subnet without an NSG", s => s.Set("azure-native:network:VirtualNetwork", "subnets", JsonNode.Parse("""[ { "name": "snet-jump", "addressPrefix": "10.20.1.0/28" } ]""")) },
        { "KORA-074", "dev", "SSH open to the internet", s => s.Set("azure-native:network:NetworkSecurityGroup", "securityRules", JsonNode.Parse("""[ { "name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "*", "destinationPortRange": "22" } ]""")) },
        { "KORA-074", "prod", "a port range covering RDP from Internet", s => s.Add("azure-native:network:SecurityRule", "rule-admin", """{ "securityRuleName": "admin", "priority": 200, "direction": "Inbound", "access": "Allow", "protocol": "*", "sourceAddressPrefixes": [ "Internet" ], "destinationPortRanges": [ "3000-4000" ] }""") },
        { "KORA-075", "staging", "a pod range inside the VNet", s => s.Set("azure-native:containerservice:ManagedCluster", "networkProfile.podCidr", "10.20.8.0/22") },
        { "KORA-075", "prod", "a subnet outside its VNet", s => s.SetNamed("subnet-endpoints", "addressPrefix", "10.99.0.0/27") },
        { "KORA-076", "prod", "a VNet-integrated server in an environment pinned to private endpoints", s => s.Set(Postgres, "network.delegatedSubnetResourceId", "/subscriptions/sub/subnets/snet-postgres") },
        { "KORA-077", "staging", "an API server open to everyone", s => s.Set("azure-native:containerservice:ManagedCluster", "apiServerAccessProfile", new JsonObject()) },
        { "KORA-077", "prod", "the whole internet authorized", s => s.Set("azure-native:containerservice:ManagedCluster", "apiServerAccessProfile.authorizedIPRanges", new JsonArray("0.0.0.0/0")) },
        { "KORA-050", "dev", "a prod vault referenced from dev", s => s.Set(Deployment, "metadata.annotations", new JsonObject { ["vault"] = "https://kv-kora-prod-brs.vault.azure.net" }) },
    };

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void The_compliant_stack_violates_nothing(string stack)
    {
        var evaluation = new CompliantPlatform(stack).Evaluate();

        Assert.Empty(evaluation.Violations);
        Assert.Empty(evaluation.Errors);
        Assert.False(evaluation.IsBlocked);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Each_rule_reports_what_breaks_it_and_nothing_else_does(string ruleId, string stack, string broken, Action<CompliantPlatform> breakIt)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var compliant = new CompliantPlatform(stack);
        breakIt(compliant);

        var evaluation = compliant.Evaluate();

        Assert.True(evaluation.Violations.Count > 0, $"{broken}: no violation");
        Assert.All(evaluation.Violations, v => Assert.Equal(ruleId, v.RuleId));
        Assert.All(evaluation.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Message)));
    }

    [Fact]
    public void Every_rule_has_at_least_one_breaking_case()
    {
        var covered = Breaks.Select(row => (string)row[0]).ToHashSet();

        Assert.All(PolicyRules.All, rule => Assert.Contains(rule.Id, covered));
    }

    [Fact]
    public void Rule_ids_are_unique_and_well_formed()
    {
        Assert.Equal(PolicyRules.All.Count, PolicyRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(PolicyRules.All, r => Assert.Matches("^KORA-[0-9]{3}$", r.Id));
        Assert.All(PolicyRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Rationale)));
    }

    [Fact]
    public void Dev_may_use_tags_and_public_endpoints_but_is_told_about_public_ones()
    {
        var dev = new CompliantPlatform("dev")
            .Container(Deployment, c => c["image"] = "n8nio/n8n:1.80.0")
            .Set(Redis, "publicNetworkAccess", "Enabled")
            .Remove(Manifest);

        var evaluation = dev.Evaluate();

        Assert.False(evaluation.IsBlocked);
        var advisory = Assert.Single(evaluation.Violations);
        Assert.Equal(("KORA-031", EnforcementLevel.Advisory), (advisory.RuleId, advisory.Level));
    }

    [Fact]
    public void A_mandatory_violation_blocks()
    {
        var evaluation = new CompliantPlatform("prod").Remove(Manifest).Evaluate();

        Assert.True(evaluation.IsBlocked);
        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(evaluation.Violations).Level);
    }

    [Fact]
    public void A_rule_that_throws_is_that_rules_error_and_the_others_still_run()
    {
        var rules = new PolicyRule[] { new ThrowingRule(), PolicyRules.Find("KORA-001")! };

        var evaluation = PolicyEngine.Evaluate(new CompliantPlatform("prod").Remove(Manifest).Snapshot(), CompliantPlatform.Now, rules);

        var error = Assert.Single(evaluation.Errors);
        Assert.Equal("KORA-999", error.RuleId);
        Assert.Contains("InvalidOperationException: broken rule", error.Message, StringComparison.Ordinal);
        Assert.Equal("KORA-001", Assert.Single(evaluation.Violations).RuleId);
        Assert.True(evaluation.IsBlocked);
    }

    [Fact]
    public void Levels_follow_the_environment_profiles()
    {
        string Level(string id, string stack) => PolicyRules.Find(id)!.LevelFor(EnvironmentProfiles.For(Enum.Parse<EnvironmentName>(stack, ignoreCase: true))).ToCrossGuard();

        Assert.Equal(["disabled", "mandatory", "mandatory"], new[] { "dev", "staging", "prod" }.Select(s => Level("KORA-001", s)));
        Assert.Equal(["disabled", "mandatory", "mandatory"], new[] { "dev", "staging", "prod" }.Select(s => Level("KORA-040", s)));
        Assert.Equal(["advisory", "mandatory", "mandatory"], new[] { "dev", "staging", "prod" }.Select(s => Level("KORA-013", s)));
        Assert.Equal(["disabled", "disabled", "mandatory"], new[] { "dev", "staging", "prod" }.Select(s => Level("KORA-022", s)));
    }

    private sealed class ThrowingRule : PolicyRule
    {
        public override string Id => "KORA-999";

        public override string Title => "always throws";

        public override string Rationale => "test";

        public override PolicySeverity Severity => PolicySeverity.Low;

        public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

        public override IEnumerable<Finding> Evaluate(PolicyContext context) => throw new InvalidOperationException("broken rule");
    }
}
