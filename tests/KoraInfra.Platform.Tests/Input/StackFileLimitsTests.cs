using System.Diagnostics;
using System.Text;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Input;

public sealed class StackFileLimitsTests
{
    private static readonly string Dev = File.ReadAllText(Repository.StackFile("dev"));

    [Fact]
    public void An_alias_bomb_of_a_few_hundred_bytes_is_refused_in_under_a_second_naming_file_and_line()
    {
        var text = HostileStackFiles.AliasBomb(Dev);
        var (first, last) = HostileStackFiles.AliasBombLines(Dev);

        var clock = Stopwatch.StartNew();
        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", text));
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        var problem = Assert.Single(result.Problems);
        Assert.Contains("alias bomb", problem.Found, StringComparison.Ordinal);
        Assert.Equal("Pulumi.dev.yaml", problem.Location.Source);
        Assert.InRange(problem.Location.Line ?? 0, first, last);
        Assert.Null(result.Settings);
    }

    [Theory]
    [InlineData("  kora-infra:tags: &t\n    owner: engineering\n    extra: *t\n", 4)]
    [InlineData("  kora-infra:list: &l [a, [b, *l]]\n", 2)]
    public void A_recursive_alias_is_refused_instead_of_walked_forever(string addition, int line)
    {
        var text = "config:\n" + addition;

        var clock = Stopwatch.StartNew();
        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", text));
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        var problem = Assert.Single(result.Problems, p => p.Key == "(yaml)");
        Assert.Contains("recursive alias", problem.Found, StringComparison.Ordinal);
        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void A_few_aliases_within_the_limit_still_read()
    {
        var text = Dev.Replace("    environment: dev\n", "    environment: &env dev\n", StringComparison.Ordinal)
            .Replace("  kora-infra:environment: dev\n", "  kora-infra:environment: dev\n", StringComparison.Ordinal);
        var source = StackFileReader.Read("Pulumi.dev.yaml", text + "  kora-infra:unusedAlias: *env\n");

        Assert.Empty(source.Problems);
        Assert.True(source.Entries.ContainsKey("kora-infra:unusedAlias"));
    }

    [Fact]
    public void A_duplicated_key_is_named_with_both_lines()
    {
        var line = HostileStackFiles.LineAfterAnchor(Dev);

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", HostileStackFiles.DuplicatedKey(Dev)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"Pulumi.dev.yaml:{line}", problem.Location.ToString());
        Assert.Contains("'kora-infra:sizingTier'", problem.Found, StringComparison.Ordinal);
        Assert.Contains($"lines {line - 1} and {line}", problem.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_at_its_byte_not_as_missing_keys()
    {
        var bytes = HostileStackFiles.NotUtf8(Dev, out var badByte, out var line);
        var path = Path.Combine(Directory.CreateTempSubdirectory("kora-utf8-").FullName, "Pulumi.dev.yaml");
        File.WriteAllBytes(path, bytes);

        var result = StackFiles.Validate(path);

        var problem = Assert.Single(result.Problems);
        Assert.Contains($"not UTF-8 at byte {badByte}", problem.Found, StringComparison.Ordinal);
        Assert.Equal($"Pulumi.dev.yaml:{line}", problem.Location.ToString());
        Assert.DoesNotContain(result.Problems, p => p.Found.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_leading_byte_order_mark_is_not_an_encoding_error()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Dev)).ToArray();

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", bytes));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_with_its_line()
    {
        var result = StackFileReader.Read("Pulumi.dev.yaml", HostileStackFiles.DeepNesting(Dev, InputLimits.StackFile.MaxDepth + 1));

        var problem = Assert.Single(result.Problems);
        Assert.Contains($"nested more than {InputLimits.StackFile.MaxDepth} deep", problem.Found, StringComparison.Ordinal);
        Assert.Equal(HostileStackFiles.LineAfterAnchor(Dev), problem.Location.Line);
    }

    [Fact]
    public void Nesting_at_the_limit_reads()
    {
        // The config mapping and the document's mapping are two levels already.
        var result = StackFileReader.Read("Pulumi.dev.yaml", HostileStackFiles.DeepNesting(Dev, InputLimits.StackFile.MaxDepth - 2));

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_value_longer_than_the_limit_is_refused_without_echoing_it()
    {
        var result = StackFileReader.Read("Pulumi.dev.yaml", HostileStackFiles.LongValue(Dev, InputLimits.StackFile.MaxStringLength + 1));

        var problem = Assert.Single(result.Problems);
        Assert.Contains($"a value of {InputLimits.StackFile.MaxStringLength + 1} characters", problem.Found, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_of_more_keys_than_the_limit_is_refused()
    {
        var result = StackFileReader.Read("Pulumi.dev.yaml", HostileStackFiles.ManyKeys(Dev, InputLimits.StackFile.MaxItems + 1));

        var problem = Assert.Single(result.Problems);
        Assert.Contains($"more than {InputLimits.StackFile.MaxItems} keys", problem.Found, StringComparison.Ordinal);
        // A block mapping starts at its first key, the line after the key that holds it.
        Assert.Contains($"from line {HostileStackFiles.LineAfterAnchor(Dev) + 1}", problem.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kora-size-").FullName, "Pulumi.dev.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(InputLimits.StackFile.MaxBytes + 1);
        }

        var result = StackFiles.Validate(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Pulumi.dev.yaml", problem.Location.ToString());
        Assert.Contains($"{InputLimits.StackFile.MaxBytes + 1} bytes, larger than the 1 MiB", problem.Found, StringComparison.Ordinal);
    }
}
