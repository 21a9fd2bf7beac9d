using System.Globalization;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Verification.Load;
using KoraInfra.Platform.Verification.Restore;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Reads <c>kora-infra:verification</c> (<c>targetUrl</c>, <c>restore</c>, <c>load</c>, <c>soak</c>):
/// required in the stack that runs the staging checks, refused elsewhere (dev runs none; prod's
/// come from the promoted artifact's staging records).
/// </summary>
internal static class VerificationSettingsReader
{
    /// <summary>The key, under <c>kora-infra:</c>.</summary>
    public const string Key = "verification";

    /// <summary>The longest load or soak run a stack may ask for: one day.</summary>
    public const int MaximumDurationMinutes = 1440;

    /// <summary>The highest arrival rate a stack may ask for, per second.</summary>
    public const int MaximumRatePerSecond = 10_000;

    /// <summary>Whether a stack runs the checks itself (staging), rather than reading their records.</summary>
    public static bool RunsChecks(EnvironmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.MandatoryChecks.Contains(MandatoryCheck.RestoreDrill) && !profile.ChecksRunOnPromotedArtifact;
    }

    public static VerificationSettings? Read(SettingsReader reader, EnvironmentProfile profile)
    {
        if (!RunsChecks(profile))
        {
            if (reader.Has(Key))
            {
                reader.Problem(Key, $"verification settings in {profile.StackName}, which runs no staging check", $"no '{reader.KeyOf(Key)}' in {profile.StackName}: only staging runs the restore drill, load, soak and smoke");
            }

            reader.Accept(Key);
            return null;
        }

        var verification = reader.Mapping(Key, required: true);
        if (verification is null)
        {
            return null;
        }

        var url = verification.String("targetUrl", required: true, v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && u.Query.Length == 0 && u.UserInfo.Length == 0, "the https URL of the staging runtime the load, soak and smoke runs exercise, such as 'https://api.staging.example.com' (no credentials, no query)");
        var restore = ReadRestore(verification);
        var load = ReadProfile(verification, "load");
        var soak = ReadProfile(verification, "soak");
        verification.RejectUnread(["targetUrl", "restore", "load", "soak"]);
        if (load is not null && soak is not null && soak.Duration <= load.Duration)
        {
            verification.Problem("soak", $"durationMinutes {soak.Duration.TotalMinutes.ToString(CultureInfo.InvariantCulture)}, not longer than load's {load.Duration.TotalMinutes.ToString(CultureInfo.InvariantCulture)}", "a soak that lasts longer than the load run (that is what makes it a soak)");
            soak = null;
        }

        return url is null || restore is null || load is null || soak is null ? null : new VerificationSettings(new Uri(url), restore, load, soak);
    }

    private static RestoreTargets? ReadRestore(SettingsReader verification)
    {
        var restore = verification.Mapping("restore", required: true);
        if (restore is null)
        {
            return null;
        }

        var rpo = restore.Integer("rpoMinutes", required: true, 1, 1440);

        // The seed's P0 recovery SLA ("restaurar servico principal <= 60 min") is the ceiling.
        var rto = restore.Integer("rtoMinutes", required: true, 1, (int)Release.Gates.RecoveryObjectives.MaximumRto.TotalMinutes);
        restore.RejectUnread(["rpoMinutes", "rtoMinutes"]);
        return rpo is null || rto is null ? null : RestoreTargets.Checked(TimeSpan.FromMinutes(rpo.Value), TimeSpan.FromMinutes(rto.Value), restore.KeyOf("rtoMinutes"));
    }

    private static LoadProfile? ReadProfile(SettingsReader verification, string name)
    {
        var profile = verification.Mapping(name, required: true);
        if (profile is null)
        {
            return null;
        }

        var rate = profile.Integer("ratePerSecond", required: true, 1, MaximumRatePerSecond);
        var minutes = profile.Integer("durationMinutes", required: true, 1, MaximumDurationMinutes);
        var p95 = profile.Integer("p95Milliseconds", required: true, 1, 60_000);
        static bool IsFraction(string v) => double.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0 && d < 1;
        var errors = profile.String("errorRate", required: true, IsFraction, "a fraction from 0 to below 1, such as 0.01 for 1% of requests failing at most");
        profile.RejectUnread(["ratePerSecond", "durationMinutes", "p95Milliseconds", "errorRate"]);
        return rate is null || minutes is null || p95 is null || errors is null
            ? null
            : new LoadProfile(rate.Value, TimeSpan.FromMinutes(minutes.Value), p95.Value, double.Parse(errors, CultureInfo.InvariantCulture));
    }
}
