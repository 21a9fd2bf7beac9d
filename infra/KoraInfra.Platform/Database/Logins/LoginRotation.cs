namespace KoraInfra.Platform.Database.Logins;

/// <summary>
/// One login's rotation as a deployment plans it: the slot that carries the vault's current value
/// and the slot that keeps the previous one for the overlap.
/// </summary>
/// <param name="Login">The login.</param>
/// <param name="CurrentSlot">The slot consumers log in with from now on.</param>
/// <param name="PreviousSlot">The slot the previous value lives in, until the overlap ends.</param>
/// <param name="SecretVersion">What makes the value (the generator's keepers, e.g.
/// <c>window=p60-20261118</c>): a new version is a new value.</param>
public sealed record LoginRotation(DatabaseLogin Login, string CurrentSlot, string PreviousSlot, string SecretVersion)
{
    /// <summary>The rotation Job's argument for this login: <c>group:slot:version</c>.</summary>
    public string Argument => $"{Login.Group}:{CurrentSlot}:{SecretVersion}";

    /// <summary>Reads a rotation Job argument (<see cref="Argument"/>).</summary>
    /// <exception cref="FormatException">Not <c>group:slot:version</c> of a known login and one of its slots; the message says what would be right.</exception>
    public static LoginRotation Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var parts = argument.Split(':', 3);
        var expected = string.Join(", ", DatabaseLogin.All.Select(l => $"{l.Group}:{l.Slots[0]}|{l.Slots[1]}:<version>"));
        if (parts.Length != 3 || parts[2].Length == 0)
        {
            throw new FormatException($"'{argument}' is not group:slot:version; expected one of {expected}");
        }

        var login = DatabaseLogin.Find(parts[0]) ?? throw new FormatException($"'{parts[0]}' is not a password-based login; expected one of {string.Join(", ", DatabaseLogin.All.Select(l => l.Group))}");
        var slot = login.Slots.ToList().IndexOf(parts[1]);
        return slot < 0
            ? throw new FormatException($"'{parts[1]}' is not a slot of {login.Group}; expected {login.Slots[0]} or {login.Slots[1]}")
            : new LoginRotation(login, login.Slots[slot], login.Slots[1 - slot], parts[2]);
    }
}
