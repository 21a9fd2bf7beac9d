using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace KoraInfra.Platform.Tests.Secrets.RedisKeys;

/// <summary>
/// A real redis-server on a random loopback port, nothing persisted, for the rotation tests.
/// An administrator user (a password generated here) manages the ACL; the default user is off,
/// so every consumer must authenticate as the cache's users do.
/// </summary>
public sealed class ThrowawayRedis : IDisposable
{
    private const string AdminUser = "kora-admin";
    private readonly Process _server;
    private readonly string _adminPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public ThrowawayRedis()
    {
        Port = FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed: the Redis rotation tests need the Debian package redis-server (scripts/ci/install-rotation.sh installs it)", ex);
        }

        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        try
        {
            using var first = WaitForServer();
            first.Expect("OK", "ACL", "SETUSER", AdminUser, "on", ">" + _adminPassword, "~*", "&*", "+@all");
            first.Expect("OK", "ACL", "SETUSER", "default", "off");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port { get; }

    /// <summary>A connection authenticated as the administrator.</summary>
    public RespConnection Admin()
    {
        var connection = RespConnection.Open(Port);
        connection.Expect("OK", "AUTH", AdminUser, _adminPassword);
        return connection;
    }

    public void Dispose()
    {
        if (!_server.HasExited)
        {
            _server.Kill();
            _server.WaitForExit(5000);
        }

        _server.Dispose();
    }

    private RespConnection WaitForServer()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                var connection = RespConnection.Open(Port);
                connection.Expect("PONG", "PING");
                return connection;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
