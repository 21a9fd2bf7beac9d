using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class MalformedStackFileTests
{
    public static TheoryData<MalformedStackFile> Cases() => MalformedStackFiles.FromRepository();

    [Fact]
    public void The_catalogue_covers_at_least_twenty_five_distinct_mistakes()
    {
        var cases = MalformedStackFiles.All(stack => File.ReadAllText(Repository.StackFile(stack)));

        Assert.True(cases.Count >= 25, $"only {cases.Count} malformed inputs");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_mistake_is_reported_with_file_key_and_what_was_expected(MalformedStackFile file)
    {
        var result = MalformedStackFiles.Bind(file);

        Assert.False(result.IsValid);
        Assert.Null(result.Settings);
        var problem = Assert.Single(result.Problems, p => p.Key == file.Key && (p.Found + " " + p.Expected).Contains(file.Fragment, StringComparison.Ordinal));
        Assert.StartsWith(file.FileName, problem.Location.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Expected));
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        var text = File.ReadAllText(Repository.StackFile("prod"))
            .Replace("kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: K", StringComparison.Ordinal)
            .Replace("kora-infra:sizingTier: large", "kora-infra:sizingTier: small", StringComparison.Ordinal)
            .Replace("owner: devops", "owner: nobody", StringComparison.Ordinal);

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", text));

        Assert.Equal(
            ["kora-infra:namingPrefix", "kora-infra:tags.owner", "kora-infra:sizingTier"],
            result.Problems.Select(p => p.Key));
    }

    [Fact]
    public void Problems_carry_the_line_of_the_offending_value()
    {
        var text = File.ReadAllText(Repository.StackFile("dev"));
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("kora-infra:sizingTier", StringComparison.Ordinal)) + 1;

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", text.Replace("sizingTier: small", "sizingTier: tiny", StringComparison.Ordinal)));

        Assert.Equal(line, Assert.Single(result.Problems).Location.Line);
    }

    [Fact]
    public void A_clear_secret_is_never_echoed_in_the_report()
    {
        var text = File.ReadAllText(Repository.StackFile("staging"))
            .Replace("  kora-infra:sizingTier: medium\n", "  kora-infra:sizingTier: medium\n  kora-infra:dbPassword: hunter2-very-secret\n", StringComparison.Ordinal);

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.staging.yaml", text));

        Assert.NotEmpty(result.Problems);
        Assert.DoesNotContain(result.Problems, p => p.ToString().Contains("hunter2", StringComparison.Ordinal));
    }
}
