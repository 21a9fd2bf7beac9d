using KoraInfra.Platform.Input;

namespace KoraInfra.Platform.Tests.Input;

/// <summary>
/// A key given twice in one object is refused however it is spelled and however wide the object
/// is: the check compares the input's bytes for small objects and hashes wide ones.
/// </summary>
public sealed class DuplicateKeyTests
{
    private static readonly InputLimits Wide = new("test input", 1_000_000, 8, 100_000, 10_000, 1_000);

    [Theory]
    [InlineData("{\"a\": 1, \"b\": 2, \"a\": 3}", "a", 1)]
    [InlineData("{\"name\": 1,\n \"n\\u0061me\": 2}", "name", 2)]
    [InlineData("{\"n\\u0061me\": 1,\n\n \"name\": 2}", "name", 3)]
    [InlineData("{\"x\": {\"k\": 1}, \"y\": {\"k\": 2, \"k\": 3}}", "k", 1)]
    [InlineData("{\"caf\u00e9\": 1, \"caf\\u00e9\": 2}", "caf\u00e9", 1)]
    [InlineData("{\"\\u0062\": {\"\\u0063\": 1, \"d\": {\"\\u0065\": 2}}, \"\\u0066\": 3,\n \"b\": 4}", "b", 2)]
    [InlineData("{\"a\": {\"\\u0078\": 1}, \"\\u0079\": {\"\\u007a\": 2, \"z\": 3}}", "z", 1)]
    public void A_key_twice_in_one_object_is_refused_with_its_name_and_line(string text, string key, int line)
    {
        var refused = Assert.Throws<InputRefusedException>(() => BoundedJson.Check(text, "dup.json", Wide));

        Assert.Equal($"the key '{key}' twice in one object", refused.Problem.Found);
        Assert.Equal(line, refused.Problem.Line);
    }

    [Theory]
    [InlineData("{\"a\": 1, \"A\": 2, \"ab\": 3, \"a \": 4}")]
    [InlineData("{\"k\": {\"k\": {\"k\": 1}}, \"j\": {\"k\": 2}}")]
    [InlineData("[{\"k\": 1}, {\"k\": 2}]")]
    [InlineData("{\"n\\u0061me\": 1, \"nam\": 2, \"names\": 3}")]
    [InlineData("{\"\\u0062\": {\"\\u0063\": 1, \"d\": {\"\\u0065\": 2}}, \"c\": 3, \"e\": 4, \"\\u0064\": 5}")]
    [InlineData("[{\"\\u0061\": 1}, {\"\\u0062\": 2, \"a\": 3}]")]
    public void Keys_that_differ_or_sit_in_different_objects_pass(string text)
    {
        BoundedJson.Check(text, "ok.json", Wide);
    }

    [Theory]
    [InlineData(16, 3)]
    [InlineData(17, 0)]
    [InlineData(17, 16)]
    [InlineData(40, 39)]
    [InlineData(40, 5)]
    public void In_a_wide_object_a_repeated_key_is_found_wherever_it_first_was(int keys, int repeated)
    {
        var entries = Enumerable.Range(0, keys).Select(i => $"\"key{i}\": {i}").Append($"\"key{repeated}\": -1");

        var refused = Assert.Throws<InputRefusedException>(() => BoundedJson.Check("{" + string.Join(", ", entries) + "}", "wide.json", Wide));

        Assert.Equal($"the key 'key{repeated}' twice in one object", refused.Problem.Found);
    }

    [Fact]
    public void A_wide_object_of_distinct_keys_escaped_and_not_passes()
    {
        var entries = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? $"\"\\u006bey{i}\": {i}" : $"\"key{i}\": {i}");

        BoundedJson.Check("{" + string.Join(", ", entries) + "}", "wide.json", Wide);
    }

    [Fact]
    public void A_key_repeated_in_escaped_form_after_the_object_went_wide_is_refused()
    {
        var entries = Enumerable.Range(0, 20).Select(i => $"\"key{i}\": {i}").Append("\"\\u006bey7\": -1");

        var refused = Assert.Throws<InputRefusedException>(() => BoundedJson.Check("{" + string.Join(", ", entries) + "}", "wide.json", Wide));

        Assert.Equal("the key 'key7' twice in one object", refused.Problem.Found);
    }

    [Fact]
    public void Deeply_nested_objects_of_many_keys_each_keep_their_own_keys()
    {
        // Forty objects deep, twelve keys each (some escaped, some long): far more open keys and
        // objects than the check first makes room for, and every object still sees only its own.
        var deep = new InputLimits("test input", 1_000_000, 64, 100_000, 10_000, 10_000);
        var longKey = new string('k', 400);
        string Nested(int depth, string innermost) => depth == 0
            ? innermost
            : "{" + string.Join(", ", Enumerable.Range(0, 12).Select(i => i % 4 == 0 ? $"\"\\u006b{longKey}{i}\": {i}" : $"\"key{i}\": {i}")) + $", \"inner\": {Nested(depth - 1, innermost)}}}";

        BoundedJson.Check(Nested(40, "{\"key1\": 1, \"k" + longKey + "0\": 2}"), "deep.json", deep);
        var refused = Assert.Throws<InputRefusedException>(() => BoundedJson.Check(Nested(40, "{\"k" + longKey + "4\": 1, \"\\u006b" + longKey + "4\": 2}"), "deep.json", deep));

        Assert.Equal($"the key 'k{longKey[..79]}...' twice in one object", refused.Problem.Found);
    }
}
