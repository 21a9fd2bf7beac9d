using System.Text.Json;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// The configuration the engine hands the program, one shape at a time: what is refused (with
/// the limit it passed), what is kept as text, which keys are secret, and how a stack file's
/// values are written back in the engine's form.
/// </summary>
public sealed class EngineConfigurationShapeTests
{
    private static string Config(params (string Key, string Value)[] entries) =>
        JsonSerializer.Serialize(entries.ToDictionary(e => e.Key, e => e.Value));

    private static string Describe(SettingsProblem p) => $"{p.Location} | {p.Key} | {p.Found} | {p.Expected}";

    [Fact]
    public void No_configuration_names_the_stack_to_select()
    {
        var source = PulumiConfigReader.Read("staging", "  ", null);

        Assert.Equal(["stack 'staging' configuration | (config) | no configuration | the settings of Pulumi.staging.yaml (run 'pulumi stack select staging')"], source.Problems.Select(Describe));
        Assert.Equal("staging", source.StackName);
        Assert.False(source.IsStackFile);
        Assert.Empty(source.Entries);
    }

    [Fact]
    public void Configuration_that_is_not_an_object_of_strings_says_so()
    {
        var problem = Assert.Single(PulumiConfigReader.Read("dev", "{\"kora-infra:a\": 1}", "[]").Problems);

        Assert.Equal("(config)", problem.Key);
        Assert.StartsWith("configuration that is not a JSON object of strings (", problem.Found, StringComparison.Ordinal);
        Assert.Equal("what the Pulumi engine passes", problem.Expected);
        Assert.Null(problem.Location.Line);
    }

    [Fact]
    public void Secret_keys_that_are_not_a_json_list_say_so()
    {
        var problem = Assert.Single(PulumiConfigReader.Read("dev", Config(("kora-infra:a", "1")), "{").Problems);

        Assert.StartsWith("configuration that is not a JSON object of strings (", problem.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_configuration_has_no_entries_and_no_problem_of_its_own()
    {
        var source = PulumiConfigReader.Read("dev", "null", "null");

        Assert.Empty(source.Problems);
        Assert.Empty(source.Entries);
    }

    [Fact]
    public void More_keys_than_a_stack_may_hold_are_refused_at_once()
    {
        var max = InputLimits.PulumiConfig.MaxItems;
        var entries = Enumerable.Range(0, max + 1).Select(i => ($"k:{i}", "v")).ToArray();

        var refused = PulumiConfigReader.Read("dev", Config(entries), "[]");
        var accepted = PulumiConfigReader.Read("dev", Config(entries[..max]), "[]");

        Assert.Equal([$"stack 'dev' configuration | (config) | {max + 1} keys, more than the {max} a stack may hold | at most {max} keys"], refused.Problems.Select(Describe));
        Assert.Empty(refused.Entries);
        Assert.Empty(accepted.Problems);
        Assert.Equal(max, accepted.Entries.Count);
    }

    [Fact]
    public void A_value_longer_than_a_setting_may_hold_is_refused_by_key()
    {
        var max = InputLimits.PulumiConfig.MaxStringLength;

        var source = PulumiConfigReader.Read("dev", Config(("kora-infra:config:long", new string('a', max + 1)), ("kora-infra:fits", new string('a', max))), "[]");

        Assert.Equal([$"stack 'dev' configuration | kora-infra:long | a value of {max + 1} characters, longer than the {max} a setting may hold | values of at most {max} characters"], source.Problems.Select(Describe));
        Assert.Equal(["kora-infra:fits"], source.Entries.Keys);
    }

    [Fact]
    public void Structured_values_become_nodes_and_broken_ones_stay_text()
    {
        var source = PulumiConfigReader.Read("dev", Config(("kora-infra:map", " {\"a\": [1, 2]}"), ("kora-infra:list", "[\"x\"]"), ("kora-infra:broken", "{oops"), ("kora-infra:text", "plain {not json}")), "[]");

        Assert.Empty(source.Problems);
        Assert.IsType<YamlMappingNode>(source.Entries["kora-infra:map"].Value);
        Assert.IsType<YamlSequenceNode>(source.Entries["kora-infra:list"].Value);
        Assert.Equal("{oops", ((YamlScalarNode)source.Entries["kora-infra:broken"].Value).Value);
        Assert.Equal("plain {not json}", ((YamlScalarNode)source.Entries["kora-infra:text"].Value).Value);
        Assert.All(source.Entries.Values, e => Assert.Equal("stack 'dev' configuration", e.Location.ToString()));
    }

    [Fact]
    public void A_structured_value_past_the_depth_limit_is_refused_not_kept_as_text()
    {
        var deep = string.Concat(Enumerable.Repeat("[", InputLimits.PulumiConfig.MaxDepth + 2)) + string.Concat(Enumerable.Repeat("]", InputLimits.PulumiConfig.MaxDepth + 2));

        var source = PulumiConfigReader.Read("dev", Config(("kora-infra:deep", deep)), "[]");

        var problem = Assert.Single(source.Problems);
        Assert.Equal("kora-infra:deep", problem.Key);
        Assert.Empty(source.Entries);
    }

    [Theory]
    [InlineData("kora-infra:config:kubeconfig", "kora-infra:kubeconfig")]
    [InlineData("kora-infra:kubeconfig", "kora-infra:kubeconfig")]
    [InlineData("kora-infra:other:kubeconfig", "kora-infra:other:kubeconfig")]
    [InlineData("kora-infra:config", "kora-infra:config")]
    [InlineData("a:config:b:c", "a:config:b:c")]
    public void Legacy_keys_drop_their_config_segment(string key, string read)
    {
        var source = PulumiConfigReader.Read("dev", Config((key, "v")), "[]");

        Assert.Equal([read], source.Entries.Keys);
    }

    [Theory]
    [InlineData("[\"kora-infra:kubeconfig\"]")]
    [InlineData("[\"kora-infra:config:kubeconfig\"]")]
    public void A_secret_key_is_secret_whether_listed_in_its_legacy_or_its_clean_form(string secretKeys)
    {
        var source = PulumiConfigReader.Read("dev", Config(("kora-infra:config:kubeconfig", "ciphertext"), ("kora-infra:plain", "v")), secretKeys);

        Assert.True(source.Entries["kora-infra:kubeconfig"].IsSecret);
        Assert.False(source.Entries["kora-infra:plain"].IsSecret);
    }

    [Fact]
    public void The_process_environment_is_read_as_the_engine_sets_it()
    {
        var config = Environment.GetEnvironmentVariable(PulumiConfigReader.ConfigVariable);
        var secrets = Environment.GetEnvironmentVariable(PulumiConfigReader.SecretKeysVariable);

        var source = PulumiConfigReader.FromEnvironment("prod");

        Assert.Equal(PulumiConfigReader.Read("prod", config, secrets).Entries.Keys, source.Entries.Keys);
        Assert.Equal("stack 'prod' configuration", source.Origin);
        Assert.Equal("PULUMI_CONFIG", PulumiConfigReader.ConfigVariable);
        Assert.Equal("PULUMI_CONFIG_SECRET_KEYS", PulumiConfigReader.SecretKeysVariable);
    }

    [Fact]
    public void A_stack_files_values_are_written_as_the_engine_writes_them()
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", "config:\n  kora-infra:n: 3\n  kora-infra:quoted: \"3\"\n  kora-infra:flag: true\n  kora-infra:word: True\n  kora-infra:map:\n    a: -2\n    b: [x, false, \"true\"]\n    c:\n  kora-infra:secret:\n    secure: v1:abc\n");

        var engine = EngineConfiguration.From(source);

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(engine.ConfigJson)!;
        Assert.Equal("3", values["kora-infra:n"]);
        Assert.Equal("3", values["kora-infra:quoted"]);
        Assert.Equal("true", values["kora-infra:flag"]);
        Assert.Equal("True", values["kora-infra:word"]);
        Assert.Equal("{\"a\":-2,\"b\":[\"x\",false,\"true\"],\"c\":\"\"}", values["kora-infra:map"]);
        Assert.Equal("v1:abc", values["kora-infra:secret"]);
        Assert.Equal("[\"kora-infra:secret\"]", engine.SecretKeysJson);
    }

    [Fact]
    public void With_replaces_or_adds_one_key_and_keeps_the_rest()
    {
        var engine = EngineConfiguration.From(StackFileReader.ReadFile(Repository.StackFile("dev")));

        var changed = engine.With("kora-infra:sizingTier", "large").With("kora-infra:new", "x");

        var before = JsonSerializer.Deserialize<Dictionary<string, string>>(engine.ConfigJson)!;
        var after = JsonSerializer.Deserialize<Dictionary<string, string>>(changed.ConfigJson)!;
        Assert.Equal("small", before["kora-infra:sizingTier"]);
        Assert.Equal("large", after["kora-infra:sizingTier"]);
        Assert.Equal("x", after["kora-infra:new"]);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(engine.SecretKeysJson, changed.SecretKeysJson);
    }
}
