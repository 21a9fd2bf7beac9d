using System.Text.Json;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class PulumiConfigReaderTests
{
    // What the Pulumi engine passes a program: plain values as text, structured values as JSON text.
    private static string EngineConfig(string stack, params (string Key, string Value)[] overrides)
    {
        var config = EngineConfiguration.From(StackFileReader.ReadFile(Repository.StackFile(stack)));
        foreach (var (key, value) in overrides)
        {
            config = config.With(key, value);
        }

        return config.ConfigJson;
    }

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

    [Fact]
    public void Structured_values_reach_the_engine_as_json_with_numbers_as_numbers()
    {
        var config = EngineConfiguration.From(StackFileReader.ReadFile(Repository.StackFile("prod")));

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(config.ConfigJson)!;
        using var cluster = JsonDocument.Parse(values["kora-infra:cluster"]);

        Assert.Equal(JsonValueKind.Number, cluster.RootElement.GetProperty("maxNodeCount").ValueKind);
        Assert.Equal(9, cluster.RootElement.GetProperty("maxNodeCount").GetInt32());
        Assert.Equal("1.31", cluster.RootElement.GetProperty("kubernetesVersion").GetString());
        Assert.Equal("brazilsouth", values["kora-infra:location"]);
        Assert.Equal("[]", config.SecretKeysJson);
    }

    [Fact]
    public void Secret_keys_from_a_stack_file_stay_secret_and_encrypted()
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", File.ReadAllText(Repository.StackFile("dev")) + "  kora-infra:kubeconfig:\n    secure: v1:AAAAciphertext\n");

        var config = EngineConfiguration.From(source);

        Assert.Equal("[\"kora-infra:kubeconfig\"]", config.SecretKeysJson);
        Assert.Contains("v1:AAAAciphertext", config.ConfigJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_config_keys_are_read_as_the_sdk_reads_them()
    {
        var config = EngineConfig("dev").Replace("\"kora-infra:location\"", "\"kora-infra:config:location\"", StringComparison.Ordinal);

        var result = StackSettingsBinder.Bind(PulumiConfigReader.Read("dev", config, "[]"));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
    }
}
