using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Reads <c>kora-infra:promotion</c> (<c>auditLog</c>, <c>approvalWindowHours</c>): required in
/// the stacks that deploy from release manifests, refused in dev, which is never promoted into.
/// </summary>
internal static partial class PromotionSettingsReader
{
    /// <summary>The key, under <c>kora-infra:</c>.</summary>
    public const string Key = "promotion";

    /// <summary>The longest approval window a stack may set: 30 days.</summary>
    public const int MaximumWindowHours = 720;

    public static PromotionSettings? Read(SettingsReader reader, EnvironmentProfile profile)
    {
        if (!profile.RequiresReleaseManifest)
        {
            if (reader.Has(Key))
            {
                reader.Problem(Key, "promotion settings for a stack nobody promotes into", $"no '{reader.KeyOf(Key)}' in {profile.StackName}: only staging and prod are promoted into");
            }

            reader.Accept(Key);
            return null;
        }

        var promotion = reader.Mapping(Key, required: true);
        if (promotion is null)
        {
            return null;
        }

        var log = promotion.String(
            "auditLog",
            required: true,
            v => LogPath().IsMatch(v) && !v.Split('/').Contains(".."),
            "a relative path inside the project ending in '.jsonl', such as 'audit/deploy-audit.jsonl'");
        var hours = promotion.Integer("approvalWindowHours", required: true, 1, MaximumWindowHours);
        promotion.RejectUnread(["auditLog", "approvalWindowHours"]);
        return log is null || hours is null ? null : new PromotionSettings(log, TimeSpan.FromHours(hours.Value));
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\.jsonl$")]
    private static partial Regex LogPath();
}
