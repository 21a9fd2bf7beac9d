using System.Globalization;
using KoraInfra.Platform.Release.Gates;

namespace KoraInfra.Platform.Verification;

/// <summary>
/// What a gate re-checks on a restore drill's record, whatever the drill's own settings said:
/// RTO and RPO were measured and judged, and the RTO target is within the seed's P0 recovery SLA.
/// </summary>
public static class RestoreDrillJudgement
{
    /// <summary>The measurement names a restore drill records, in seconds.</summary>
    public const string Rto = "rto";

    /// <summary>The data-loss window, in seconds.</summary>
    public const string Rpo = "rpo";

    /// <summary>Every problem with the record's measurements.</summary>
    public static IEnumerable<string> Problems(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ceiling = RecoveryObjectives.MaximumRto.TotalSeconds;
        foreach (var name in new[] { Rto, Rpo })
        {
            var measured = record.Measured(name);
            if (measured is not { Unit: "s", Maximum: { } max })
            {
                yield return $"no measured '{name}' in seconds with its target";
                continue;
            }

            if (!measured.WithinLimit)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"measured {name} {measured.Value:0.#} s exceeds the target {max:0.#} s");
            }

            if (name == Rto && max > ceiling)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"RTO target {max:0.#} s is beyond the P0 recovery SLA of {ceiling:0} s (restaurar servico principal <= 60 min)");
            }
        }
    }
}
