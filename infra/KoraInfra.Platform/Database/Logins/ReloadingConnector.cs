using Npgsql;

namespace KoraInfra.Platform.Database.Logins;

/// <summary>
/// How a consumer survives a rotation it missed: when the server refuses its login (wrong
/// password after the overlap, or a slot locked NOLOGIN), it reloads the credential from the vault
/// once and logs in again. The refusal happens while connecting, before any transaction exists, so
/// the tenant's work runs on the reloaded connection and no transaction of it ever fails.
/// </summary>
/// <param name="connectionString">Where to connect, without user or password.</param>
/// <param name="load">Reads the current credential (from the vault, or the mounted Secret).</param>
public sealed class ReloadingConnector(string connectionString, Func<CancellationToken, Task<LoginCredential>> load)
{
    private LoginCredential? _credential;

    /// <summary>How many times the credential was read (the first read included).</summary>
    public int Loads { get; private set; }

    /// <summary>An open connection, with the credential reloaded once if the server refused it.</summary>
    /// <exception cref="PostgresException">The server refused the reloaded credential too, or failed otherwise.</exception>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        _credential ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await OpenWithAsync(_credential, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (IsLoginRefused(ex))
        {
            _credential = await LoadAsync(cancellationToken).ConfigureAwait(false);
            return await OpenWithAsync(_credential, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the server refused the login itself (28P01 wrong password, 28000 e.g. NOLOGIN).</summary>
    public static bool IsLoginRefused(PostgresException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification;
    }

    private async Task<LoginCredential> LoadAsync(CancellationToken cancellationToken)
    {
        Loads++;
        return await load(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenWithAsync(LoginCredential credential, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Username = credential.Username, Password = credential.Password };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
