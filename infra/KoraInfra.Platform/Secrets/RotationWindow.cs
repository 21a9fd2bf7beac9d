using System.Globalization;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// The stretch of time one value of a secret lives in. Windows are whole UTC days, counted from
/// the Unix epoch in steps of the rotation period, so every machine, time zone and run computes
/// the same window for the same instant, and a leap day is simply one more day.
/// </summary>
/// <param name="Start">The first instant of the window (UTC midnight).</param>
/// <param name="PeriodDays">The rotation period, which is the window's length in days.</param>
public sealed record RotationWindow(DateTimeOffset Start, int PeriodDays)
{
    private static readonly DateOnly Epoch = new(1970, 1, 1);

    /// <summary>The first instant after the window: the value's expiry, and the next window's start.</summary>
    public DateTimeOffset End => Start.AddDays(PeriodDays);

    /// <summary>
    /// The window's identity, e.g. <c>p30-20261118</c>. It is the keeper of a generated secret:
    /// when it changes, the next <c>up</c> generates a new value.
    /// </summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"p{PeriodDays}-{Start:yyyyMMdd}");

    /// <summary>The expiry in Unix seconds, as Key Vault's <c>exp</c> attribute holds it.</summary>
    public long ExpiresUnixSeconds => End.ToUnixTimeSeconds();

    /// <summary>Whether the instant falls inside the window (start inclusive, end exclusive).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The window of a <paramref name="periodDays"/>-day rotation that contains <paramref name="instant"/>.</summary>
    public static RotationWindow Containing(DateTimeOffset instant, int periodDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodDays, 1);
        var utcDay = DateOnly.FromDateTime(instant.UtcDateTime);
        var days = utcDay.DayNumber - Epoch.DayNumber;
        ArgumentOutOfRangeException.ThrowIfNegative(days, nameof(instant));
        var start = Epoch.AddDays(days / periodDays * periodDays);
        return new RotationWindow(new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), periodDays);
    }
}
