using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Input;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Reads a <c>Pulumi.&lt;stack&gt;.yaml</c> stack file as Pulumi lays it out: a mapping with
/// <c>config</c> (and optionally <c>secretsprovider</c>, <c>encryptedkey</c>, <c>encryptionsalt</c>,
/// <c>environment</c>); secrets as <c>{secure: ciphertext}</c>. Nothing is decrypted.
/// </summary>
public static partial class StackFileReader
{
    private static readonly HashSet<string> TopLevelKeys =
        ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

    /// <summary>Reads a stack file from disk.</summary>
    public static SettingsSource ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            var location = new SourceLocation(fileName);
            return new SettingsSource(fileName, null, new Dictionary<string, SettingNode>(), [
                new SettingsProblem(location, "(file)", $"no file at '{path}'", "a stack file named Pulumi.<stack>.yaml beside Pulumi.yaml"),
            ]);
        }

        string text;
        try
        {
            text = BoundedInput.ReadFile(path, InputLimits.StackFile);
        }
        catch (InputRefusedException ex)
        {
            return Refused(fileName, ex.Problem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refused(fileName, new InputProblem(fileName, null, $"a file that cannot be read ({ex.Message})", "a readable stack file"));
        }

        return Read(fileName, text);
    }

    /// <summary>Reads stack file bytes, which must be UTF-8; <paramref name="fileName"/> names the stack.</summary>
    public static SettingsSource Read(string fileName, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (bytes.Length > InputLimits.StackFile.MaxBytes)
        {
            return Refused(fileName, new InputProblem(fileName, null, $"a stack file of {bytes.Length} bytes, larger than the {InputLimits.StackFile.MaxBytesText} a reader accepts", $"a stack file of at most {InputLimits.StackFile.MaxBytesText}"));
        }

        try
        {
            return Read(fileName, BoundedInput.Decode(bytes, fileName));
        }
        catch (InputRefusedException ex)
        {
            return Refused(fileName, ex.Problem);
        }
    }

    private static SettingsSource Refused(string fileName, InputProblem problem)
    {
        var location = problem.Line is { } line ? new SourceLocation(fileName, line) : new SourceLocation(fileName);
        var problems = new List<SettingsProblem>();
        var stackName = StackNameOf(fileName, new SourceLocation(fileName), problems);
        problems.Insert(0, new SettingsProblem(location, "(file)", problem.Found, problem.Expected));
        return new SettingsSource(fileName, stackName, new Dictionary<string, SettingNode>(), problems);
    }

    /// <summary>Reads stack file text; <paramref name="fileName"/> names the stack.</summary>
    public static SettingsSource Read(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<SettingsProblem>();
        var fileLocation = new SourceLocation(fileName);
        var stackName = StackNameOf(fileName, fileLocation, problems);
        var entries = new Dictionary<string, SettingNode>(StringComparer.Ordinal);

        var root = Parse(text, fileLocation, problems);
        if (root is null)
        {
            return new SettingsSource(fileName, stackName, entries, problems);
        }

        if (root is not YamlMappingNode document)
        {
            problems.Add(new SettingsProblem(fileLocation.AtLine(Line(root)), "(file)", $"a {Describe(root)} at the top of the file", "a mapping with a 'config:' key"));
            return new SettingsSource(fileName, stackName, entries, problems);
        }

        YamlMappingNode? config = null;
        SettingNode? secretsProvider = null;
        foreach (var (keyNode, value) in document.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var at = fileLocation.AtLine(Line(keyNode));
            if (!TopLevelKeys.Contains(key))
            {
                problems.Add(new SettingsProblem(at, key, "an unknown top-level key", "one of " + string.Join(", ", TopLevelKeys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"))));
            }
            else if (key == "secretsprovider")
            {
                secretsProvider = new SettingNode(value, fileLocation.AtLine(Line(value)), IsSecret: false);
            }
            else if (key == "config")
            {
                config = value as YamlMappingNode;
                if (config is null)
                {
                    problems.Add(new SettingsProblem(at, "config", $"a {Describe(value)}", "a mapping of 'kora-infra:<key>: value' lines"));
                }
            }
        }

        if (config is null)
        {
            if (problems.Count == 0)
            {
                problems.Add(new SettingsProblem(fileLocation.AtLine(1), "config", "no 'config:' mapping", "a 'config:' mapping with the kora-infra: keys"));
            }

            return new SettingsSource(fileName, stackName, entries, problems);
        }

        foreach (var (keyNode, value) in config.Children)
        {
            AddEntry(keyNode, value, fileLocation, entries, problems);
        }

        return new SettingsSource(fileName, stackName, entries, problems) { IsStackFile = true, SecretsProvider = secretsProvider };
    }

    // One config entry, in its own method: a pattern variable used after a "continue" would
    // leave mutation testing unable to compile the loop (docs/testing.md).
    private static void AddEntry(YamlNode keyNode, YamlNode value, SourceLocation fileLocation, Dictionary<string, SettingNode> entries, List<SettingsProblem> problems)
    {
        if (keyNode is YamlScalarNode { Value: { Length: > 0 } key })
        {
            var secret = Secret(value);
            entries[key] = new SettingNode(secret ?? value, fileLocation.AtLine(Line(value)), secret is not null);
            return;
        }

        problems.Add(new SettingsProblem(fileLocation.AtLine(Line(keyNode)), "config", $"a {Describe(keyNode)} used as a key", "a key of the form 'namespace:name'"));
    }

    private static YamlNode? Parse(string text, SourceLocation fileLocation, List<SettingsProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new SettingsProblem(fileLocation, "(file)", "an empty file", "a 'config:' mapping with the kora-infra: keys"));
            return null;
        }

        var stream = BoundedYaml.Load(text, fileLocation.Source, InputLimits.StackFile, out var refused);
        if (stream is null)
        {
            foreach (var problem in refused)
            {
                var at = problem.Line is { } line ? fileLocation.AtLine(line) : fileLocation;
                problems.Add(new SettingsProblem(at, "(yaml)", problem.Found, problem.Expected));
            }

            return null;
        }

        if (stream.Documents.Count == 0)
        {
            problems.Add(new SettingsProblem(fileLocation, "(file)", "an empty file (comments only)", "a 'config:' mapping with the kora-infra: keys"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add(new SettingsProblem(fileLocation, "(file)", $"{stream.Documents.Count} YAML documents", "exactly one document"));
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" })
        {
            problems.Add(new SettingsProblem(fileLocation, "(file)", "an empty file", "a 'config:' mapping with the kora-infra: keys"));
            return null;
        }

        return root;
    }

    private static string? StackNameOf(string fileName, SourceLocation location, List<SettingsProblem> problems)
    {
        var match = StackFileName().Match(fileName);
        if (!match.Success)
        {
            problems.Add(new SettingsProblem(location, "(file name)", $"'{fileName}'", "a stack file named Pulumi.<stack>.yaml"));
            return null;
        }

        var stack = match.Groups["stack"].Value;
        if (!StackNames.TryParse(stack, out _))
        {
            problems.Add(new SettingsProblem(location, "(stack name)", $"stack '{stack}'", $"one of the KoraOS stacks {StackNames.Expected}"));
        }

        return stack;
    }

    // The ciphertext of a "{secure: ...}" value, or null for a value given in clear. A loop, not
    // First(): LINQ over the KeyValuePair struct is JIT-compiled at start-up (ReadyToRun cannot
    // precompile it).
    private static YamlNode? Secret(YamlNode value)
    {
        if (value is YamlMappingNode { Children.Count: 1 } map)
        {
            foreach (var (key, only) in map.Children)
            {
                return key is YamlScalarNode { Value: "secure" } ? only : null;
            }
        }

        return null;
    }

    internal static int Line(YamlNode node) => checked((int)node.Start.Line);

    internal static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        YamlScalarNode { Value: null or "" } => "empty value",
        _ => "plain value",
    };

    [GeneratedRegex(@"^Pulumi\.(?<stack>[^.]+)\.ya?ml$")]
    private static partial Regex StackFileName();
}
