using System.Globalization;
using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Release.Manifest;

/// <summary>
/// A release version as the tags spell it: GA <c>vX.Y.Z</c> or release candidate <c>vX.Y.Z-rc.N</c>.
/// Nothing else is a release: a branch name or a free-form tag never reaches a gated stack.
/// </summary>
public sealed partial record ReleaseVersion(int Major, int Minor, int Patch, int? Candidate)
{
    /// <summary>The shapes a version may take, for error messages.</summary>
    public const string Expected = "a GA tag 'vX.Y.Z' or a release-candidate tag 'vX.Y.Z-rc.N' (e.g. 'v1.4.0', 'v1.4.0-rc.2')";

    /// <summary>True for <c>vX.Y.Z-rc.N</c>.</summary>
    public bool IsReleaseCandidate => Candidate is not null;

    /// <summary>True for <c>vX.Y.Z</c>.</summary>
    public bool IsGeneralAvailability => Candidate is null;

    /// <summary>Whether a GA version is the release of this candidate (same X.Y.Z).</summary>
    public bool SameReleaseAs(ReleaseVersion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Major == other.Major && Minor == other.Minor && Patch == other.Patch;
    }

    /// <summary>Parses a tag; returns null when it is not a release version.</summary>
    public static ReleaseVersion? TryParse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
        {
            return null;
        }

        static int Part(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return new ReleaseVersion(
            Part(match.Groups["major"]),
            Part(match.Groups["minor"]),
            Part(match.Groups["patch"]),
            match.Groups["rc"].Success ? Part(match.Groups["rc"]) : null);
    }

    /// <summary>The tag text.</summary>
    public override string ToString() => Candidate is { } rc
        ? string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}.{Patch}-rc.{rc}")
        : string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}.{Patch}");

    // No leading zeros (SemVer), candidate numbers from 1.
    [GeneratedRegex(@"^v(?<major>0|[1-9][0-9]{0,5})\.(?<minor>0|[1-9][0-9]{0,5})\.(?<patch>0|[1-9][0-9]{0,5})(-rc\.(?<rc>[1-9][0-9]{0,3}))?$")]
    private static partial Regex Pattern();
}
