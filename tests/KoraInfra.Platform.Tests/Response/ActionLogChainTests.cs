using KoraInfra.Platform.Response;

namespace KoraInfra.Platform.Tests.Response;

public sealed class ActionLogChainTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 10, 12, 0, 0, TimeSpan.Zero);

    private static List<ActionLogEntry> Chain(int count)
    {
        var entries = new List<ActionLogEntry>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(ActionLogChain.Append(entries.LastOrDefault(), new ActionLogEntry { Sequence = 0, At = At.AddMinutes(i), Who = "responder", Action = "safe_mode", Tenant = Alerts.TenantA, Incident = i, Why = "no-ack-15-min" }));
        }

        return entries;
    }

    [Fact]
    public void An_intact_chain_verifies()
    {
        var entries = Chain(3);

        Assert.Empty(ActionLogChain.Verify(entries));
        Assert.Equal(new string('0', 64), entries[0].Previous);
        Assert.Equal(entries[1].Hash, entries[2].Previous);
    }

    [Fact]
    public void An_edit_a_deletion_and_a_reordering_are_each_caught()
    {
        var edited = Chain(3);
        edited[1] = edited[1] with { Who = "mallory" };
        Assert.Contains(ActionLogChain.Verify(edited), p => p.Contains("entry 2: its content does not match its hash", StringComparison.Ordinal));

        var deleted = Chain(3);
        deleted.RemoveAt(1);
        Assert.Contains(ActionLogChain.Verify(deleted), p => p.Contains("deleted", StringComparison.Ordinal));

        var reordered = Chain(3);
        (reordered[0], reordered[1]) = (reordered[1], reordered[0]);
        Assert.NotEmpty(ActionLogChain.Verify(reordered));
    }
}
