using KoraInfra.Platform.Secrets;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

public sealed class RotationWindowTests
{
    [Theory]
    [InlineData(30, "2026-11-03", "2026-12-03", "p30-20261103")]
    [InlineData(90, "2026-09-04", "2026-12-03", "p90-20260904")]
    public void Windows_are_whole_utc_days_counted_from_the_unix_epoch(int period, string start, string end, string id)
    {
        var window = RotationWindow.Containing(Utc(2026, 11, 29, 13, 45), period);

        Assert.Equal(DateTimeOffset.Parse(start + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), window.Start);
        Assert.Equal(DateTimeOffset.Parse(end + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), window.End);
        Assert.Equal(id, window.Id);
        Assert.Equal(window.End.ToUnixTimeSeconds(), window.ExpiresUnixSeconds);
    }

    [Fact]
    public void The_boundary_instant_opens_the_next_window_and_the_tick_before_closes_the_previous()
    {
        var boundary = Utc(2026, 12, 3);

        var before = RotationWindow.Containing(boundary.AddTicks(-1), 30);
        var at = RotationWindow.Containing(boundary, 30);

        Assert.Equal(boundary, before.End);
        Assert.Equal(boundary, at.Start);
        Assert.False(before.Contains(boundary));
        Assert.True(at.Contains(boundary));
        Assert.NotEqual(before.Id, at.Id);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(90)]
    public void Across_a_leap_day_windows_stay_contiguous_and_exactly_one_period_long(int period)
    {
        RotationWindow? previous = null;
        for (var instant = Utc(2027, 12, 1); instant < Utc(2028, 6, 1); instant = instant.AddHours(7))
        {
            var window = RotationWindow.Containing(instant, period);

            Assert.True(window.Contains(instant));
            Assert.Equal(TimeSpan.FromDays(period), window.End - window.Start);
            Assert.Equal(TimeSpan.Zero, window.Start.Offset);
            Assert.Equal(TimeSpan.Zero, window.Start.TimeOfDay);
            if (previous is not null && previous.Id != window.Id)
            {
                Assert.Equal(previous.End, window.Start);
            }

            previous = window;
        }
    }

    [Fact]
    public void The_leap_day_belongs_to_the_window_that_started_before_it()
    {
        var window = RotationWindow.Containing(Utc(2028, 2, 29, 12), 30);

        Assert.Equal(Utc(2028, 2, 26), window.Start);
        Assert.Equal(Utc(2028, 3, 27), window.End);
        Assert.Equal(window, RotationWindow.Containing(Utc(2028, 3, 26, 23, 59), 30));
    }

    [Fact]
    public void The_same_instant_in_any_time_zone_falls_in_the_same_window()
    {
        var utc = Utc(2026, 12, 2, 23, 30);
        var saoPaulo = utc.ToOffset(TimeSpan.FromHours(-3));
        var tokyo = utc.ToOffset(TimeSpan.FromHours(9));

        Assert.Equal(RotationWindow.Containing(utc, 30), RotationWindow.Containing(saoPaulo, 30));
        Assert.Equal(RotationWindow.Containing(utc, 30), RotationWindow.Containing(tokyo, 30));
    }

    [Fact]
    public void Windows_are_anchored_in_utc_not_in_the_local_calendar_day()
    {
        // 08:30 on 3 December in Tokyo is still 2 December in UTC: the old window.
        var tokyoMorning = new DateTimeOffset(2026, 12, 3, 8, 30, 0, TimeSpan.FromHours(9));
        // 22:00 on 2 December in Sao Paulo is already 3 December in UTC: the new window.
        var saoPauloEvening = new DateTimeOffset(2026, 12, 2, 22, 0, 0, TimeSpan.FromHours(-3));

        Assert.Equal(Utc(2026, 11, 3), RotationWindow.Containing(tokyoMorning, 30).Start);
        Assert.Equal(Utc(2026, 12, 3), RotationWindow.Containing(saoPauloEvening, 30).Start);
    }

    [Fact]
    public void A_period_below_one_day_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RotationWindow.Containing(Utc(2026, 1, 1), 0));
    }
}
