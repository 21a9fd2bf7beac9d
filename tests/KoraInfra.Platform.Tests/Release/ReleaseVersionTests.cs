using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>"Tag GA a partir de RC aprovada": a GA release is the release of an RC only when all three numbers match.</summary>
public sealed class ReleaseVersionTests
{
    [Theory]
    [InlineData("v1.4.0-rc.2", "v1.4.0", true)]
    [InlineData("v1.4.0-rc.9", "v1.4.0", true)]
    [InlineData("v2.4.0-rc.2", "v1.4.0", false)] // major differs alone
    [InlineData("v1.5.0-rc.2", "v1.4.0", false)] // minor differs alone
    [InlineData("v1.4.1-rc.2", "v1.4.0", false)] // patch differs alone
    public void An_rc_is_of_a_ga_release_only_when_major_minor_and_patch_all_match(string candidate, string ga, bool same)
    {
        var rc = ReleaseVersion.TryParse(candidate)!;

        Assert.Equal(same, rc.SameReleaseAs(ReleaseVersion.TryParse(ga)!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.4.0")]
    [InlineData("v1.4")]
    [InlineData("v1.4.0-beta.1")]
    [InlineData("main")]
    public void Anything_but_a_release_tag_is_no_version(string? text) => Assert.Null(ReleaseVersion.TryParse(text));

    [Theory]
    [InlineData("v1.4.0", true)]
    [InlineData("v1.4.0-rc.2", false)]
    public void A_tag_is_either_ga_or_a_candidate(string text, bool ga)
    {
        var version = ReleaseVersion.TryParse(text)!;

        Assert.Equal(text, version.ToString());
        Assert.Equal(ga, version.IsGeneralAvailability);
        Assert.Equal(!ga, version.IsReleaseCandidate);
    }
}
