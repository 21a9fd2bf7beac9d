using KoraInfra.Platform.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// The whole report line of each malformed stack file: the key, what was found and what would be
/// right, word for word, and how many problems the file has. A check that lost its wording, a
/// bound that moved, or a problem reported twice (or not at all) changes one of these. Where the
/// expected value lists a catalogue kept elsewhere (regions, secrets, top-level keys), only its
/// start is pinned ("…").
/// </summary>
public sealed class MalformedStackFileReportTests
{
    private static readonly Dictionary<string, (string Key, string Found, string Expected, int Problems)> Reports = new(StringComparer.Ordinal)
    {
        ["node count of the wrong type"] = ("kora-infra:cluster.nodeCount", "'two', which is not a whole number", "a whole number from 2 to 50", 1),
        ["node count below the environment's minimum"] = ("kora-infra:cluster.nodeCount", "1, which is out of range", "a whole number from 2 to 50", 1),
        ["node ceiling above the maximum"] = ("kora-infra:cluster.maxNodeCount", "1000, which is out of range", "a whole number from 3 to 100", 1),
        ["node ceiling below the node count"] = ("kora-infra:cluster.maxNodeCount", "3, below nodeCount 4", "a ceiling of at least 4", 1),
        ["misspelt top-level key"] = ("kora-infra:sizingTeir", "an unknown key", "one of 'kora-infra:environment', 'kora-infra:location', …", 2),
        ["misspelt nested key"] = ("kora-infra:cluster.maxNodeCuont", "an unknown key", "one of 'kora-infra:cluster.mode', 'kora-infra:cluster.kubernetesVersion', 'kora-infra:cluster.nodeCount', 'kora-infra:cluster.maxNodeCount'", 2),
        ["missing required key"] = ("kora-infra:location", "no value (the key is missing)", "a supported Azure region: 'brazilsouth', …", 1),
        ["broken YAML"] = ("(yaml)", "broken YAML (an unterminated '[' or '{' list or mapping)", "well-formed YAML with each key once", 1),
        ["stack name no environment has"] = ("(stack name)", "stack 'qa'", "one of the KoraOS stacks 'dev', 'staging' or 'prod'", 1),
        ["stack name in capitals"] = ("(stack name)", "stack 'Prod'", "one of the KoraOS stacks 'dev', 'staging' or 'prod'", 1),
        ["environment key for another stack"] = ("kora-infra:environment", "'prod'", "'staging', the stack this file configures", 1),
        ["empty file"] = ("(file)", "an empty file", "a 'config:' mapping with the kora-infra: keys", 1),
        ["comment-only file"] = ("(file)", "an empty file (comments only)", "a 'config:' mapping with the kora-infra: keys", 1),
        ["duplicated key"] = ("(yaml)", "the key 'kora-infra:sizingTier' appears twice in the same mapping (lines 15 and 16)", "each key once in a mapping", 1),
        ["kubeconfig in clear text"] = ("kora-infra:kubeconfig", "a secret value in clear text", "a secret (the existing cluster's kubeconfig), set with 'pulumi config set --secret kora-infra:kubeconfig'", 1),
        ["token-shaped value in a tag"] = ("kora-infra:tags.ci", "a secret value in clear text (it has the form of a GitHub token)", "no secret in a stack file: store it with 'pulumi config set --secret' or in the environment's vault and reference it by name", 1),
        ["password under a setting"] = ("kora-infra:dbPassword", "a secret value in clear text (its name 'dbPassword' names a credential and the value is not a number, duration, flag, path, URL or reference)", "no secret in a stack file: store it with 'pulumi config set --secret' or in the environment's vault and reference it by name", 2),
        ["unsupported region"] = ("kora-infra:location", "'marsnorth'", "a supported Azure region: 'brazilsouth', …", 1),
        ["prod in a region without zones"] = ("kora-infra:location", "'brazilsoutheast', which has no availability zones", "a region with availability zones: prod is zone-redundant", 2),
        ["naming prefix with capitals"] = ("kora-infra:namingPrefix", "'Kora'", "2-8 lowercase letters or digits, starting with a letter", 1),
        ["naming prefix too long"] = ("kora-infra:namingPrefix", "'koraplatform'", "2-8 lowercase letters or digits, starting with a letter", 1),
        ["required tag missing"] = ("kora-infra:tags.cost-center", "no value (the tag is missing)", "every stack sets environment, owner, data-classification, cost-center", 1),
        ["real data labelled synthetic"] = ("kora-infra:tags.data-classification", "'synthetic'", "'confidential': prod holds real data segregated by tenant (RLS)", 1),
        ["owner that does not own the environment"] = ("kora-infra:tags.owner", "'engineering'", "one of the owners of prod: devops, operations, po", 1),
        ["tag KoraInfra sets itself"] = ("kora-infra:tags.managed-by", "a tag KoraInfra sets itself", "no such tag in the stack file", 1),
        ["tags as a plain value"] = ("kora-infra:tags", "a plain value", "a mapping of named values", 1),
        ["sizing tier smaller than prod allows"] = ("kora-infra:sizingTier", "'medium', smaller than prod allows", "'large' or larger", 1),
        ["sizing tier that does not exist"] = ("kora-infra:sizingTier", "'huge'", "one of 'small', 'medium', 'large'", 1),
        ["prod on a cluster it does not declare"] = ("kora-infra:cluster.mode", "'existing'", "'managed': only an ephemeral environment may run on a cluster this stack does not declare, and prod is not one", 6),
        ["kubernetes version with a patch number"] = ("kora-infra:cluster.kubernetesVersion", "'1.31.2'", "an AKS minor version such as '1.31' (quote it in YAML)", 1),
        ["existing cluster without a kubeconfig"] = ("kora-infra:kubeconfig", "no value (the key is missing)", "a secret (the existing cluster's kubeconfig), set with 'pulumi config set --secret kora-infra:kubeconfig'", 1),
        ["kubeconfig beside a managed cluster"] = ("kora-infra:kubeconfig", "a kubeconfig for a managed cluster", "no kubeconfig: the program reads the AKS credentials itself (remove the key, or set cluster.mode to 'existing')", 1),
        ["escalation step without a receiver"] = ("kora-infra:alerting.receivers", "no receiver at level 'management'", "at least one receiver for each step of the escalation chain superadmin -> devops -> management in prod", 1),
        ["two receivers with one name"] = ("kora-infra:alerting.receivers[2].name", "'devops-oncall', already used by another receiver", "a unique receiver name", 1),
        ["e-mail receiver with a bad address"] = ("kora-infra:alerting.receivers[0].address", "'superadmin'", "an e-mail address such as 'devops-oncall@example.com'", 1),
        ["key outside the project namespace"] = ("kora-infr:location", "a key outside the 'kora-infra:' namespace", "'kora-infra:<key>' (or one of the Azure login keys azure-native:clientId, azure-native:environment, azure-native:location, azure-native:subscriptionId, azure-native:tenantId, azure-native:useMsi, azure-native:useOidc)", 1),
        ["config as a list"] = ("config", "a list", "a mapping of 'kora-infra:<key>: value' lines", 1),
        ["unknown top-level section"] = ("confg", "an unknown top-level key", "one of 'config', 'encryptedkey', 'encryptionsalt', 'environment', 'secretsprovider'", 1),
        ["critical rate not above the warning rate"] = ("kora-infra:monitoring.redisFallbackRate.critical", "0.04, not above the warning threshold 0.05", "a fraction above 0.05: critical is the worse condition", 1),
        ["rate given as a percentage"] = ("kora-infra:monitoring.takeoverSlaBreachRate.warning", "'5'", "a fraction above 0 and at most 1, such as 0.05 for 5%", 1),
        ["misspelt monitoring key"] = ("kora-infra:monitoring.runbookBaseUri", "an unknown key", "one of 'kora-infra:monitoring.redisFallbackRate', 'kora-infra:monitoring.takeoverSlaBreachRate', 'kora-infra:monitoring.runbookBaseUrl', 'kora-infra:monitoring.smtp'", 1),
        ["runbooks on a host no URI has"] = ("kora-infra:monitoring.runbookBaseUrl", "'https://github..com/koraos/kora-infra/blob/main/docs/runbooks/'", "an https URL ending in '/' where docs/runbooks/ is published", 1),
        ["runbooks on a port no URI has"] = ("kora-infra:monitoring.runbookBaseUrl", "'https://github.com:99999/koraos/kora-infra/blob/main/docs/runbooks/'", "an https URL ending in '/' where docs/runbooks/ is published", 1),
        ["runbooks over plain http"] = ("kora-infra:monitoring.runbookBaseUrl", "'http://github.com/koraos/kora-infra/blob/main/docs/runbooks/'", "an https URL ending in '/' where docs/runbooks/ is published", 1),
        ["critical alerts with a single receiver"] = ("kora-infra:alerting", "1 receiver(s) at levels superadmin and devops", "at least two, so that every critical alert reaches two receivers (redundant notification)", 1),
        ["e-mail receiver without an SMTP relay"] = ("kora-infra:monitoring.smtp", "no value (the key is missing)", "a mapping", 1),
        ["n8n image by tag in prod"] = ("kora-infra:workloads.n8nImage", "'n8nio/n8n:2.19.5'", "an image pinned by digest, such as 'n8nio/n8n@sha256:<64 hex digits>' (prod runs only validated artifacts; the release manifest supplies the digest)", 1),
        ["n8n image following latest in dev"] = ("kora-infra:workloads.n8nImage", "'n8nio/n8n:latest'", "an image reference with a version tag or a digest, such as 'n8nio/n8n:1.2.3' (not 'latest')", 1),
        ["n8n image that is not a reference"] = ("kora-infra:workloads.n8nImage", "'N8N@sha256:b1b0c592735e24acd3cc64db83f94ef4efd8e331e47c6883249cc51cc1bea16b'", "an image pinned by digest, such as 'n8nio/n8n@sha256:<64 hex digits>' (staging runs only validated artifacts; the release manifest supplies the digest)", 1),
        ["n8n host with capitals"] = ("kora-infra:workloads.n8nHost", "'N8N.dev.koraos.example.com'", "a lowercase DNS host name such as 'n8n.dev.example.com'", 1),
        ["misspelt workloads key"] = ("kora-infra:workloads.n8nHots", "an unknown key", "one of 'kora-infra:workloads.n8nImage', 'kora-infra:workloads.n8nHost'", 2),
        ["workloads section missing"] = ("kora-infra:workloads", "no value (the key is missing)", "a mapping", 2),
        ["secrets provider missing"] = ("secretsprovider", "no value (the key is missing)", "'azurekeyvault://kv-kora-staging-brs.vault.azure.net/keys/pulumi-stack-secrets' (optionally followed by '/<key version>'): the key in staging's own vault", 1),
        ["secrets provider in another environment's vault"] = ("secretsprovider", "'azurekeyvault://kv-kora-prod-brs.vault.azure.net/keys/pulumi-stack-secrets', a key in vault 'kv-kora-prod-brs'", "'azurekeyvault://kv-kora-staging-brs.vault.azure.net/keys/pulumi-stack-secrets' (optionally followed by '/<key version>'): the key in staging's own vault", 1),
        ["secrets provider that is a passphrase"] = ("secretsprovider", "'passphrase'", "'azurekeyvault://kv-kora-prod-brs.vault.azure.net/keys/pulumi-stack-secrets' (optionally followed by '/<key version>'): the key in prod's own vault", 1),
        ["secrets provider naming another key"] = ("secretsprovider", "'azurekeyvault://kv-kora-dev-brs.vault.azure.net/keys/other-key', a key in vault 'kv-kora-dev-brs'", "'azurekeyvault://kv-kora-dev-brs.vault.azure.net/keys/pulumi-stack-secrets' (optionally followed by '/<key version>'): the key in dev's own vault", 1),
        ["access groups missing"] = ("kora-infra:accessGroups", "no value (the key is missing)", "a mapping", 2),
        ["group id that is not a GUID"] = ("kora-infra:accessGroups.devops", "'devops-team'", "the object id (a GUID) of the Entra ID group, as 'az ad group show' prints it", 1),
        ["group id of zeros"] = ("kora-infra:accessGroups.security", "'00000000-0000-0000-0000-000000000000'", "the object id (a GUID) of the Entra ID group, as 'az ad group show' prints it", 1),
        ["one group for both roles"] = ("kora-infra:accessGroups.security", "the DevOps group's id", "a different group from DevOps", 1),
        ["compromised credential the catalogue lacks"] = ("kora-infra:compromisedCredentials[0].name", "'postgres-root-password'", "a secret of the catalogue: 'postgres-admin-password', …", 1),
        ["compromise reported without a UTC offset"] = ("kora-infra:compromisedCredentials[0].reportedAt", "'2026-11-20T14:30:00'", "an ISO 8601 UTC date or time such as '2026-11-20' or '2026-11-20T14:30:00Z' (quote it in YAML)", 1),
        ["compromise without a report date"] = ("kora-infra:compromisedCredentials[0].reportedAt", "no value (the key is missing)", "an ISO 8601 UTC date or time such as '2026-11-20' or '2026-11-20T14:30:00Z' (quote it in YAML)", 1),
        ["emergency rotation of an unknown secret"] = ("kora-infra:emergencyRotations[0].name", "'alert-devops-pager-url'", "a secret of the catalogue: 'postgres-admin-password', …", 1),
        ["emergency rotation with a misspelt field"] = ("kora-infra:emergencyRotations[0].reason", "an unknown key", "one of 'kora-infra:emergencyRotations[0].name', 'kora-infra:emergencyRotations[0].requestedAt'", 1),
        ["emergency rotations as a plain value"] = ("kora-infra:emergencyRotations", "a plain value", "a list of mappings", 1),
        ["webhook secret named like a platform secret"] = ("kora-infra:alerting", "secret 'n8n-encryption-key': the name is used twice (Key Vault names ignore case); expected one entry per secret", "webhook URL secret names distinct from the platform's own secrets", 1),
        ["cluster section missing"] = ("kora-infra:cluster", "no value (the key is missing)", "a mapping", 1),
        ["release manifest in dev"] = ("kora-infra:release", "a release manifest for a stack that deploys from branch builds", "no 'kora-infra:release' in dev: only staging and prod deploy from a signed release manifest", 1),
        ["release manifest outside the project"] = ("kora-infra:release", "'../elsewhere/v1.4.0.dsse.json'", "a relative path inside the project to a signed manifest, such as 'releases/prod/v1.4.0.dsse.json' (written by 'kora promote')", 1),
        ["release that is not a signed manifest"] = ("kora-infra:release", "'releases/staging/v1.4.0-rc.1.json'", "a relative path inside the project to a signed manifest, such as 'releases/prod/v1.4.0.dsse.json' (written by 'kora promote')", 1),
        ["release as a mapping"] = ("kora-infra:release", "a mapping", "a relative path inside the project to a signed manifest, such as 'releases/prod/v1.4.0.dsse.json' (written by 'kora promote')", 1),
        ["network section missing"] = ("kora-infra:network", "no value (the key is missing)", "a mapping", 1),
        ["address space that is not a range"] = ("kora-infra:network.addressSpace", "'10.10.0.0', not IPv4 CIDR notation such as '10.20.0.0/16'", "the virtual network's range: a private (RFC 1918) IPv4 range from /16 to /24, such as '10.20.0.0/20'", 1),
        ["address space with host bits"] = ("kora-infra:network.addressSpace", "'10.30.1.0/20', host bits set; the range starts at 10.30.0.0/20", "the virtual network's range: a private (RFC 1918) IPv4 range from /16 to /24, such as '10.20.0.0/20'", 1),
        ["public address space"] = ("kora-infra:network.addressSpace", "'20.20.0.0/20', which is not an RFC 1918 private range", "the virtual network's range: a private (RFC 1918) IPv4 range from /16 to /24, such as '10.20.0.0/20' inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16", 1),
        ["address space too small for its subnets"] = ("kora-infra:network.addressSpace", "'10.30.0.0/24' (256 addresses), too small for its subnets (288 addresses for 100 nodes at most and the private endpoints)", "a prefix of /23 or larger", 1),
        ["pod range too small for the node ceiling"] = ("kora-infra:network.podCidr", "'10.130.0.0/22', room for 4 node blocks of /24", "room for 20 (AKS gives every node a /24; twice maxNodeCount 9 plus upgrade surge): a prefix of /19 or larger", 1),
        ["service range inside the address space"] = ("kora-infra:network.serviceCidr", "'10.20.8.0/22', which overlaps kora-infra:network.addressSpace '10.20.0.0/20'", "a range disjoint from the stack's other network ranges (the VNet, the pod overlay and the services must not share an address)", 1),
        ["pod range on AKS's reserved range"] = ("kora-infra:network.podCidr", "'172.30.0.0/16', which overlaps 172.30.0.0/16 (reserved by AKS)", "a range outside 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24", 1),
        ["public allowlist in prod"] = ("kora-infra:network.publicAllowlist", "a public allowlist in prod", "no 'kora-infra:network.publicAllowlist': prod's data services accept no public traffic, only their private endpoints", 1),
        ["private range in dev's public allowlist"] = ("kora-infra:network.publicAllowlist[0]", "'10.0.0.0/8', a private range", "the public IPv4 ranges dev's data services and API server accept (the developers' egress), such as ['203.0.113.0/24']: public ranges of /16 or narrower", 1),
        ["the whole internet authorized on the API server"] = ("kora-infra:network.apiServerAuthorizedRanges[0]", "'0.0.0.0/0', a /0 (a large part of the internet)", "public IPv4 ranges (operators, break-glass) allowed to reach the AKS API server besides the environment's NAT egress, such as ['203.0.113.0/28']: public ranges of /16 or narrower", 1),
        ["misspelt network key"] = ("kora-infra:network.serviceCIDR", "an unknown key", "one of 'kora-infra:network.addressSpace', 'kora-infra:network.podCidr', 'kora-infra:network.serviceCidr', 'kora-infra:network.apiServerAuthorizedRanges', 'kora-infra:network.publicAllowlist'", 2),
    };

    public static TheoryData<string> Names => new(Reports.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_mistake_is_reported_in_exactly_these_words(string name)
    {
        var file = MalformedStackFiles.All(stack => File.ReadAllText(Repository.StackFile(stack))).Single(c => c.Name == name);
        var (key, found, expected, count) = Reports[name];

        var problems = MalformedStackFiles.Bind(file).Problems;

        var problem = Assert.Single(problems, p => p.Key == key && p.Found == found);
        if (expected.EndsWith('…'))
        {
            Assert.StartsWith(expected[..^1], problem.Expected, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, problem.Expected);
        }

        Assert.Equal(count, problems.Count);
        Assert.Equal($"{problem.Location}: {key}: {found}; expected {problem.Expected}", problem.ToString());
    }
}
