namespace KoraInfra.Platform.Tests.Secrets.RedisKeys;

/// <summary>
/// A consumer as the contract asks: it keeps the key it read and its connection; when a new
/// connection is refused (WRONGPASS) it reads the vault once more and connects again. The refusal
/// comes at AUTH, before any command, so no operation of the consumer fails.
/// </summary>
public sealed class ReloadingRedisConsumer(int port, Func<string> vault) : IDisposable
{
    private string _key = vault();
    private RespConnection? _connection;

    public int Reloads { get; private set; }

    public string? Run(params string[] command)
    {
        _connection ??= Connect();
        return _connection.Call(command);
    }

    /// <summary>The connection drops (a restart, a failover); the next command connects again.</summary>
    public void Drop()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Drop();

    private RespConnection Connect()
    {
        var connection = RespConnection.Open(port);
        try
        {
            connection.Call("AUTH", AclRedisKeyService.User, _key);
            return connection;
        }
        catch (Exception ex) when (ex is not RedisErrorException { IsRefusedLogin: true })
        {
            connection.Dispose();
            throw;
        }
        catch (RedisErrorException refused) when (refused.IsRefusedLogin)
        {
            connection.Dispose();
        }

        _key = vault();
        Reloads++;
        var again = RespConnection.Open(port);
        try
        {
            again.Call("AUTH", AclRedisKeyService.User, _key);
            return again;
        }
        catch
        {
            again.Dispose();
            throw;
        }
    }
}
