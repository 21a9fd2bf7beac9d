using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Finds secret values written in clear (in a stack file, a ConfigMap, a plain environment
/// variable). The value decides: a value shaped like a credential (a private key, a URL or
/// connection string with a password, a JWT, a vendor's token, a long random string) is one
/// whatever its name. The name is only a hint: a name that says "password" or "token" makes a
/// value suspect unless the value is plainly a setting (<c>TOKEN_TTL_SECONDS: "3600"</c>,
/// <c>PASSWORD_MIN_LENGTH: "12"</c>, a path, a flag, a reference).
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
                if (Judge(LastSegment(key), text) is { } why)
                {
                    problems.Add(new SettingsProblem(
                        root.LocationOf(value),
                        key,
                        $"a secret value in clear text ({why})",
                        $"no secret in a stack file: store it with 'pulumi config set --secret' or in the environment's vault and reference it by name"));
                }

                break;
        }
    }

    internal static bool LooksLikeSecret(string keyName, string value) => Judge(keyName, value) is not null;

    /// <summary>
    /// Why a value stored under <paramref name="keyName"/> looks secret, without repeating it; null
    /// when it does not.
    /// </summary>
    internal static string? Judge(string keyName, string value)
    {
        ArgumentNullException.ThrowIfNull(keyName);
        ArgumentNullException.ThrowIfNull(value);
        if (SecretValueShapes.Recognise(value, keyName) is { } shape)
        {
            return shape;
        }

        return NamesCredential(keyName) && !NamesReference(keyName) && !SecretValueShapes.IsPlainSetting(value)
            ? $"its name '{keyName}' names a credential and the value is not a number, duration, flag, path, URL or reference"
            : null;
    }

    private static string LastSegment(string key)
    {
        // "tags.ci[0]" names the list "ci"; a key that merely ends in ']' is its own name.
        var open = key.LastIndexOf('[');
        var trimmed = key.EndsWith(']') && open >= 0 ? key[..open] : key;
        return trimmed[(Math.Max(trimmed.LastIndexOf('.'), trimmed.LastIndexOf(':')) + 1)..];
    }

    // SecretKeyName's words, its optional separators spelled out, for ASCII names (AsciiWords).
    private static readonly string[] CredentialWords =
    [
        "password", "passwd", "pwd", "secret", "token",
        "apikey", "api-key", "api_key", "accesskey", "access-key", "access_key",
        "connectionstring", "connection-string", "connection_string",
        "privatekey", "private-key", "private_key", "kubeconfig", "credential",
    ];

    // ReferenceKeyName's words, for ASCII names (AsciiWords).
    private static readonly string[] ReferenceWords = ["name", "names", "ref", "uri", "provider", "days", "period", "id", "file"];

    internal static bool NamesCredential(string keyName) =>
        AsciiWords.IsAscii(keyName) ? AsciiWords.ContainsAny(keyName, CredentialWords) : SecretKeyName().IsMatch(keyName);

    internal static bool NamesReference(string keyName) =>
        AsciiWords.IsAscii(keyName) ? AsciiWords.EndsWithAny(keyName, ReferenceWords) : ReferenceKeyName().IsMatch(keyName);

    [GeneratedRegex("(?i)(password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|connection[-_]?string|private[-_]?key|kubeconfig|credential)")]
    internal static partial Regex SecretKeyName();

    // A key that names where a secret lives (a name, a reference, a file path such as n8n's
    // DB_POSTGRESDB_PASSWORD_FILE), or how long it lives, holds no secret. Built when first
    // needed (LazyRegex): AsciiWords answers for ASCII names.
    private static readonly LazyRegex ReferenceKeyNamePattern = new("(?i)(name|names|ref|uri|provider|days|period|id|file)$");

    internal static Regex ReferenceKeyName() => ReferenceKeyNamePattern.Value;
}
