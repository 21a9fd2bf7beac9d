using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Finds secret values written in clear in a stack file: a value under a key that names a
/// credential, or a value shaped like one (a private key, a connection string with a key or
/// password, a token with a well-known prefix). Stack files carry settings and references only.
/// </summary>
internal static partial class SecretLiteralDetector
{
    /// <summary>Reports every clear secret below <paramref name="node"/>, which is stored under <paramref name="key"/>.</summary>
    public static void Inspect(string key, SettingNode node, List<SettingsProblem> problems)
    {
        if (!node.IsSecret)
        {
            Walk(key, node.Value, node, problems);
        }
    }

    private static void Walk(string key, YamlNode value, SettingNode root, List<SettingsProblem> problems)
    {
        switch (value)
        {
            case YamlMappingNode map:
                foreach (var (childKey, child) in map.Children)
                {
                    Walk($"{key}.{(childKey as YamlScalarNode)?.Value}", child, root, problems);
                }

                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    Walk($"{key}[{i}]", list.Children[i], root, problems);
                }

                break;
            case YamlScalarNode { Value: { Length: > 0 } text }:
                if (LooksLikeSecret(LastSegment(key), text))
                {
                    problems.Add(new SettingsProblem(
                        root.LocationOf(value),
                        key,
                        "a secret value in clear text",
                        $"no secret in a stack file: store it with 'pulumi config set --secret' or in the environment's vault and reference it by name"));
                }

                break;
        }
    }

    internal static bool LooksLikeSecret(string keyName, string value) =>
        (SecretKeyName().IsMatch(keyName) && !ReferenceKeyName().IsMatch(keyName))
        || SecretValue().IsMatch(value);

    private static string LastSegment(string key)
    {
        var trimmed = key.EndsWith(']') ? key[..key.LastIndexOf('[')] : key;
        return trimmed[(Math.Max(trimmed.LastIndexOf('.'), trimmed.LastIndexOf(':')) + 1)..];
    }

    [GeneratedRegex("(?i)(password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|connection[-_]?string|private[-_]?key|kubeconfig|credential)")]
    private static partial Regex SecretKeyName();

    // A key that names where a secret lives (a name, a reference, a file path such as n8n's
    // DB_POSTGRESDB_PASSWORD_FILE), or how long it lives, holds no secret.
    [GeneratedRegex("(?i)(name|names|ref|uri|provider|days|period|id|file)$")]
    private static partial Regex ReferenceKeyName();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----|(?i)(accountkey|password|pwd|sharedaccesskey)=[^;\s]+|^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}|\b(ghp|gho|ghs|github_pat)_[A-Za-z0-9_]{20,}|\bxox[abpr]-[A-Za-z0-9-]{10,}|\bAKIA[0-9A-Z]{16}\b|\bsk_live_[A-Za-z0-9]{16,}")]
    private static partial Regex SecretValue();
}
