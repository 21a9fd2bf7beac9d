using System.Security.Cryptography;
using System.Text;

namespace KoraInfra.Responder;

/// <summary>A bearer token read from a file (re-read when the file changes, so a rotation needs no restart).</summary>
public sealed class BearerToken
{
    private readonly string _path;
    private readonly string _what;
    private byte[] _token = [];
    private DateTime _readAt;

    /// <summary>Reads the token; a missing or empty file is refused at start, naming it.</summary>
    public BearerToken(string path, string what)
    {
        _path = path;
        _what = what;
        Load();
    }

    /// <summary>Whether the request's <c>Authorization: Bearer</c> header carries the token (compared in constant time).</summary>
    public bool Admits(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (File.GetLastWriteTimeUtc(_path) != _readAt)
        {
            try
            {
                Load();
            }
            catch (InvalidOperationException)
            {
                // A rotation in progress: keep the token already read.
            }
        }

        var offered = Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(offered, _token);
    }

    private void Load()
    {
        if (!File.Exists(_path))
        {
            throw new InvalidOperationException($"the {_what} token file '{_path}' does not exist; expected a file holding the token (mounted from the vault)");
        }

        var token = File.ReadAllText(_path).Trim();
        if (token.Length < 16)
        {
            throw new InvalidOperationException($"the {_what} token file '{_path}' holds {token.Length} characters; expected a token of at least 16");
        }

        _token = Encoding.UTF8.GetBytes(token);
        _readAt = File.GetLastWriteTimeUtc(_path);
    }
}
