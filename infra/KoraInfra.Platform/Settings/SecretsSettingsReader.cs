using System.Globalization;
using System.Text.RegularExpressions;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Secrets;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Reads <c>kora-infra:accessGroups</c>, <c>kora-infra:emergencyRotations</c> and
/// <c>kora-infra:compromisedCredentials</c>, and checks a stack file's <c>secretsprovider</c>.
/// </summary>
internal static partial class SecretsSettingsReader
{
    /// <summary>The top-level keys this reader owns.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["accessGroups", "emergencyRotations", "compromisedCredentials"];

    private const string TimeExpected = "an ISO 8601 UTC date or time such as '2026-11-20' or '2026-11-20T14:30:00Z' (quote it in YAML)";

    /// <summary>Reads the secrets settings; names are checked against the catalogue when there is one.</summary>
    public static SecretsSettings? Read(SettingsReader reader, SecretCatalogue? catalogue)
    {
        var groups = ReadGroups(reader);
        var rotations = ReadNamedTimes(reader, "emergencyRotations", "requestedAt", catalogue, (n, t) => new EmergencyRotation(n, t));
        var reports = ReadNamedTimes(reader, "compromisedCredentials", "reportedAt", catalogue, (n, t) => new CompromisedCredentialReport(n, t));
        return groups is null || rotations is null || reports is null ? null : new SecretsSettings(groups, rotations, reports);
    }

    /// <summary>
    /// The stack's secret catalogue, or null (with a problem) when a webhook receiver's secret
    /// name collides with a platform secret.
    /// </summary>
    public static SecretCatalogue? Catalogue(SettingsReader reader, IReadOnlyList<AlertReceiverSettings> receivers)
    {
        try
        {
            return SecretCatalogue.For(receivers);
        }
        catch (InvalidSecretCatalogueException ex)
        {
            reader.Problem("alerting", string.Join("; ", ex.Problems), "webhook URL secret names distinct from the platform's own secrets");
            return null;
        }
    }

    /// <summary>
    /// Checks that a stack file encrypts its secrets with the Key Vault key of its own environment.
    /// Settings handed over by the engine carry no provider, so only stack files are checked.
    /// </summary>
    public static void CheckSecretsProvider(SettingsSource source, ResourceNamer? names, List<SettingsProblem> problems)
    {
        if (!source.IsStackFile || names is null)
        {
            return;
        }

        var vault = names.Name(ResourceKind.KeyVault);
        var expected = $"'{StackSecretsKey.ProviderUrl(vault)}' (optionally followed by '/<key version>'): the key in {source.StackName}'s own vault";
        if (source.SecretsProvider is not { } node)
        {
            problems.Add(new SettingsProblem(new SourceLocation(source.Origin, 1), "secretsprovider", "no value (the key is missing)", expected));
            return;
        }

        var text = (node.Value as YamlScalarNode)?.Value ?? string.Empty;
        var match = ProviderUrl().Match(text);
        if (!match.Success || match.Groups["vault"].Value != vault || match.Groups["key"].Value != StackSecretsKey.Name)
        {
            var found = match.Success ? $"'{text}', a key in vault '{match.Groups["vault"].Value}'" : $"'{text}'";
            problems.Add(new SettingsProblem(node.Location, "secretsprovider", found, expected));
        }
    }

    private static AccessGroups? ReadGroups(SettingsReader reader)
    {
        var groups = reader.Mapping("accessGroups", required: true);
        if (groups is null)
        {
            return null;
        }

        const string Expected = "the object id (a GUID) of the Entra ID group, as 'az ad group show' prints it";
        var devops = ReadGroupId(groups, "devops", Expected);
        var security = ReadGroupId(groups, "security", Expected);
        groups.RejectUnread(["devops", "security"]);
        if (devops is { } d && security is { } s && d == s)
        {
            // Separate groups keep the two roles apart: a DevOps engineer cannot grant himself security's role.
            groups.Problem("security", "the DevOps group's id", "a different group from DevOps");
            return null;
        }

        return devops is { } devopsGroup && security is { } securityGroup ? new AccessGroups(devopsGroup, securityGroup) : null;
    }

    private static Guid? ReadGroupId(SettingsReader groups, string name, string expected)
    {
        var text = groups.String(name, required: true, v => Guid.TryParseExact(v, "D", out var id) && id != Guid.Empty, expected);
        return text is null ? null : Guid.ParseExact(text, "D");
    }

    private static List<T>? ReadNamedTimes<T>(SettingsReader reader, string key, string timeKey, SecretCatalogue? catalogue, Func<string, DateTimeOffset, T> create)
    {
        if (!reader.Has(key))
        {
            reader.Accept(key);
            return [];
        }

        var items = reader.MappingList(key, required: false);
        if (items is null)
        {
            return null;
        }

        var result = new List<T>();
        var valid = true;
        foreach (var item in items)
        {
            var expectedName = catalogue is null ? "the name of a secret in the catalogue" : $"a secret of the catalogue: {catalogue.ExpectedNames}";
            var name = item.String("name", required: true, v => catalogue is null || catalogue.Find(v) is not null, expectedName);
            var time = ReadTime(item, timeKey);
            item.RejectUnread(["name", timeKey]);
            if (name is null || time is null)
            {
                valid = false;
                continue;
            }

            result.Add(create(name, time.Value));
        }

        return valid ? result : null;
    }

    private static DateTimeOffset? ReadTime(SettingsReader item, string name)
    {
        var text = item.String(name, required: true, v => ParseTime(v) is not null, TimeExpected);
        return text is null ? null : ParseTime(text);
    }

    // A time without an offset would mean a different instant on each machine; a date alone is
    // that day's start in UTC.
    internal static DateTimeOffset? ParseTime(string text)
    {
        if (DateOnlyText().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return TimeWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;
    }

    [GeneratedRegex(@"^azurekeyvault://(?<vault>[a-z0-9-]+)\.vault\.azure\.net/keys/(?<key>[A-Za-z0-9-]+)(/[0-9a-f]{32})?$")]
    private static partial Regex ProviderUrl();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnlyText();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimeWithOffset();
}
