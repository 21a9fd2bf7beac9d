using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace KoraInfra.Platform.Tests.Secrets.RedisKeys;

/// <summary>
/// The Redis protocol (RESP2) over one TCP connection: just enough to authenticate, read and write,
/// and manage ACL users, so the tests see exactly what the server answers.
/// </summary>
public sealed class RespConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private RespConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _stream.ReadTimeout = 5000;
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    public static RespConnection Open(int port)
    {
        var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return new RespConnection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends a command; returns the reply as text, or throws <see cref="RedisErrorException"/> for an error reply.</summary>
    public string? Call(params string[] arguments)
    {
        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(request.ToString());
        _stream.Write(bytes);
        return Read();
    }

    public void Expect(string reply, params string[] arguments)
    {
        var actual = Call(arguments);
        if (actual != reply)
        {
            throw new InvalidOperationException($"{arguments[0]} answered '{actual}', expected '{reply}'");
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _client.Dispose();
    }

    private string? Read()
    {
        var line = _reader.ReadLine() ?? throw new IOException("the server closed the connection");
        switch (line[0])
        {
            case '+':
            case ':':
                return line[1..];
            case '-':
                throw new RedisErrorException(line[1..]);
            case '$':
                var length = int.Parse(line[1..], CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }

                var buffer = new char[length];
                var read = 0;
                while (read < length)
                {
                    read += _reader.Read(buffer, read, length - read);
                }

                _reader.ReadLine();
                return new string(buffer);
            case '*':
                var count = int.Parse(line[1..], CultureInfo.InvariantCulture);
                var items = new List<string?>();
                for (var i = 0; i < count; i++)
                {
                    items.Add(Read());
                }

                return string.Join('\n', items);
            default:
                throw new IOException($"not a RESP reply: '{line}'");
        }
    }
}

/// <summary>An error reply of the server (WRONGPASS, NOAUTH, ...).</summary>
public sealed class RedisErrorException(string message) : Exception(message)
{
    public bool IsRefusedLogin => Message.StartsWith("WRONGPASS", StringComparison.Ordinal);
}
