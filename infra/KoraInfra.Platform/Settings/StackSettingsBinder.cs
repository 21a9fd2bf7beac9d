using System.Collections.Immutable;
using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Turns a raw <see cref="SettingsSource"/> into <see cref="StackSettings"/>: every key is read
/// and checked against the environment's profile; every problem is reported at once; an unknown
/// key is an error.
/// </summary>
public static partial class StackSettingsBinder
{
    /// <summary>The project's configuration namespace (the <c>name</c> in <c>Pulumi.yaml</c>).</summary>
    public const string Namespace = "kora-infra";

    // Provider settings a user may keep in a stack file for their own login; they never change
    // what the program declares, so they are allowed and otherwise ignored.
    private static readonly HashSet<string> AzureProviderKeys =
        ["azure-native:location", "azure-native:subscriptionId", "azure-native:tenantId", "azure-native:clientId", "azure-native:useMsi", "azure-native:useOidc", "azure-native:environment"];

    private static readonly HashSet<string> SecretKeys = [Namespace + ":kubeconfig"];

    private static readonly string[] TopLevelKeys =
        ["environment", "location", "namingPrefix", "tags", "sizingTier", "cluster", "kubeconfig", "alerting", "monitoring", ReleaseSettings.Key, WorkloadsSettingsReader.Key, .. SecretsSettingsReader.Keys, PromotionSettingsReader.Key, NetworkSettingsReader.Key, VerificationSettingsReader.Key];

    private static readonly SettingChoices<SizingTier> Tiers = new(["small", "medium", "large"], [SizingTier.Small, SizingTier.Medium, SizingTier.Large]);

    private static readonly SettingChoices<ClusterMode> ClusterModes = new(["managed", "existing"], [ClusterMode.Managed, ClusterMode.Existing]);

    private static readonly SettingChoices<EscalationLevel> Levels = new(["superadmin", "devops", "management"], [EscalationLevel.Superadmin, EscalationLevel.Devops, EscalationLevel.Management]);

    private static readonly SettingChoices<ReceiverChannel> Channels = new(["webhook", "email"], [ReceiverChannel.Webhook, ReceiverChannel.Email]);

    /// <summary>Validates and types a stack's settings.</summary>
    public static SettingsResult Bind(SettingsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<SettingsProblem>(source.Problems);
        var fileLocation = new SourceLocation(source.Origin);
        if (source.StackName is null || !StackNames.TryParse(source.StackName, out var environment))
        {
            if (problems.Count == 0)
            {
                problems.Add(new SettingsProblem(fileLocation, "(stack name)", $"stack '{source.StackName}'", $"one of the KoraOS stacks {StackNames.Expected}"));
            }

            return SettingsResult.Invalid(problems);
        }

        if (problems.Count > 0)
        {
            // The file could not be read as a whole; judging its keys would only add noise.
            return SettingsResult.Invalid(problems);
        }

        var profile = EnvironmentProfiles.For(environment);
        var ours = new Dictionary<string, SettingNode>(StringComparer.Ordinal);
        foreach (var (key, node) in source.Entries)
        {
            if (!SecretKeys.Contains(key))
            {
                // Declared secret keys get their own, more precise message from the reader.
                SecretLiteralDetector.Inspect(key, node, problems);
            }

            if (key.StartsWith(Namespace + ":", StringComparison.Ordinal))
            {
                ours[key[(Namespace.Length + 1)..]] = node;
            }
            else if (!AzureProviderKeys.Contains(key))
            {
                problems.Add(new SettingsProblem(node.Location, key, "a key outside the 'kora-infra:' namespace", $"'kora-infra:<key>' (or one of the Azure login keys {string.Join(", ", AzureProviderKeys.Order(StringComparer.Ordinal))})"));
            }
        }

        var reader = new SettingsReader(Namespace + ":", ours, fileLocation.AtLine(1), problems);
        var settings = Read(reader, profile);
        reader.RejectUnread(TopLevelKeys);
        SecretsSettingsReader.CheckSecretsProvider(source, settings?.Names, problems);

        return problems.Count == 0 && settings is not null
            ? SettingsResult.Valid(settings)
            : SettingsResult.Invalid(problems.OrderBy(p => p.Location.Line ?? 0).ToList());
    }

    private static StackSettings? Read(SettingsReader reader, EnvironmentProfile profile)
    {
        reader.String("environment", required: true, v => v == profile.StackName, $"'{profile.StackName}', the stack this file configures");

        var regionName = reader.String("location", required: true, v => AzureRegions.Find(v) is not null, $"a supported Azure region: {AzureRegions.Expected}");
        var region = regionName is null ? null : AzureRegions.Find(regionName);
        if (region is { HasAvailabilityZones: false } && profile.ZoneRedundant)
        {
            reader.Problem("location", $"'{region.Name}', which has no availability zones", $"a region with availability zones: {profile.StackName} is zone-redundant");
        }

        var prefix = reader.String("namingPrefix", required: true, v => ResourceNamer.PrefixPattern().IsMatch(v), "2-8 lowercase letters or digits, starting with a letter");
        var tags = ReadTags(reader, profile);

        var tier = reader.Choice("sizingTier", required: true, Tiers);
        if (tier is { } chosen && chosen < profile.MinimumSizingTier)
        {
            reader.Problem("sizingTier", $"'{TierName(chosen)}', smaller than {profile.StackName} allows", $"'{TierName(profile.MinimumSizingTier)}' or larger");
        }

        var cluster = ReadCluster(reader, profile);
        var receivers = ReadReceivers(reader, profile);
        var monitoring = ReadMonitoring(reader, receivers);
        var release = ReleaseSettings.Read(reader, profile);
        var workloads = WorkloadsSettingsReader.Read(reader, profile);
        var secrets = SecretsSettingsReader.Read(reader, receivers is null ? null : SecretsSettingsReader.Catalogue(reader, receivers));
        var promotion = PromotionSettingsReader.Read(reader, profile);
        var network = NetworkSettingsReader.Read(reader, profile, cluster);
        var verification = VerificationSettingsReader.Read(reader, profile);

        // "is not { } x", not ".Value": Nullable<T>.Value over this project's enum is JIT-compiled at start-up.
        if (region is null || prefix is null || tags is null || tier is not { } sizingTier || cluster is null || receivers is null || monitoring is null || workloads is null || secrets is null || network is null)
        {
            return null;
        }

        return new StackSettings
        {
            Environment = profile,
            Region = region,
            NamingPrefix = prefix,
            Tags = tags,
            SizingTier = sizingTier,
            Cluster = cluster,
            AlertReceivers = receivers,
            Monitoring = monitoring,
            ReleaseManifestPath = release,
            Workloads = workloads,
            Secrets = secrets,
            Promotion = promotion,
            Network = network,
            Verification = verification,
        };
    }

    private static ResourceTags? ReadTags(SettingsReader reader, EnvironmentProfile profile)
    {
        var tagsReader = reader.Mapping("tags", required: true);
        if (tagsReader is null)
        {
            return null;
        }

        var tags = tagsReader.AsStringMap();
        var valid = true;
        void Fail(string name, string found, string expected)
        {
            tagsReader.Problem(name, found, expected);
            valid = false;
        }

        foreach (var required in ResourceTags.Required.Where(r => !tags.ContainsKey(r)))
        {
            Fail(required, "no value (the tag is missing)", "every stack sets " + string.Join(", ", ResourceTags.Required));
        }

        var classification = profile.DataClassification.ToString().ToLowerInvariant();
        foreach (var (name, value) in tags)
        {
            if (ResourceTags.Managed.ContainsKey(name))
            {
                Fail(name, "a tag KoraInfra sets itself", "no such tag in the stack file");
            }
            else if (!TagName().IsMatch(name))
            {
                Fail(name, $"tag name '{name}'", "1-64 lowercase letters, digits or hyphens");
            }
            else if (value.Length is 0 or > 256)
            {
                Fail(name, $"a value of {value.Length} characters", "1-256 characters (Azure's limit)");
            }
            else if (name == "environment" && value != profile.StackName)
            {
                Fail(name, $"'{value}'", $"'{profile.StackName}'");
            }
            else if (name == "data-classification" && value != classification)
            {
                Fail(name, $"'{value}'", $"'{classification}': {profile.StackName} holds {DataPolicies.Describe(profile.DataPolicy)}");
            }
            else if (name == "owner" && !profile.Owners.Contains(value))
            {
                Fail(name, $"'{value}'", $"one of the owners of {profile.StackName}: {string.Join(", ", profile.Owners)}");
            }
        }

        // Azure allows 50 tags per resource; KoraInfra's own tags count too.
        if (tags.Count + ResourceTags.Managed.Count > 50)
        {
            reader.Problem("tags", $"{tags.Count} tags", $"at most {50 - ResourceTags.Managed.Count} (Azure allows 50 per resource, {ResourceTags.Managed.Count} are KoraInfra's)");
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        // Added one by one: LINQ over KeyValuePair structs is JIT-compiled at start-up.
        var all = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in tags)
        {
            all.Add(name, value);
        }

        foreach (var (name, value) in ResourceTags.Managed)
        {
            all.Add(name, value);
        }

        return new ResourceTags { All = all.ToImmutable() };
    }

    private static ClusterSettings? ReadCluster(SettingsReader reader, EnvironmentProfile profile)
    {
        var cluster = reader.Mapping("cluster", required: true);
        var hasKubeconfig = reader.Has("kubeconfig");
        if (cluster is null)
        {
            reader.Accept("kubeconfig");
            return null;
        }

        var mode = cluster.Choice("mode", required: true, ClusterModes);
        ClusterSettings? result = null;
        switch (mode)
        {
            case ClusterMode.Managed:
                var version = cluster.String("kubernetesVersion", required: true, v => KubernetesMinor().IsMatch(v), "an AKS minor version such as '1.31' (quote it in YAML)");
                var nodes = cluster.Integer("nodeCount", required: true, profile.MinimumClusterNodes, 50);
                var maxNodes = cluster.Integer("maxNodeCount", required: true, profile.MinimumClusterNodes, 100);
                if (nodes is { } n && maxNodes is { } max && max < n)
                {
                    cluster.Problem("maxNodeCount", $"{max}, below nodeCount {n}", $"a ceiling of at least {n}");
                    maxNodes = null;
                }

                if (hasKubeconfig)
                {
                    reader.Problem("kubeconfig", "a kubeconfig for a managed cluster", "no kubeconfig: the program reads the AKS credentials itself (remove the key, or set cluster.mode to 'existing')");
                }

                reader.Accept("kubeconfig");
                result = version is null || nodes is null || maxNodes is null ? null : new ClusterSettings(ClusterMode.Managed, version, nodes, maxNodes, null);
                break;
            case ClusterMode.Existing:
                if (!profile.IsEphemeral)
                {
                    cluster.Problem("mode", "'existing'", $"'managed': only an ephemeral environment may run on a cluster this stack does not declare, and {profile.StackName} is not one");
                }

                var context = cluster.String("context", required: true, v => KubeContext().IsMatch(v), "the kubeconfig context name of the existing cluster");
                var secret = reader.Secret("kubeconfig", required: true, "the existing cluster's kubeconfig");
                result = context is null || !secret || !profile.IsEphemeral ? null : new ClusterSettings(ClusterMode.Existing, null, null, null, context);
                break;
            default:
                reader.Accept("kubeconfig");
                break;
        }

        cluster.RejectUnread(mode == ClusterMode.Existing ? ["mode", "context"] : ["mode", "kubernetesVersion", "nodeCount", "maxNodeCount"]);
        return result;
    }

    private static List<AlertReceiverSettings>? ReadReceivers(SettingsReader reader, EnvironmentProfile profile)
    {
        var alerting = reader.Mapping("alerting", required: true);
        var items = alerting?.MappingList("receivers", required: true);
        alerting?.RejectUnread(["receivers"]);
        if (alerting is null || items is null)
        {
            return null;
        }

        var receivers = new List<AlertReceiverSettings>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var item in items)
        {
            var name = item.String("name", required: true, v => ReceiverName().IsMatch(v), "2-40 lowercase letters, digits or hyphens");
            if (name is not null && !names.Add(name))
            {
                item.Problem("name", $"'{name}', already used by another receiver", "a unique receiver name");
                name = null;
            }

            var level = item.Choice("level", required: true, Levels);
            var channel = item.Choice("channel", required: true, Channels);
            string? address = null;
            string? urlSecret = null;
            if (channel == ReceiverChannel.Email)
            {
                address = item.String("address", required: true, v => EmailAddress().IsMatch(v), "an e-mail address such as 'devops-oncall@example.com'");
            }
            else if (channel == ReceiverChannel.Webhook)
            {
                urlSecret = item.String("urlSecretName", required: true, v => VaultSecretName().IsMatch(v), "the name of the Key Vault secret that holds the webhook URL (1-127 letters, digits or hyphens)");
            }

            item.RejectUnread(channel == ReceiverChannel.Email ? ["name", "level", "channel", "address"] : ["name", "level", "channel", "urlSecretName"]);
            if (name is null || level is not { } receiverLevel || channel is not { } receiverChannel || (address is null && urlSecret is null))
            {
                valid = false;
                continue;
            }

            receivers.Add(new AlertReceiverSettings(name, receiverLevel, receiverChannel, address, urlSecret));
        }

        if (valid && profile.RequiresReleaseManifest)
        {
            // Staging and prod page people: every step of the chain must reach someone.
            for (var i = 0; i < Levels.Count; i++)
            {
                var level = Levels.ValueAt(i);
                if (receivers.All(r => r.Level != level))
                {
                    alerting.Problem("receivers", $"no receiver at level '{Levels.NameAt(i)}'", $"at least one receiver for each step of the escalation chain superadmin -> devops -> management in {profile.StackName}");
                    valid = false;
                }
            }
        }

        return valid ? receivers : null;
    }

    private static string TierName(SizingTier tier)
    {
        for (var i = 0; i < Tiers.Count; i++)
        {
            if (Tiers.ValueAt(i) == tier)
            {
                return Tiers.NameAt(i);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(tier), tier, "not a sizing tier a stack file can name");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex TagName();

    [GeneratedRegex(@"^1\.[0-9]{2}$")]
    private static partial Regex KubernetesMinor();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,252}$")]
    private static partial Regex KubeContext();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex ReceiverName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailAddress();

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$")]
    private static partial Regex VaultSecretName();
}
