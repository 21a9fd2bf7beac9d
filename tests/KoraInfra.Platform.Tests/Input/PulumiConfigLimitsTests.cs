using System.Diagnostics;
using System.Text.Json;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Input;

public sealed class PulumiConfigLimitsTests
{
    [Fact]
    public void An_alias_bomb_in_a_structured_value_is_refused_fast_naming_the_key()
    {
        // Pulumi passes structured values as JSON text; YAML flow syntax in it is read as YAML.
        var bomb = "{l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol], "
            + string.Join(", ", Enumerable.Range(1, 9).Select(l => $"l{l}: &l{l} [{string.Join(", ", Enumerable.Repeat($"*l{l - 1}", 9))}]"))
            + "}";
        var config = JsonSerializer.Serialize(new Dictionary<string, string> { ["kora-infra:tags"] = bomb });

        var clock = Stopwatch.StartNew();
        var source = PulumiConfigReader.Read("dev", config, null);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        var problem = Assert.Single(source.Problems);
        Assert.Equal("kora-infra:tags", problem.Key);
        Assert.Contains("alias bomb", problem.Found, StringComparison.Ordinal);
        Assert.Empty(source.Entries);
    }

    [Fact]
    public void A_duplicated_key_inside_a_structured_value_is_named()
    {
        var config = JsonSerializer.Serialize(new Dictionary<string, string> { ["kora-infra:tags"] = "{\"owner\": \"a\", \"owner\": \"b\"}" });

        var source = PulumiConfigReader.Read("dev", config, null);

        var problem = Assert.Single(source.Problems);
        Assert.Contains("the key 'owner' appears twice", problem.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_larger_than_the_limit_is_refused_as_a_whole()
    {
        var config = JsonSerializer.Serialize(new Dictionary<string, string> { ["kora-infra:x"] = new string('a', (int)InputLimits.PulumiConfig.MaxBytes) });

        var source = PulumiConfigReader.Read("dev", config, null);

        var problem = Assert.Single(source.Problems);
        Assert.Equal("(config)", problem.Key);
        Assert.Contains("larger than the 1 MiB", problem.Found, StringComparison.Ordinal);
        Assert.Empty(source.Entries);
    }

    [Fact]
    public void A_value_longer_than_the_limit_is_refused_by_key()
    {
        var config = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kora-infra:location"] = "brazilsouth",
            ["kora-infra:long"] = new string('a', InputLimits.PulumiConfig.MaxStringLength + 1),
        });

        var source = PulumiConfigReader.Read("dev", config, null);

        var problem = Assert.Single(source.Problems);
        Assert.Equal("kora-infra:long", problem.Key);
        Assert.True(source.Entries.ContainsKey("kora-infra:location"));
    }
}
