using CsCheck;
using KoraInfra.Platform.Secrets;

namespace KoraInfra.Platform.Tests.Properties;

/// <summary>Rotation windows tile time: every instant is in exactly one window of each period.</summary>
public sealed class RotationWindowProperties
{
    private static readonly long From = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
    private static readonly long To = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    [Fact]
    public void The_window_containing_an_instant_contains_it_is_whole_days_and_meets_its_neighbours()
    {
        Gen.Select(Gen.Long[From, To], Gen.Int[1, 366], Gen.Int[-14 * 60, 14 * 60])
            .Sample(t =>
            {
                var (ticks, period, offsetMinutes) = t;
                var utc = new DateTimeOffset(ticks, TimeSpan.Zero);

                // The same instant written in any time zone lands in the same window.
                var local = utc.ToOffset(TimeSpan.FromMinutes(offsetMinutes));
                var window = RotationWindow.Containing(local, period);

                Assert.True(window.Contains(utc));
                Assert.Equal(window, RotationWindow.Containing(utc, period));
                Assert.Equal(TimeSpan.Zero, window.Start.TimeOfDay);
                Assert.Equal(TimeSpan.FromDays(period), window.End - window.Start);
                Assert.Equal(window, RotationWindow.Containing(window.Start, period));
                Assert.Equal(window, RotationWindow.Containing(window.End.AddTicks(-1), period));
                Assert.Equal(window.End, RotationWindow.Containing(window.End, period).Start);
                Assert.NotEqual(window.Id, RotationWindow.Containing(window.End, period).Id);
            });
    }
}
