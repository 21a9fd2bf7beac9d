using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>
/// Pending compromised credentials come out one per name, oldest report first and by name at the
/// same instant, from the plan and from the rotation records alike; a name the plan does not hold
/// and a secret never rotated stay pending.
/// </summary>
public sealed class PendingOrderTests
{
    private static readonly DateTimeOffset Reported = Utc(2026, 11, 20, 14, 30);

    private static readonly CompromisedCredentialReport[] Reports =
    [
        new("redis-access-key", Reported),
        new("n8n-encryption-key", Reported.AddHours(-1)),
        new("alert-superadmin-webhook-url", Reported),
        new("n8n-encryption-key", Reported.AddHours(-3)),
    ];

    [Fact]
    public void The_plan_lists_them_oldest_first_then_by_name()
    {
        var plan = SecretsPlan.For(With("prod", emergencies: [], reports: []), new FakeTimeProvider(Reported.AddHours(1)));

        var pending = CompromisedCredentialCheck.Pending(Reports, plan.Secrets);

        Assert.Equal(
            [("n8n-encryption-key", Reported.AddHours(-1)), ("alert-superadmin-webhook-url", Reported), ("redis-access-key", Reported)],
            pending.Select(p => (p.Name, p.ReportedAt)));
    }

    [Fact]
    public void A_name_the_plan_does_not_hold_stays_pending()
    {
        var plan = SecretsPlan.For(With("prod", emergencies: [], reports: []), new FakeTimeProvider(Reported.AddHours(1)));

        var pending = Assert.Single(CompromisedCredentialCheck.Pending([new CompromisedCredentialReport("retired-secret", Reported.AddDays(-400))], plan.Secrets));

        Assert.Equal("retired-secret", pending.Name);
    }

    [Fact]
    public void The_records_list_them_in_the_same_order()
    {
        var pending = RotationRecords.Pending(Reports, [new CredentialRotationRecord("n8n-encryption-key", "emergency", "vault", Reported.AddHours(-2))]);

        Assert.Equal(["n8n-encryption-key", "alert-superadmin-webhook-url", "redis-access-key"], pending.Select(p => p.Name));
    }
}
