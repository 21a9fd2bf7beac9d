using System.Globalization;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Verification;

/// <summary>
/// Where records live in the release store (WORM), beside the manifests: one folder per RC, one
/// file per run, named so that no run ever overwrites another.
/// </summary>
public static class EvidenceStoreLayout
{
    /// <summary>The folder of an RC's records, relative to the project (and to the store container).</summary>
    public static string Folder(ReleaseVersion releaseCandidate)
    {
        ArgumentNullException.ThrowIfNull(releaseCandidate);
        return $"releases/staging/evidence/{releaseCandidate}";
    }

    /// <summary>The record's path in the store: its RC's folder, its kind and when it started.</summary>
    public static string PathOf(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Create(CultureInfo.InvariantCulture, $"{Folder(record.ReleaseCandidate)}/{VerificationNames.Of(record.Kind)}-{record.StartedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.dsse.json");
    }
}
