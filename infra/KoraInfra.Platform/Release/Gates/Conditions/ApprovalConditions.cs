using System.Globalization;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>The moment what is approved came to exist: an approval given before it approved something else.</summary>
/// <param name="At">When it came to exist.</param>
/// <param name="What">What it is, for messages (e.g. "RC v1.4.0-rc.2 was admitted (audit entry 3)").</param>
public sealed record ApprovalBaseline(DateTimeOffset At, string What);

/// <summary>
/// Who approved: each required role by a person of its own, never the promoter, and each approval
/// dated after what it approves exists, not in the future, and within the stack's window.
/// </summary>
public static class ApprovalConditions
{
    /// <summary>The id of the one-person-one-role condition.</summary>
    public const string DistinctId = "distinct-approvers";

    /// <summary>One condition per role (<c>&lt;prefix&gt;.&lt;role&gt;</c>), then <see cref="DistinctId"/>.</summary>
    public static IReadOnlyList<GateCondition> Evaluate(
        string idPrefix,
        IReadOnlyList<ApprovalRole> roles,
        IReadOnlyList<Approval> approvals,
        GateContext context,
        ApprovalBaseline? baseline,
        string requirement)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(approvals);
        ArgumentNullException.ThrowIfNull(context);
        var conditions = new List<GateCondition>();
        var valid = new List<Approval>();
        foreach (var role in roles)
        {
            var name = ConditionChecks.RoleNames[role];
            var given = approvals.Where(a => a.Role == role).ToList();
            var rejections = given.Select(a => (Approval: a, Why: Rejection(a, context, baseline))).ToList();
            var accepted = rejections.Where(r => r.Why is null).Select(r => r.Approval).ToList();
            valid.AddRange(accepted);
            string? missing = (given.Count, accepted.Count) switch
            {
                (0, _) => $"an approval by role '{name}' (who and when)",
                (_, 0) => $"a valid approval by role '{name}': " + string.Join("; ", rejections.Select(r => r.Why)),
                _ => null,
            };
            conditions.Add(new GateCondition($"{idPrefix}.{name}", requirement, missing is null, missing));
        }

        var shared = valid
            .GroupBy(a => a.Who.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(a => a.Role).Distinct().Count() > 1)
            .Select(g => $"'{g.Key}' signs as {string.Join(" and ", g.Select(a => ConditionChecks.RoleNames[a.Role]).Distinct())}")
            .ToList();
        conditions.Add(new GateCondition(
            DistinctId,
            "cada papel aprovado por uma pessoa distinta",
            shared.Count == 0,
            shared.Count == 0 ? null : "a distinct person for each role: " + string.Join("; ", shared)));
        return conditions;
    }

    private static string? Rejection(Approval approval, GateContext context, ApprovalBaseline? baseline)
    {
        var who = approval.Who?.Trim() ?? string.Empty;
        var at = Iso(approval.At);
        if (who.Length == 0)
        {
            return "an approval that names nobody";
        }

        if (string.Equals(who, context.Promoter.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return $"'{who}' is the promoter, who cannot approve their own promotion";
        }

        if (approval.At > context.Now)
        {
            return $"'{who}' approved at {at}, in the future (now {Iso(context.Now)})";
        }

        if (context.Now - approval.At > context.ApprovalWindow)
        {
            return $"'{who}' approved at {at}, older than the {context.ApprovalWindow.TotalHours.ToString(CultureInfo.InvariantCulture)} h approval window";
        }

        if (baseline is not null && approval.At < baseline.At)
        {
            return $"'{who}' approved at {at}, before {baseline.What} at {Iso(baseline.At)}";
        }

        return null;
    }

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
