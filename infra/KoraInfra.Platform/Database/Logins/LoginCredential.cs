namespace KoraInfra.Platform.Database.Logins;

/// <summary>A login slot and its password, as a consumer reads them from the vault.</summary>
/// <param name="Username">The login slot.</param>
/// <param name="Password">Its current password.</param>
public sealed record LoginCredential(string Username, string Password)
{
    /// <inheritdoc />
    public override string ToString() => $"{Username} (password hidden)";
}
