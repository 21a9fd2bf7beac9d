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
}
