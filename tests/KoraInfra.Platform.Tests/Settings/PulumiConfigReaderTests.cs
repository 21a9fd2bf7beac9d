using System.Text.Json;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class PulumiConfigReaderTests
{
    // What the Pulumi engine passes a program: plain values as text, structured values as JSON text.
    private static string EngineConfig(string stack, params (string Key, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>();
        foreach (var (key, node) in StackFileReader.ReadFile(Repository.StackFile(stack)).Entries)
        {
            values[key] = node.Value is YamlScalarNode scalar ? scalar.Value! : ToJson(node.Value);
        }

        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return JsonSerializer.Serialize(values);
    }

    // Pulumi writes structured values as JSON, numbers as numbers.
    private static string ToJson(YamlNode node) => JsonSerializer.Serialize(Plain(node));

    private static object? Plain(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => Plain(c.Value)),
        YamlSequenceNode list => list.Children.Select(Plain).ToList(),
        YamlScalarNode { Style: not ScalarStyle.DoubleQuoted, Value: { } text } when int.TryParse(text, out var number) => number,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Engine_configuration_binds_to_the_same_settings_as_the_stack_file(string stack)
    {
        var fromFile = StackFiles.Validate(Repository.StackFile(stack)).Require();

        var fromEngine = StackSettingsBinder.Bind(PulumiConfigReader.Read(stack, EngineConfig(stack), "[]")).Require();

        Assert.Equal(fromFile.Tags.All, fromEngine.Tags.All);
        Assert.Equal(fromFile.Cluster, fromEngine.Cluster);
        Assert.Equal(fromFile.AlertReceivers, fromEngine.AlertReceivers);
        Assert.Equal(fromFile.Region, fromEngine.Region);
        Assert.Equal(fromFile.SizingTier, fromEngine.SizingTier);
    }

    [Fact]
    public void A_misspelt_key_in_the_engine_configuration_is_an_error_not_a_default()
    {
        var config = EngineConfig("dev", ("kora-infra:sizingTeir", "large"));

        var result = StackSettingsBinder.Bind(PulumiConfigReader.Read("dev", config, "[]"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("kora-infra:sizingTeir", problem.Key);
        Assert.Equal("stack 'dev' configuration", problem.Location.ToString());
    }

    [Fact]
    public void Keys_the_engine_lists_as_secret_are_secret_settings()
    {
        var config = EngineConfig("dev", ("kora-infra:cluster", "{\"mode\":\"existing\",\"context\":\"kind-kora\"}"), ("kora-infra:kubeconfig", "apiVersion: v1"));

        var asSecret = StackSettingsBinder.Bind(PulumiConfigReader.Read("dev", config, "[\"kora-infra:kubeconfig\"]"));
        var inClear = StackSettingsBinder.Bind(PulumiConfigReader.Read("dev", config, "[]"));

        Assert.True(asSecret.IsValid, string.Join(Environment.NewLine, asSecret.Problems));
        Assert.Equal("kora-infra:kubeconfig", Assert.Single(inClear.Problems).Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Unusable_engine_configuration_is_one_clear_problem(string? config)
    {
        var result = StackSettingsBinder.Bind(PulumiConfigReader.Read("prod", config, null));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("(config)", problem.Key);
    }
}
