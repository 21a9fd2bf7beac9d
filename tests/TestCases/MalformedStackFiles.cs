using KoraInfra.Platform.Settings;

namespace KoraInfra.TestCases;

/// <summary>One malformed stack file and what the report must say about it.</summary>
/// <param name="Name">What is wrong, for the test name.</param>
/// <param name="FileName">The stack file name.</param>
/// <param name="Text">The file's text.</param>
/// <param name="Key">The key the report must name.</param>
/// <param name="Fragment">Words the report must contain about it.</param>
public sealed record MalformedStackFile(string Name, string FileName, string Text, string Key, string Fragment)
{
    public override string ToString() => Name;
}

/// <summary>
/// Malformed stack files, each derived from a committed one by one change, so every case proves
/// one check (and the committed files stay the base every case starts from).
/// </summary>
public static class MalformedStackFiles
{
    public static IReadOnlyList<MalformedStackFile> All(Func<string, string> committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        var dev = committed("dev");
        var staging = committed("staging");
        var prod = committed("prod");
        MalformedStackFile Case(string name, string stack, string text, string key, string fragment) =>
            new(name, $"Pulumi.{stack}.yaml", text, key, fragment);

        return
        [
            Case("node count of the wrong type", "staging", Swap(staging, "nodeCount: 2", "nodeCount: two"), "kora-infra:cluster.nodeCount", "not a whole number"),
            Case("node count below the environment's minimum", "staging", Swap(staging, "nodeCount: 2", "nodeCount: 1"), "kora-infra:cluster.nodeCount", "out of range"),
            Case("node ceiling above the maximum", "prod", Swap(prod, "maxNodeCount: 9", "maxNodeCount: 1000"), "kora-infra:cluster.maxNodeCount", "from 3 to 100"),
            Case("node ceiling below the node count", "staging", Swap(staging, "nodeCount: 2\n    maxNodeCount: 5", "nodeCount: 4\n    maxNodeCount: 3"), "kora-infra:cluster.maxNodeCount", "below nodeCount 4"),
            Case("misspelt top-level key", "dev", Swap(dev, "kora-infra:sizingTier:", "kora-infra:sizingTeir:"), "kora-infra:sizingTeir", "unknown key"),
            Case("misspelt nested key", "staging", Swap(staging, "maxNodeCount: 5", "maxNodeCuont: 5"), "kora-infra:cluster.maxNodeCuont", "unknown key"),
            Case("missing required key", "staging", Swap(staging, "  kora-infra:location: brazilsouth\n", string.Empty), "kora-infra:location", "missing"),
            Case("broken YAML", "dev", Swap(dev, "kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: [kora"), "(yaml)", "broken YAML"),
            Case("stack name no environment has", "qa", dev, "(stack name)", "'dev', 'staging' or 'prod'"),
            Case("stack name in capitals", "Prod", prod, "(stack name)", "'dev', 'staging' or 'prod'"),
            Case("environment key for another stack", "staging", Swap(staging, "kora-infra:environment: staging", "kora-infra:environment: prod"), "kora-infra:environment", "'staging'"),
            Case("empty file", "dev", string.Empty, "(file)", "empty file"),
            Case("comment-only file", "dev", "# nothing here yet\n", "(file)", "empty file"),
            Case("duplicated key", "dev", Swap(dev, "  kora-infra:sizingTier: small\n", "  kora-infra:sizingTier: small\n  kora-infra:sizingTier: medium\n"), "(yaml)", "appears twice"),
            Case("kubeconfig in clear text", "dev", ExistingCluster(dev, "  kora-infra:kubeconfig: \"apiVersion: v1\"\n"), "kora-infra:kubeconfig", "secret value in clear text"),
            Case("token-shaped value in a tag", "dev", Swap(dev, "cost-center: koraos-engineering", "cost-center: koraos-engineering\n    ci: " + FakeGitHubToken), "kora-infra:tags.ci", "secret value in clear text"),
            Case("password under a setting", "staging", Swap(staging, "  kora-infra:sizingTier: medium\n", "  kora-infra:sizingTier: medium\n  kora-infra:dbPassword: hunter2\n"), "kora-infra:dbPassword", "secret value in clear text"),
            Case("unsupported region", "dev", Swap(dev, "kora-infra:location: brazilsouth", "kora-infra:location: marsnorth"), "kora-infra:location", "supported Azure region"),
            Case("prod in a region without zones", "prod", Swap(prod, "kora-infra:location: brazilsouth", "kora-infra:location: brazilsoutheast"), "kora-infra:location", "availability zones"),
            Case("naming prefix with capitals", "dev", Swap(dev, "kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: Kora"), "kora-infra:namingPrefix", "lowercase"),
            Case("naming prefix too long", "dev", Swap(dev, "kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: koraplatform"), "kora-infra:namingPrefix", "2-8"),
            Case("required tag missing", "prod", Swap(prod, "    cost-center: koraos-platform\n", string.Empty), "kora-infra:tags.cost-center", "missing"),
            Case("real data labelled synthetic", "prod", Swap(prod, "data-classification: confidential", "data-classification: synthetic"), "kora-infra:tags.data-classification", "'confidential'"),
            Case("owner that does not own the environment", "prod", Swap(prod, "owner: devops", "owner: engineering"), "kora-infra:tags.owner", "devops, operations, po"),
            Case("tag KoraInfra sets itself", "dev", Swap(dev, "owner: engineering", "owner: engineering\n    managed-by: terraform"), "kora-infra:tags.managed-by", "sets itself"),
            Case("tags as a plain value", "dev", Swap(dev, "  kora-infra:tags:\n    environment: dev\n    owner: engineering\n    data-classification: synthetic\n    cost-center: koraos-engineering\n", "  kora-infra:tags: dev\n"), "kora-infra:tags", "plain value"),
            Case("sizing tier smaller than prod allows", "prod", Swap(prod, "kora-infra:sizingTier: large", "kora-infra:sizingTier: medium"), "kora-infra:sizingTier", "'large' or larger"),
            Case("sizing tier that does not exist", "dev", Swap(dev, "kora-infra:sizingTier: small", "kora-infra:sizingTier: huge"), "kora-infra:sizingTier", "'small', 'medium', 'large'"),
            Case("prod on a cluster it does not declare", "prod", Swap(prod, "mode: managed", "mode: existing"), "kora-infra:cluster.mode", "ephemeral"),
            Case("kubernetes version with a patch number", "staging", Swap(staging, "kubernetesVersion: \"1.31\"", "kubernetesVersion: \"1.31.2\""), "kora-infra:cluster.kubernetesVersion", "minor version"),
            Case("existing cluster without a kubeconfig", "dev", ExistingCluster(dev, string.Empty), "kora-infra:kubeconfig", "missing"),
            Case("kubeconfig beside a managed cluster", "dev", dev + "  kora-infra:kubeconfig:\n    secure: v1:AAAABBBB\n", "kora-infra:kubeconfig", "managed cluster"),
            Case("escalation step without a receiver", "prod", Swap(prod, "      - name: management\n        level: management\n        channel: webhook\n        urlSecretName: alert-management-webhook-url\n", string.Empty), "kora-infra:alerting.receivers", "'management'"),
            Case("two receivers with one name", "staging", Swap(staging, "- name: devops-pager", "- name: devops-oncall"), "kora-infra:alerting.receivers[2].name", "already used"),
            Case("e-mail receiver with a bad address", "dev", Swap(dev, "channel: webhook\n        urlSecretName: alert-superadmin-webhook-url", "channel: email\n        address: superadmin"), "kora-infra:alerting.receivers[0].address", "e-mail address"),
            Case("key outside the project namespace", "dev", Swap(dev, "  kora-infra:sizingTier: small\n", "  kora-infra:sizingTier: small\n  kora-infr:location: westeurope\n"), "kora-infr:location", "outside the 'kora-infra:' namespace"),
            Case("config as a list", "dev", "config:\n  - kora-infra:environment: dev\n", "config", "mapping"),
            Case("unknown top-level section", "dev", Swap(dev, "config:", "confg:"), "confg", "unknown top-level key"),
            Case("critical rate not above the warning rate", "prod", Swap(prod, "      warning: 0.05\n      critical: 0.2\n", "      warning: 0.05\n      critical: 0.04\n"), "kora-infra:monitoring.redisFallbackRate.critical", "not above the warning threshold"),
            Case("rate given as a percentage", "staging", Swap(staging, "    takeoverSlaBreachRate:\n      warning: 0.05", "    takeoverSlaBreachRate:\n      warning: 5"), "kora-infra:monitoring.takeoverSlaBreachRate.warning", "fraction above 0 and at most 1"),
            Case("misspelt monitoring key", "dev", Swap(dev, "    runbookBaseUrl:", "    runbookBaseUri:"), "kora-infra:monitoring.runbookBaseUri", "unknown key"),
            Case("runbooks on a host no URI has", "dev", Swap(dev, "runbookBaseUrl: https://github.com/", "runbookBaseUrl: https://github..com/"), "kora-infra:monitoring.runbookBaseUrl", "https URL"),
            Case("runbooks on a port no URI has", "dev", Swap(dev, "runbookBaseUrl: https://github.com/", "runbookBaseUrl: https://github.com:99999/"), "kora-infra:monitoring.runbookBaseUrl", "https URL"),
            Case("runbooks over plain http", "dev", Swap(dev, "runbookBaseUrl: https://", "runbookBaseUrl: http://"), "kora-infra:monitoring.runbookBaseUrl", "https URL"),
            Case("critical alerts with a single receiver", "dev", Swap(dev, "      - name: dev-devops\n        level: devops\n        channel: webhook\n        urlSecretName: alert-devops-webhook-url\n", string.Empty), "kora-infra:alerting", "two receivers"),
            Case("e-mail receiver without an SMTP relay", "prod", Swap(prod, "channel: webhook\n        urlSecretName: alert-management-webhook-url", "channel: email\n        address: management@example.com"), "kora-infra:monitoring.smtp", "missing"),
            Case("n8n image by tag in prod", "prod", Swap(prod, "n8nImage: n8nio/n8n@sha256:" + CommittedDigest, "n8nImage: n8nio/n8n:2.19.5"), "kora-infra:workloads.n8nImage", "pinned by digest"),
            Case("n8n image following latest in dev", "dev", Swap(dev, "n8nImage: n8nio/n8n:2.19.5", "n8nImage: n8nio/n8n:latest"), "kora-infra:workloads.n8nImage", "not 'latest'"),
            Case("n8n image that is not a reference", "staging", Swap(staging, "n8nImage: n8nio/n8n@sha256:", "n8nImage: N8N@sha256:"), "kora-infra:workloads.n8nImage", "pinned by digest"),
            Case("n8n host with capitals", "dev", Swap(dev, "n8nHost: n8n.dev.koraos.example.com", "n8nHost: N8N.dev.koraos.example.com"), "kora-infra:workloads.n8nHost", "DNS host name"),
            Case("misspelt workloads key", "staging", Swap(staging, "n8nHost: n8n.staging", "n8nHots: n8n.staging"), "kora-infra:workloads.n8nHots", "unknown key"),
            Case("workloads section missing", "prod", Swap(prod, "  kora-infra:workloads:\n", "  kora-infra:workloadz:\n"), "kora-infra:workloads", "missing"),
            Case("secrets provider missing", "staging", Swap(staging, "secretsprovider: azurekeyvault://kv-kora-staging-brs.vault.azure.net/keys/pulumi-stack-secrets\n", string.Empty), "secretsprovider", "kv-kora-staging-brs"),
            Case("secrets provider in another environment's vault", "staging", Swap(staging, "kv-kora-staging-brs.vault.azure.net", "kv-kora-prod-brs.vault.azure.net"), "secretsprovider", "a key in vault 'kv-kora-prod-brs'"),
            Case("secrets provider that is a passphrase", "prod", Swap(prod, "secretsprovider: azurekeyvault://kv-kora-prod-brs.vault.azure.net/keys/pulumi-stack-secrets", "secretsprovider: passphrase"), "secretsprovider", "'passphrase'"),
            Case("secrets provider naming another key", "dev", Swap(dev, "/keys/pulumi-stack-secrets", "/keys/other-key"), "secretsprovider", "pulumi-stack-secrets"),
            Case("access groups missing", "prod", Swap(prod, "  kora-infra:accessGroups:\n", "  kora-infra:accessGroupz:\n"), "kora-infra:accessGroups", "missing"),
            Case("group id that is not a GUID", "dev", SwapLine(dev, "    devops: ", "    devops: devops-team"), "kora-infra:accessGroups.devops", "object id (a GUID)"),
            Case("group id of zeros", "dev", SwapLine(dev, "    security: ", "    security: 00000000-0000-0000-0000-000000000000"), "kora-infra:accessGroups.security", "object id (a GUID)"),
            Case("one group for both roles", "staging", SwapLine(staging, "    security: ", "    security: " + ValueOf(staging, "    devops: ")), "kora-infra:accessGroups.security", "different group"),
            Case("compromised credential the catalogue lacks", "prod", Swap(prod, "kora-infra:compromisedCredentials: []", "kora-infra:compromisedCredentials:\n    - name: postgres-root-password\n      reportedAt: 2026-11-20"), "kora-infra:compromisedCredentials[0].name", "postgres-app-password"),
            Case("compromise reported without a UTC offset", "prod", Swap(prod, "kora-infra:compromisedCredentials: []", "kora-infra:compromisedCredentials:\n    - name: redis-access-key\n      reportedAt: 2026-11-20T14:30:00"), "kora-infra:compromisedCredentials[0].reportedAt", "ISO 8601 UTC"),
            Case("compromise without a report date", "staging", Swap(staging, "kora-infra:compromisedCredentials: []", "kora-infra:compromisedCredentials:\n    - name: redis-access-key"), "kora-infra:compromisedCredentials[0].reportedAt", "missing"),
            Case("emergency rotation of an unknown secret", "dev", Swap(dev, "kora-infra:emergencyRotations: []", "kora-infra:emergencyRotations:\n    - name: alert-devops-pager-url\n      requestedAt: 2026-11-20T10:00:00Z"), "kora-infra:emergencyRotations[0].name", "alert-superadmin-webhook-url"),
            Case("emergency rotation with a misspelt field", "dev", Swap(dev, "kora-infra:emergencyRotations: []", "kora-infra:emergencyRotations:\n    - name: redis-access-key\n      requestedAt: 2026-11-20\n      reason: leak"), "kora-infra:emergencyRotations[0].reason", "unknown key"),
            Case("emergency rotations as a plain value", "dev", Swap(dev, "kora-infra:emergencyRotations: []", "kora-infra:emergencyRotations: redis-access-key"), "kora-infra:emergencyRotations", "list of mappings"),
            Case("webhook secret named like a platform secret", "dev", Swap(dev, "urlSecretName: alert-superadmin-webhook-url", "urlSecretName: n8n-encryption-key"), "kora-infra:alerting", "used twice"),
            Case("cluster section missing", "staging", Swap(staging, "  kora-infra:cluster:\n    mode: managed\n    kubernetesVersion: \"1.31\"\n    nodeCount: 2\n    maxNodeCount: 5\n", string.Empty), "kora-infra:cluster", "missing"),
            Case("release manifest in dev", "dev", dev + "  kora-infra:release: releases/dev/v1.0.0.dsse.json\n", "kora-infra:release", "only staging and prod"),
            Case("release manifest outside the project", "prod", prod + "  kora-infra:release: ../elsewhere/v1.4.0.dsse.json\n", "kora-infra:release", "relative path inside the project"),
            Case("release that is not a signed manifest", "staging", staging + "  kora-infra:release: releases/staging/v1.4.0-rc.1.json\n", "kora-infra:release", "signed manifest"),
            Case("release as a mapping", "prod", prod + "  kora-infra:release:\n    path: releases/prod/v1.4.0.dsse.json\n", "kora-infra:release", "relative path inside the project"),
            Case("network section missing", "staging", Swap(staging, "  kora-infra:network:\n    addressSpace: 10.20.0.0/20\n    podCidr: 10.129.0.0/16\n    serviceCidr: 10.101.0.0/20\n    apiServerAuthorizedRanges: []\n", string.Empty), "kora-infra:network", "missing"),
            Case("address space that is not a range", "dev", Swap(dev, "addressSpace: 10.10.0.0/20", "addressSpace: 10.10.0.0"), "kora-infra:network.addressSpace", "CIDR notation"),
            Case("address space with host bits", "prod", Swap(prod, "addressSpace: 10.30.0.0/20", "addressSpace: 10.30.1.0/20"), "kora-infra:network.addressSpace", "host bits set"),
            Case("public address space", "staging", Swap(staging, "addressSpace: 10.20.0.0/20", "addressSpace: 20.20.0.0/20"), "kora-infra:network.addressSpace", "not an RFC 1918"),
            Case("address space too small for its subnets", "prod", Swap(Swap(prod, "addressSpace: 10.30.0.0/20", "addressSpace: 10.30.0.0/24"), "maxNodeCount: 9", "maxNodeCount: 100"), "kora-infra:network.addressSpace", "too small for its subnets"),
            Case("pod range too small for the node ceiling", "prod", Swap(prod, "podCidr: 10.130.0.0/16", "podCidr: 10.130.0.0/22"), "kora-infra:network.podCidr", "room for 4 node blocks"),
            Case("service range inside the address space", "staging", Swap(staging, "serviceCidr: 10.101.0.0/20", "serviceCidr: 10.20.8.0/22"), "kora-infra:network.serviceCidr", "overlaps kora-infra:network.addressSpace"),
            Case("pod range on AKS's reserved range", "dev", Swap(dev, "podCidr: 10.128.0.0/16", "podCidr: 172.30.0.0/16"), "kora-infra:network.podCidr", "reserved by AKS"),
            Case("public allowlist in prod", "prod", Swap(prod, "    apiServerAuthorizedRanges: []\n", "    apiServerAuthorizedRanges: []\n    publicAllowlist:\n      - 198.51.100.0/24\n"), "kora-infra:network.publicAllowlist", "accept no public traffic"),
            Case("private range in dev's public allowlist", "dev", Swap(dev, "      - 203.0.113.0/24", "      - 10.0.0.0/8"), "kora-infra:network.publicAllowlist[0]", "a private range"),
            Case("the whole internet authorized on the API server", "staging", Swap(staging, "apiServerAuthorizedRanges: []", "apiServerAuthorizedRanges: [0.0.0.0/0]"), "kora-infra:network.apiServerAuthorizedRanges[0]", "a large part of the internet"),
            Case("misspelt network key", "dev", Swap(dev, "serviceCidr: 10.100.0.0/20", "serviceCIDR: 10.100.0.0/20"), "kora-infra:network.serviceCIDR", "unknown key"),
        ];
    }

    // The n8n digest the committed staging and prod files pin.
    private const string CommittedDigest = "b1b0c592735e24acd3cc64db83f94ef4efd8e331e47c6883249cc51cc1bea16b";

    // Assembled at run time so the repository's secret scan never sees a token-shaped literal.
    private static readonly string FakeGitHubToken = string.Concat("gh", "p_", new string('x', 36));

    private static string ExistingCluster(string dev, string kubeconfigLine) => Swap(
        dev,
        "    mode: managed\n    kubernetesVersion: \"1.31\"\n    nodeCount: 1\n    maxNodeCount: 3\n",
        "    mode: existing\n    context: kind-kora\n" + kubeconfigLine);

    /// <summary>Replaces the one line that starts with <paramref name="start"/>.</summary>
    private static string SwapLine(string text, string start, string replacement) =>
        Swap(text, start + ValueOf(text, start), replacement);

    /// <summary>The rest of the one line that starts with <paramref name="start"/>.</summary>
    private static string ValueOf(string text, string start)
    {
        var line = text.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));
        return line[start.Length..];
    }

    /// <summary>Replaces exactly one occurrence, so a case cannot silently change nothing.</summary>
    private static string Swap(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(find, at + find.Length, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{find}' must occur exactly once in the committed stack file", nameof(find));
        }

        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    /// <summary>Every case, from the committed stack files, as xUnit theory data.</summary>
    public static Xunit.TheoryData<MalformedStackFile> FromRepository()
    {
        var data = new Xunit.TheoryData<MalformedStackFile>();
        foreach (var file in All(stack => File.ReadAllText(Path.Combine(RepositoryRoot.Path, $"Pulumi.{stack}.yaml"))))
        {
            data.Add(file);
        }

        return data;
    }

    /// <summary>Binds a case in memory, as the program and kora do.</summary>
    public static SettingsResult Bind(MalformedStackFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return StackSettingsBinder.Bind(StackFileReader.Read(file.FileName, file.Text));
    }
}
