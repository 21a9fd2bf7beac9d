using KoraInfra.Platform.Release;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// Setting the release a stack runs edits one line of its stack file and nothing else: the first
/// existing release line is replaced, or one is added right under <c>config:</c>; a file the
/// result would break is refused whole.
/// </summary>
public sealed class StackReleaseSettingTests
{
    private static readonly string Prod = File.ReadAllText(Repository.StackFile("prod"));

    [Fact]
    public void The_key_is_the_projects_release_setting()
    {
        Assert.Equal("kora-infra:release", StackReleaseSetting.Key);
    }

    [Fact]
    public void A_file_without_a_release_gets_one_line_right_under_config_and_keeps_every_other_line()
    {
        var updated = StackReleaseSetting.With("Pulumi.prod.yaml", Prod, "releases/prod/v1.4.0.dsse.json");

        var configAt = Prod.IndexOf("\nconfig:\n", StringComparison.Ordinal) + "\nconfig:\n".Length;
        Assert.Equal(Prod.Insert(configAt, "  kora-infra:release: releases/prod/v1.4.0.dsse.json\n"), updated);
        Assert.Equal("releases/prod/v1.4.0.dsse.json", StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", updated)).Require().ReleaseManifestPath);
    }

    [Fact]
    public void An_existing_release_line_is_replaced_in_place_and_only_once()
    {
        var once = StackReleaseSetting.With("Pulumi.prod.yaml", Prod, "releases/prod/v1.3.0.dsse.json");

        var twice = StackReleaseSetting.With("Pulumi.prod.yaml", once, "releases/prod/v1.4.0.dsse.json");

        Assert.Equal(once.Replace("v1.3.0", "v1.4.0", StringComparison.Ordinal), twice);
        Assert.Single(twice.Split('\n'), l => l.StartsWith("  kora-infra:release:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_config_line_with_trailing_blanks_or_a_windows_line_end_is_still_the_config_line()
    {
        var text = "config:  \r\n  kora-infra:environment: prod\n";

        var ex = Assert.Throws<InvalidStackSettingsException>(() => StackReleaseSetting.With("Pulumi.prod.yaml", text, "releases/prod/v1.4.0.dsse.json"));

        // The line went in under config: (the refusal is about the settings, not a missing section).
        Assert.DoesNotContain(ex.Problems, p => p.Found == "no 'config:' section");
    }

    [Fact]
    public void A_file_without_a_config_section_is_refused_by_name_and_nothing_is_returned()
    {
        var ex = Assert.Throws<InvalidStackSettingsException>(() => StackReleaseSetting.With("Pulumi.prod.yaml", "# config: is only mentioned here\nsettings:\n  a: b\n", "releases/prod/v1.4.0.dsse.json"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("Pulumi.prod.yaml: config: no 'config:' section; expected a stack file with a 'config:' mapping", problem.ToString());
    }

    [Fact]
    public void A_result_that_is_not_a_valid_stack_file_is_refused_whole()
    {
        var broken = Prod.Replace("kora-infra:environment: prod", "kora-infra:environment: nowhere", StringComparison.Ordinal);
        Assert.NotEqual(Prod, broken);

        Assert.Throws<InvalidStackSettingsException>(() => StackReleaseSetting.With("Pulumi.prod.yaml", broken, "releases/prod/v1.4.0.dsse.json"));
    }
}
