using System.Globalization;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// Turns the catalogue, the emergency rotations and the clock into the keepers, expiries and
/// rotation evidence of every secret. Pure: the same inputs give the same plan on any machine.
/// </summary>
public static class SecretRotation
{
    /// <summary>The keeper holding the window id.</summary>
    public const string WindowKeeper = "window";

    /// <summary>The keeper holding the latest emergency rotation's request time.</summary>
    public const string EmergencyKeeper = "emergency";

    /// <summary>Plans every secret of the catalogue at <paramref name="now"/>.</summary>
    /// <exception cref="InvalidEmergencyRotationException">An emergency rotation is dated after <paramref name="now"/>
    /// (it would claim a rotation that has not happened) or names no catalogue secret.</exception>
    public static IReadOnlyList<PlannedSecret> Plan(SecretCatalogue catalogue, IReadOnlyList<EmergencyRotation> emergencies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(emergencies);
        for (var i = 0; i < emergencies.Count; i++)
        {
            var request = emergencies[i];
            if (catalogue.Find(request.Name) is null)
            {
                throw new InvalidEmergencyRotationException($"kora-infra:emergencyRotations[{i}].name: '{request.Name}' is not a secret of the catalogue; expected one of {catalogue.ExpectedNames}");
            }

            if (request.RequestedAt > now)
            {
                throw new InvalidEmergencyRotationException($"kora-infra:emergencyRotations[{i}].requestedAt: {Iso(request.RequestedAt)} is later than now ({Iso(now)}); expected the moment the rotation was requested, which cannot be in the future");
            }
        }

        return catalogue.Entries.Select(d => PlanOne(d, LatestEmergency(d.Name, emergencies), now)).ToList();
    }

    private static PlannedSecret PlanOne(SecretDefinition definition, DateTimeOffset? emergency, DateTimeOffset now)
    {
        var window = definition.Rotation.PeriodDays is { } days ? RotationWindow.Containing(now, days) : null;
        // A secret never rotated has no window keeper: its generator keeps the inputs it had
        // before the vault existed, so the value survives the move (n8n cannot re-key).
        var keepers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (window is not null)
        {
            keepers[WindowKeeper] = window.Id;
        }

        // A scheduled secret keeps an emergency keeper only inside the window it was requested
        // in: at the next window both keepers change together, so the value changes once, not twice.
        if (emergency is { } requested && (window is null || requested >= window.Start))
        {
            keepers[EmergencyKeeper] = Iso(requested);
        }

        // Only a value the program generates is proven replaced by a new window; an issued or
        // operator-provided value is replaced by hand, and its emergency entry is the record of that.
        DateTimeOffset? lastRotation = definition.Production == SecretProduction.GeneratedByPulumi && window is not null
            ? Max(window.Start, emergency)
            : emergency;
        var expiryWindow = window ?? RotationWindow.Containing(now, SecretCatalogue.MaximumRotationDays);
        return new PlannedSecret(definition, window, expiryWindow, keepers, lastRotation);
    }

    private static DateTimeOffset? LatestEmergency(string name, IReadOnlyList<EmergencyRotation> emergencies) =>
        emergencies.Where(e => e.Name == name).Select(e => (DateTimeOffset?)e.RequestedAt).Max();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
