using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Database.Logins;

/// <summary>
/// Which slot of each login carries the vault's current value. The slot alternates with every
/// change of value: every new rotation window and every emergency rotation flips it. It is
/// computed from the same settings and clock as the value itself, so the program hands consumers
/// the login and the password of the same rotation in the same <c>up</c>, and the rotation Job sets
/// exactly that password on exactly that slot.
/// </summary>
public static class LoginRotationPlan
{
    /// <summary>
    /// How long the previous value keeps logging in after a rotation: long enough for every
    /// consumer of the same <c>up</c> to restart with the new value (a rolling restart takes minutes)
    /// and for a consumer that missed it to reload on its next failed login; far shorter than the
    /// shortest rotation period (30 days), so a value never outlives its window by more than this.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(24);

    /// <summary>Each password-based login's rotation at <paramref name="now"/>.</summary>
    /// <exception cref="InvalidOperationException">A login's secret is not a scheduled, generated secret of the plan.</exception>
    public static IReadOnlyList<LoginRotation> For(IReadOnlyList<PlannedSecret> secrets, IReadOnlyList<EmergencyRotation> emergencies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(emergencies);
        return DatabaseLogin.All.Select(login =>
        {
            var secret = secrets.FirstOrDefault(s => s.Name == login.Secret)
                ?? throw new InvalidOperationException($"login {login.Group}: secret '{login.Secret}' is not in the plan");
            if (secret.Window is not { } window || secret.Definition.Production != SecretProduction.GeneratedByPulumi)
            {
                throw new InvalidOperationException($"login {login.Group}: secret '{login.Secret}' must be generated and rotated on schedule");
            }

            // One flip per window since the epoch, one per emergency rotation ever requested (each
            // changed the value once when it appeared; the stack file keeps them all as the trail).
            var windows = (long)((window.Start - DateTimeOffset.UnixEpoch).TotalDays / window.PeriodDays);
            var emergencyCount = emergencies.Where(e => e.Name == login.Secret && e.RequestedAt <= now).Select(e => e.RequestedAt).Distinct().Count();
            var current = (int)((windows + emergencyCount) % 2);
            var version = RotationRecords.Version(secret);
            return new LoginRotation(login, login.Slots[current], login.Slots[1 - current], version);
        }).ToList();
    }

    /// <summary>Each login's rotation for a stack's settings, at the time its secrets were planned.</summary>
    public static IReadOnlyList<LoginRotation> For(SecretsPlan plan, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        return For(plan.Secrets, settings.Secrets.EmergencyRotations, plan.PlannedAt);
    }
}
