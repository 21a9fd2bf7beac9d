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
}
