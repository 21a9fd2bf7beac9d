using KoraInfra.Platform.Monitoring;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>
/// The small values every rendered file is made of: Prometheus durations at each unit's
/// boundary, scalars as the tools read them, and strings quoted exactly when YAML would take them
/// for another type.
/// </summary>
public sealed class RenderedValueTests
{
    [Theory]
    [InlineData(0, "0m")]
    [InlineData(30, "30s")]
    [InlineData(90, "90s")]
    [InlineData(60, "1m")]
    [InlineData(5 * 60, "5m")]
    [InlineData(59 * 60, "59m")]
    [InlineData(60 * 60, "1h")]
    [InlineData(90 * 60, "90m")]
    [InlineData(4 * 60 * 60, "4h")]
    [InlineData(23 * 60 * 60, "23h")]
    [InlineData(24 * 60 * 60, "1d")]
    [InlineData(25 * 60 * 60, "25h")]
    [InlineData(36 * 60 * 60, "36h")]
    [InlineData(3 * 24 * 60 * 60, "3d")]
    [InlineData(14 * 24 * 60 * 60, "14d")]
    public void Durations_use_the_largest_whole_unit(int seconds, string expected)
    {
        Assert.Equal(expected, PrometheusRules.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Scalars_are_written_in_invariant_culture_and_shortest_round_trip_form()
    {
        Assert.Equal("text", YamlRendering.Scalar("text"));
        Assert.Equal("true", YamlRendering.Scalar(true));
        Assert.Equal("false", YamlRendering.Scalar(false));
        Assert.Equal("-3", YamlRendering.Scalar(-3));
        Assert.Equal("0.995", YamlRendering.Scalar(0.995));
        Assert.Equal("300", YamlRendering.Scalar(300d));
        Assert.Equal("0.1", YamlRendering.Scalar(0.1));
    }

    [Fact]
    public void An_unsupported_scalar_is_refused_by_type()
    {
        var failure = Assert.Throws<ArgumentException>(() => YamlRendering.Scalar(3m));

        Assert.StartsWith("unsupported scalar Decimal", failure.Message, StringComparison.Ordinal);
        Assert.Equal("value", failure.ParamName);
    }

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("30", "\"30\"")]
    [InlineData("0.05", "\"0.05\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("false", "\"false\"")]
    [InlineData("True", "\"True\"")]
    [InlineData("False", "\"False\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("no", "\"no\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("off", "\"off\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("5m", "5m")]
    [InlineData("warning", "warning")]
    [InlineData("TRUE!", "TRUE!")]
    public void Strings_yaml_would_read_as_another_type_are_quoted_and_no_others(string text, string written)
    {
        var rendered = YamlRendering.Render(new YamlMap { { "value", text } }, "header");

        Assert.Equal($"# header\nvalue: {written}\n", rendered);
    }

    [Fact]
    public void Numbers_and_flags_are_written_plain()
    {
        var rendered = YamlRendering.Render(new YamlMap { { "replicas", 3 }, { "ratio", 0.5 }, { "enabled", false } }, "one\ntwo");

        Assert.Equal("# one\n# two\nreplicas: 3\nratio: 0.5\nenabled: false\n", rendered);
    }

    [Fact]
    public void Lists_and_nested_maps_keep_their_order()
    {
        var rendered = YamlRendering.Render(new YamlMap { { "b", new YamlMap { { "z", "1m" }, { "a", "2m" } } }, { "a", new[] { "x", "y" } } }, "h");

        Assert.Equal("# h\nb:\n  z: 1m\n  a: 2m\na:\n- x\n- y\n", rendered);
    }

    [Fact]
    public void A_map_refuses_a_key_twice_and_names_an_absent_key()
    {
        var map = new YamlMap { { "name", "kora" } };

        var twice = Assert.Throws<ArgumentException>(() => map.Add("name", "other"));
        Assert.StartsWith("key 'name' added twice", twice.Message, StringComparison.Ordinal);
        Assert.Equal("absent", Assert.Throws<KeyNotFoundException>(() => map["absent"]).Message);
        Assert.Equal("kora", map["name"]);
        Assert.Equal(1, map.Count);
        Assert.True(map.ContainsKey("name"));
        Assert.False(map.ContainsKey("Name"));
    }

    [Fact]
    public void The_plain_form_has_the_same_tree()
    {
        var plain = new YamlMap { { "spec", new YamlMap { { "ports", new[] { 80, 443 } }, { "name", "web" } } }, { "replicas", 2 } }.ToPlain();

        var spec = Assert.IsType<Dictionary<string, object>>(plain["spec"]);
        Assert.Equal(new object[] { 80, 443 }, Assert.IsType<List<object>>(spec["ports"]));
        Assert.Equal("web", spec["name"]);
        Assert.Equal(2, plain["replicas"]);
    }
}
