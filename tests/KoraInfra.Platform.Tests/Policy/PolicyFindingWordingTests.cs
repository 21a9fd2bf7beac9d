using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// What each rule says, word for word: the finding of every break in <see cref="PolicyRuleTests.Breaks"/>
/// (rule, level, severity, resource and message, in order), and each rule's title, severity,
/// level per environment and Checkov equivalents. A finding that lost the value it names, a level
/// that drifted, or a second finding where there was one, fails here.
/// </summary>
public sealed class PolicyFindingWordingTests
{
    private static readonly Dictionary<string, string[]> Findings = new(StringComparer.Ordinal)
    {
        ["no release manifest"] = ["KORA-001|Mandatory|Critical||stack 'prod' declares no release manifest: it can only be deployed by promotion (kora promote)"],
        ["unverified manifest"] = ["KORA-001|Mandatory|Critical|urn:pulumi:prod::kora-infra::kora:release:ReleaseManifest::release|the release manifest's signature was not verified"],
        ["an RC version in prod"] = ["KORA-001|Mandatory|Critical|urn:pulumi:prod::kora-infra::kora:release:ReleaseManifest::release|version 'v1.4.0-rc.2' is not a GA tag (vX.Y.Z); prod is deployed only from a GA promotion of an approved RC"],
        ["a manifest for another stack"] = ["KORA-001|Mandatory|Critical|urn:pulumi:prod::kora-infra::kora:release:ReleaseManifest::release|the release manifest is for stack 'staging', not 'prod'"],
        ["a manifest admitted by the staging gate"] = ["KORA-001|Mandatory|Critical|urn:pulumi:prod::kora-infra::kora:release:ReleaseManifest::release|the release manifest was admitted by gate 'deploy-staging'; prod takes only a manifest admitted by the deploy-prod gate (go/no-go)"],
        ["an open critical finding"] = ["KORA-001|Mandatory|Critical|urn:pulumi:staging::kora-infra::kora:release:ReleaseManifest::release|the release carries 1 open critical finding(s); a release must have none"],
        ["an image by tag in the manifest"] = ["KORA-001|Mandatory|Critical|urn:pulumi:staging::kora-infra::kora:release:ReleaseManifest::release|image 'n8nio/n8n:1.80.0' is not pinned by digest"],
        ["a missing cost-center tag"] = ["KORA-002|Mandatory|Medium|urn:pulumi:dev::kora-infra::azure-native:resources:ResourceGroup::resource-group|missing tag(s) cost-center; every taggable resource carries environment, owner, data-classification, cost-center"],
        ["another environment's tag"] = ["KORA-002|Mandatory|Medium|urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis|tag environment is 'dev' in stack 'prod'"],
        ["the default Kubernetes provider"] = ["KORA-003|Mandatory|High|urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|uses provider 'urn:pulumi:dev::kora-infra::pulumi:providers:kubernetes::default_4_32_0::id'; pass the stack's Kubernetes provider (k8s-dev)"],
        ["no provider at all"] = ["KORA-003|Mandatory|High|urn:pulumi:prod::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|uses no explicit provider; pass the stack's Kubernetes provider (k8s-prod)"],
        ["local accounts enabled"] = ["KORA-004|Mandatory|High|urn:pulumi:staging::kora-infra::azure-native:containerservice:ManagedCluster::aks|disableLocalAccounts is not true; set it so only Entra ID identities reach the API server"],
        ["access policies instead of RBAC"] = ["KORA-010|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:keyvault:Vault::vault|properties.enableRbacAuthorization is not true"],
        ["a 7-day soft delete"] = ["KORA-011|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:keyvault:Vault::vault|properties.softDeleteRetentionInDays is 7; expected 90"],
        ["no purge protection"] = ["KORA-012|Mandatory|High|urn:pulumi:staging::kora-infra::azure-native:keyvault:Vault::vault|properties.enablePurgeProtection is not true"],
        ["a public vault"] = ["KORA-013|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:keyvault:Vault::vault|public network access is open: set properties.publicNetworkAccess to Disabled or properties.networkAcls.defaultAction to Deny"],
        ["a secret without expiry"] = ["KORA-014|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:keyvault:Secret::pg-admin-password|properties.attributes.expires is not set; every secret expires at the end of its rotation window"],
        ["a secret expiring in 91 days"] = ["KORA-014|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:keyvault:Secret::pg-admin-password|expires 2027-02-28, more than 90 days after 2026-11-29"],
        ["TLS not required"] = ["KORA-020|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:dbforpostgresql:Server::postgres|server 'psql-kora-dev-brs' has no require_secure_transport=on configuration", "KORA-020|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:dbforpostgresql:Server::postgres|server 'psql-kora-dev-brs' has ssl_min_protocol_version unset; expected TLSv1.2 or TLSv1.3"],
        ["a public database"] = ["KORA-021|Mandatory|High|urn:pulumi:staging::kora-infra::azure-native:dbforpostgresql:Server::postgres|network.publicNetworkAccess is Enabled; expected Disabled"],
        ["no zone-redundant HA"] = ["KORA-022|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:dbforpostgresql:Server::postgres|highAvailability.mode is Disabled; expected ZoneRedundant"],
        ["local backups only"] = ["KORA-022|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:dbforpostgresql:Server::postgres|backup.geoRedundantBackup is Disabled; expected Enabled"],
        ["7-day backups in prod"] = ["KORA-023|Mandatory|Medium|urn:pulumi:prod::kora-infra::azure-native:dbforpostgresql:Server::postgres|backup.backupRetentionDays is 7; expected at least 35"],
        ["no migration job"] = ["KORA-024|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:dbforpostgresql:Server::postgres|the stack declares a PostgreSQL server but no migration Job (a kubernetes:batch/v1:Job labelled app.kubernetes.io/component=db-migrations)"],
        ["the non-TLS port open"] = ["KORA-030|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis|enableNonSslPort is true; the non-TLS port must stay closed"],
        ["TLS 1.0 accepted"] = ["KORA-030|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis|minimumTlsVersion is 1.0; expected 1.2"],
        ["a public cache"] = ["KORA-031|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis|publicNetworkAccess is Enabled; expected Disabled"],
        ["an image by tag"] = ["KORA-040|Mandatory|Critical|urn:pulumi:staging::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|container 'n8n' uses image 'n8nio/n8n:1.80.0'; expected name@sha256:<64 hex digits>"],
        ["a root container"] = ["KORA-041|Mandatory|High|urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|container 'n8n' does not set runAsNonRoot: true"],
        ["no memory limit"] = ["KORA-042|Mandatory|Medium|urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|container 'n8n' has no memory limit"],
        ["a privileged container"] = ["KORA-043|Mandatory|Critical|urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|container 'n8n' is privileged"],
        ["privilege escalation allowed"] = ["KORA-043|Mandatory|Critical|urn:pulumi:prod::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|container 'n8n' does not set allowPrivilegeEscalation: false"],
        ["a password in a plain env var"] = ["KORA-044|Mandatory|Critical|urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|container 'n8n' sets DB_PASSWORD to a secret-looking literal (its name 'DB_PASSWORD' names a credential and the value is not a number, duration, flag, path, URL or reference); use valueFrom.secretKeyRef or a _FILE variable"],
        ["a connection string in a ConfigMap"] = ["KORA-044|Mandatory|Critical|urn:pulumi:staging::kora-infra::kubernetes:core/v1:ConfigMap::n8n-config|ConfigMap key 'REDIS' holds a secret-looking value (it is a connection string with password=); move it to a Secret"],
        ["no alert rules"] = ["KORA-060|Mandatory|High||stack 'prod' does not deploy the alert(s) StructuredLogCoverageLow, AckToEnqueueGapHigh, AckToEnqueueGapSlowEvents, ReplayBacklogHigh, RedisFallbackRateHigh, TakeoverSlaBreachRateHigh, CriticalAlertNotAcknowledged, SafeModeNotEngaged, P0AlertNotAcknowledged, N8nHaReopenP0Incidents, N8nHaReopenReplayCritical"],
        ["the n8n HA reopen trigger missing"] = ["KORA-060|Mandatory|High||stack 'staging' does not deploy the alert(s) StructuredLogCoverageLow, AckToEnqueueGapHigh, AckToEnqueueGapSlowEvents, RedisFallbackRateHigh, TakeoverSlaBreachRateHigh, CriticalAlertNotAcknowledged, SafeModeNotEngaged, P0AlertNotAcknowledged, N8nHaReopenP0Incidents, N8nHaReopenReplayCritical"],
        ["a public release store"] = ["KORA-070|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:storage:StorageAccount::release-store|publicNetworkAccess is Enabled; expected Disabled"],
        ["a vault without a private endpoint"] = ["KORA-071|Mandatory|High|urn:pulumi:staging::kora-infra::azure-native:keyvault:Vault::vault|no private endpoint connects to 'kv-kora-staging-brs': declare one in the endpoint subnet with group id 'vault' and a connection named after the resource"],
        ["a database endpoint without its zone group"] = ["KORA-071|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:dbforpostgresql:Server::postgres|the private endpoint of 'psql-kora-prod-brs' has no DNS zone group naming 'privatelink.postgres.database.azure.com': the host name would still resolve to the public address"],
        ["a cache endpoint pointing at the blob zone"] = ["KORA-071|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis|the private endpoint of 'redis-kora-prod-brs' has no DNS zone group naming 'privatelink.redis.cache.windows.net': the host name would still resolve to the public address"],
        ["a storage endpoint for the wrong sub-resource"] = ["KORA-071|Mandatory|High|urn:pulumi:staging::kora-infra::azure-native:storage:StorageAccount::release-store|the private endpoint of 'stkorastagingbrsrel' asks for group ids [file]; expected 'blob'"],
        ["a node pool outside the VNet"] = ["KORA-072|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:containerservice:ManagedCluster::aks|node pool 'system' has no vnetSubnetID; place it in the environment's node subnet"],
        ["an extra pool without a subnet"] = ["KORA-072|Mandatory|High|urn:pulumi:staging::kora-infra::azure-native:containerservice:AgentPool::pool-batch|the node pool has no vnetSubnetID; place it in the environment's node subnet"],
        ["a subnet without an NSG"] = ["KORA-073|Mandatory|High|urn:pulumi:dev::kora-infra::azure-native:network:Subnet::subnet-endpoints|subnet 'snet-kora-dev-brs-endpoints' has no networkSecurityGroup; associate the subnet's NSG"],
        ["an inline subnet without an NSG"] = ["KORA-073|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:network:VirtualNetwork::vnet|inline subnet 'snet-jump' has no networkSecurityGroup; associate the subnet's NSG"],
        ["SSH open to the internet"] = ["KORA-074|Mandatory|Critical|urn:pulumi:dev::kora-infra::azure-native:network:NetworkSecurityGroup::nsg-aks-nodes|rule 'ssh' allows the internet (*) in on port(s) 22; limit the source to named private ranges or remove the rule"],
        ["a port range covering RDP from Internet"] = ["KORA-074|Mandatory|Critical|urn:pulumi:prod::kora-infra::azure-native:network:SecurityRule::rule-admin|rule 'admin' allows the internet (Internet) in on port(s) 3389; limit the source to named private ranges or remove the rule"],
        ["a pod range inside the VNet"] = ["KORA-075|Mandatory|High|urn:pulumi:staging::kora-infra::azure-native:containerservice:ManagedCluster::aks|pod range 10.20.8.0/22 overlaps VNet 10.20.0.0/20; every network range must be disjoint"],
        ["a subnet outside its VNet"] = ["KORA-075|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:network:Subnet::subnet-endpoints|subnet 10.99.0.0/27 lies outside every VNet address space (10.20.0.0/20)"],
        ["a VNet-integrated server in an environment pinned to private endpoints"] = ["KORA-076|Mandatory|Critical|urn:pulumi:prod::kora-infra::azure-native:dbforpostgresql:Server::postgres|the server is VNet-integrated (network.delegatedSubnetResourceId), but prod is pinned to PrivateEndpoint; changing the mode replaces the server (docs/network.md)"],
        ["an API server open to everyone"] = ["KORA-077|Mandatory|High|urn:pulumi:staging::kora-infra::azure-native:containerservice:ManagedCluster::aks|apiServerAccessProfile has neither enablePrivateCluster nor authorizedIPRanges: the API server answers the whole internet"],
        ["the whole internet authorized"] = ["KORA-077|Mandatory|High|urn:pulumi:prod::kora-infra::azure-native:containerservice:ManagedCluster::aks|apiServerAccessProfile.authorizedIPRanges contains 0.0.0.0/0: that authorizes the whole internet"],
        ["a prod vault referenced from dev"] = ["KORA-050|Mandatory|Critical|urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n-main|references kv-kora-prod, which belong(s) to another environment than 'dev'"],
    };

    private static readonly Dictionary<string, (string Title, PolicySeverity Severity, EnforcementLevel[] Levels, string[] CheckovIds)> Catalogue = new(StringComparer.Ordinal)
    {
        ["KORA-001"] = ("Staging and prod carry a verified release manifest; prod only from an approved GA promotion with images by digest", PolicySeverity.Critical, [EnforcementLevel.Disabled, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-002"] = ("Azure resources carry the environment, owner, data-classification and cost-center tags", PolicySeverity.Medium, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-003"] = ("Kubernetes resources use the stack's explicit Kubernetes provider", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-004"] = ("AKS clusters disable local accounts and authorize with Entra ID (Azure RBAC)", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_141", "CKV_AZURE_5"]),
        ["KORA-010"] = ("Key Vaults use RBAC authorization and no access policies", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-011"] = ("Key Vaults enable soft delete with 90-day retention", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_111", "CKV_AZURE_42"]),
        ["KORA-012"] = ("Key Vaults enable purge protection (staging and prod)", PolicySeverity.High, [EnforcementLevel.Advisory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_110", "CKV_AZURE_42"]),
        ["KORA-013"] = ("Key Vaults disable public network access or deny it by default (staging and prod)", PolicySeverity.High, [EnforcementLevel.Advisory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_189", "CKV_AZURE_109"]),
        ["KORA-014"] = ("Key Vault secrets expire at most 90 days ahead", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_41"]),
        ["KORA-020"] = ("PostgreSQL servers set require_secure_transport=on and ssl_min_protocol_version TLSv1.2 or later", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_147"]),
        ["KORA-021"] = ("PostgreSQL servers disable public network access (staging and prod)", PolicySeverity.High, [EnforcementLevel.Advisory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_68", "CKV2_AZURE_57"]),
        ["KORA-022"] = ("PostgreSQL servers use zone-redundant high availability and geo-redundant backups (prod)", PolicySeverity.High, [EnforcementLevel.Disabled, EnforcementLevel.Disabled, EnforcementLevel.Mandatory], ["CKV_AZURE_136"]),
        ["KORA-023"] = ("PostgreSQL backups are retained at least 7 days (35 in prod)", PolicySeverity.Medium, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-024"] = ("A stack with a tenant database runs the schema migrations as a Kubernetes Job", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-030"] = ("Azure Cache for Redis disables the non-TLS port and requires TLS 1.2", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_91", "CKV_AZURE_148"]),
        ["KORA-031"] = ("Azure Cache for Redis disables public network access (staging and prod)", PolicySeverity.High, [EnforcementLevel.Advisory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_89"]),
        ["KORA-040"] = ("Container images are pinned by digest (staging and prod)", PolicySeverity.Critical, [EnforcementLevel.Disabled, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_K8S_43"]),
        ["KORA-041"] = ("Containers set runAsNonRoot (container or pod security context)", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_K8S_23"]),
        ["KORA-042"] = ("Containers set CPU and memory limits", PolicySeverity.Medium, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_K8S_11", "CKV_K8S_13"]),
        ["KORA-043"] = ("Containers are never privileged and set allowPrivilegeEscalation: false", PolicySeverity.Critical, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_K8S_16", "CKV_K8S_20"]),
        ["KORA-044"] = ("No secret-looking literal in a ConfigMap or a plain container environment variable", PolicySeverity.Critical, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_K8S_35"]),
        ["KORA-050"] = ("A stack never references another environment's vault, database or cache", PolicySeverity.Critical, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-060"] = ("Staging and prod deploy every alert of the seed's catalogue as PrometheusRules", PolicySeverity.High, [EnforcementLevel.Disabled, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-070"] = ("Storage accounts disable public network access (staging and prod)", PolicySeverity.High, [EnforcementLevel.Advisory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_59", "CKV2_AZURE_33"]),
        ["KORA-071"] = ("Every vault, database, cache and storage account has a private endpoint with a DNS zone group for its exact zone (staging and prod)", PolicySeverity.High, [EnforcementLevel.Disabled, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV2_AZURE_32", "CKV2_AZURE_42", "CKV_AZURE_181"]),
        ["KORA-072"] = ("Every AKS node pool is in a VNet subnet (staging and prod)", PolicySeverity.High, [EnforcementLevel.Advisory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-073"] = ("Every subnet has a network security group", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV2_AZURE_31"]),
        ["KORA-074"] = ("No NSG rule allows inbound traffic from the internet to a management port (22, 3389, 5985, 5986)", PolicySeverity.Critical, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_9", "CKV_AZURE_10"]),
        ["KORA-075"] = ("Network ranges never overlap: subnets inside their VNet, VNets, subnets and AKS pod and service ranges disjoint", PolicySeverity.High, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-076"] = ("PostgreSQL servers keep their environment's pinned network mode (private endpoint in staging and prod)", PolicySeverity.Critical, [EnforcementLevel.Mandatory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], []),
        ["KORA-077"] = ("The AKS API server is private or limited to authorized IP ranges (staging and prod)", PolicySeverity.High, [EnforcementLevel.Advisory, EnforcementLevel.Mandatory, EnforcementLevel.Mandatory], ["CKV_AZURE_6", "CKV_AZURE_115"]),
    };

    public static TheoryData<string> Broken => new(Findings.Keys);

    public static TheoryData<string> RuleIds => new(Catalogue.Keys);

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_break_is_found_in_exactly_these_words(string broken)
    {
        var row = PolicyRuleTests.Breaks.Single(r => (string)r[2] == broken);
        var platform = new CompliantPlatform((string)row[1]);
        ((Action<CompliantPlatform>)row[3])(platform);

        var evaluation = platform.Evaluate();

        Assert.Empty(evaluation.Errors);
        Assert.Equal(Findings[broken], evaluation.Violations.Select(v => $"{v.RuleId}|{v.Level}|{v.Severity}|{v.ResourceUrn}|{v.Message}"));
        Assert.All(evaluation.Violations, v => Assert.Equal(Catalogue[v.RuleId].Title, v.Title));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_its_title_severity_levels_and_checkov_equivalents(string id)
    {
        var rule = PolicyRules.Find(id);
        var (title, severity, levels, checkov) = Catalogue[id];

        Assert.NotNull(rule);
        Assert.Equal(title, rule.Title);
        Assert.Equal(severity, rule.Severity);
        Assert.Equal(levels, new[] { EnvironmentName.Dev, EnvironmentName.Staging, EnvironmentName.Prod }.Select(n => rule.LevelFor(EnvironmentProfiles.For(n))));
        Assert.Equal(checkov, rule.CheckovIds);
    }
}
