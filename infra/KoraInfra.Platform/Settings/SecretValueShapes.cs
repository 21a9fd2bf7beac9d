using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Judges a value by its shape alone: the well-known forms of credentials (a private key, a URL
/// or connection string carrying a password, a token with a vendor's prefix), and long random
/// strings that look like keys. Each answer says why, in words that never repeat the value.
/// </summary>
internal static partial class SecretValueShapes
{
    private const int MinRandomLength = 24;
    private const int MaxTokenLength = 4096;

    /// <summary>Why <paramref name="value"/> looks like a credential, or null when its shape says nothing.</summary>
    /// <remarks>
    /// Each form's regex runs only when the value holds what that form cannot do without (its
    /// marker, its length): most values of a stack (a log level, a port, a tenant's number) hold
    /// none of it and are judged without a regex. The guards only skip a regex that cannot
    /// match, so the answer is the same; the first use of any regex of this assembly also builds
    /// the search tables of all of them, milliseconds a short report need not spend.
    /// </remarks>
    public static string? Recognise(string value, string keyName)
    {
        ArgumentNullException.ThrowIfNull(value);
        var clues = new ValueClues(value);
        if (clues.HasPemMarker && PemPrivateKey().IsMatch(value))
        {
            return "it holds a PEM private key block";
        }

        if (clues.HasSchemeSeparator && clues.HasAt && UrlCredentials().Match(value) is { Success: true } url && !IsReference(url.Groups["password"].Value))
        {
            return "it is a URL with a password in it (scheme://user:password@host)";
        }

        if (clues.HasEquals && ConnectionStringSecret().Match(value) is { Success: true } field && !IsReference(field.Groups["value"].Value))
        {
            return $"it is a connection string with {field.Groups["field"].Value}=";
        }

        if (clues.HasJwtStart && Jwt().IsMatch(value))
        {
            return "it is a JSON Web Token";
        }

        if (value.Length >= MinVendorTokenLength && VendorToken().Match(value) is { Success: true } token)
        {
            return $"it has the form of {VendorOf(token.Value)}";
        }

        if (value.Length is AzureStorageKeyLength or AzureStorageKeyLength + 1 && AzureStorageKey().IsMatch(value))
        {
            return "it has the form of an Azure storage account key (88 base64 characters)";
        }

        if (value.Length >= MinRandomLength)
        {
            foreach (var candidate in Tokens().Matches(value).Select(m => m.Value))
            {
                if (RandomShape(candidate, keyName) is { } random)
                {
                    return random;
                }
            }
        }

        return null;
    }

    // The shortest vendor token VendorToken matches: "xoxb-" and ten characters.
    internal const int MinVendorTokenLength = 15;

    // AzureStorageKey's 86 base64 characters and "==" (and a final newline, which '$' allows).
    private const int AzureStorageKeyLength = 88;

    /// <summary>
    /// The markers the credential forms are recognised by, found in one plain pass over the
    /// value: a PEM block's dashes, a URL's "://" and '@', a connection string's '=', a JWT's
    /// "eyJ".
    /// </summary>
    private readonly ref struct ValueClues
    {
        public ValueClues(string value)
        {
            var dashes = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                dashes = c == '-' ? dashes + 1 : 0;
                HasPemMarker |= dashes == 5;
                HasAt |= c == '@';
                HasEquals |= c == '=';
                HasSchemeSeparator |= c == ':' && i + 2 < value.Length && value[i + 1] == '/' && value[i + 2] == '/';
                HasJwtStart |= c == 'e' && i + 2 < value.Length && value[i + 1] == 'y' && value[i + 2] == 'J';
            }
        }

        public bool HasPemMarker { get; }

        public bool HasAt { get; }

        public bool HasEquals { get; }

        public bool HasSchemeSeparator { get; }

        public bool HasJwtStart { get; }
    }

    /// <summary>
    /// Whether a value is plainly a setting rather than a credential: a number, a duration or size,
    /// a flag, a path, a URL without credentials, an id, or a reference to where a secret lives.
    /// </summary>
    public static bool IsPlainSetting(string value)
    {
        var text = value.Trim();
        return text.Length == 0
            || PlainSetting().IsMatch(text)
            || Guid.TryParse(text, out _)
            || IsReference(text)
            || ((text.StartsWith('/') || text.StartsWith("./", StringComparison.Ordinal)) && !text.Any(char.IsWhiteSpace))
            || (text.Contains("://", StringComparison.Ordinal) && !UrlCredentials().IsMatch(text) && !text.Any(char.IsWhiteSpace));
    }

    // ${VAR}, $(VAR) and vault references name where a secret lives.
    private static bool IsReference(string text) => Reference().IsMatch(text);

    private static string? RandomShape(string token, string keyName)
    {
        if (token.Length < MinRandomLength || token.Length > MaxTokenLength
            || IsPlainSetting(token)
            || token.StartsWith('/')
            || token.Contains("://", StringComparison.Ordinal)
            || IsDigest(token)
            || HostName().IsMatch(token)
            || IsSeparatedIdentifier(token))
        {
            return null;
        }

        var digits = token.Count(char.IsAsciiDigit);
        var letters = token.Count(char.IsAsciiLetter);
        if (Hex().IsMatch(token))
        {
            // Commit ids and content digests are long hex too; a key under such a name is not judged here.
            return token.Length >= 32 && digits > 0 && letters > 0 && !NamesDigest(keyName)
                ? $"it is a long hexadecimal string ({token.Length} characters), the form of a key"
                : null;
        }

        var entropy = ShannonEntropy(token);
        var mixed = (token.Any(char.IsAsciiLetterUpper) && token.Any(char.IsAsciiLetterLower))
            || token.Contains('+', StringComparison.Ordinal) || token.Contains('=', StringComparison.Ordinal)
            || digits * 5 >= token.Length;
        return entropy >= 3.6 && (digits >= 2 || IsLongBase64(token)) && letters > 0 && mixed
            ? $"it is a high-entropy string ({token.Length} characters, {entropy:0.0} bits per character), the form of a generated key or token"
            : null;
    }

    // Two digits are asked of a short random-looking string, so a mixed-case identifier is not
    // taken for a key. A generated key in base64 is random: about one 48-character key in 400 has
    // fewer than two digits. So a long one (40 characters or more) in both cases, of nothing but
    // the base64 alphabet and with a digit, '+' or '=' in it, is a key whatever its digits.
    private static bool IsLongBase64(string token)
    {
        if (token.Length < 40)
        {
            return false;
        }

        bool upper = false, lower = false, other = false;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c) || c is '+' or '=')
            {
                other = true;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper = true;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower = true;
            }
            else if (c != '/')
            {
                return false;
            }
        }

        return upper && lower && other;
    }

    // "kora-tools-1.4.0-2a1e2cd9f8b7", "N8N_RUNNERS_AUTH_TOKEN_FILE": words joined by separators,
    // none long enough to be a key on its own.
    private static bool IsSeparatedIdentifier(string token)
    {
        // Not '/': base64 keys hold it, and a key cut at each '/' would pass for words.
        // A loop, not Max(): LINQ's Max over int is JIT-compiled at start-up (ReadyToRun cannot precompile it).
        var segments = token.Split(['-', '_', '.', ':', '@'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (segment.Length >= 16)
            {
                return false;
            }
        }

        return true;
    }

    private static double ShannonEntropy(string text)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in text)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        return -counts.Values.Sum(n => (double)n / text.Length * Math.Log2((double)n / text.Length));
    }

    private static string VendorOf(string token) => token switch
    {
        _ when token.StartsWith("AKIA", StringComparison.Ordinal) || token.StartsWith("ASIA", StringComparison.Ordinal) => "an AWS access key id",
        _ when token.StartsWith("xox", StringComparison.Ordinal) => "a Slack token",
        _ when token.StartsWith("sk_live_", StringComparison.Ordinal) => "a Stripe secret key",
        _ when token.StartsWith("glpat-", StringComparison.Ordinal) => "a GitLab token",
        _ => "a GitHub token",
    };

    // Built when first needed (LazyRegex): a long literal, and run only on a value with a PEM marker.
    private static readonly LazyRegex PemPrivateKeyPattern = new("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----");

    private static Regex PemPrivateKey() => PemPrivateKeyPattern.Value;

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*:(?<password>[^/\s@]+)@[^\s/]")]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?i)(?:^|[;,\s])(?<field>password|pwd|accountkey|sharedaccesskey|sharedaccesssignature|client_secret|clientsecret)\s*=\s*(?<value>[^;,\s]+)")]
    private static partial Regex ConnectionStringSecret();

    // Built when first needed (LazyRegex): run only on a value with "eyJ" in it.
    private static readonly LazyRegex JwtPattern = new(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*");

    private static Regex Jwt() => JwtPattern.Value;

    [GeneratedRegex(@"\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}\b|(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{22,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|glpat-[A-Za-z0-9_-]{20,})")]
    private static partial Regex VendorToken();

    [GeneratedRegex(@"^[A-Za-z0-9+/]{86}==$")]
    private static partial Regex AzureStorageKey();

    [GeneratedRegex(@"[^\s""'`,;()\[\]{}<>]+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"(?i)^(-?\d+(\.\d+)?([eE][+-]?\d+)?|\d+(\.\d+)?(ns|us|ms|s|m|h|d|w|y|ki|mi|gi|ti|k|kb|mb|gb|%)|true|false|yes|no|on|off|enabled|disabled|none|null|required|optional|auto|strict)$")]
    private static partial Regex PlainSetting();

    [GeneratedRegex(@"^(\$\{[^}]+\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|@Microsoft\.KeyVault\(.+\)|(azurekeyvault|vault|secretref|keyvault)://\S+)$")]
    private static partial Regex Reference();

    // Digest's and DigestKeyName's words, for ASCII text (AsciiWords).
    private static readonly string[] DigestAlgorithms = ["sha256", "sha384", "sha512", "sha1"];

    private static readonly string[] DigestWords = ["sha", "digest", "commit", "hash", "checksum", "revision", "etag", "fingerprint"];

    internal static bool IsDigest(string token) =>
        AsciiWords.IsAscii(token) ? AsciiWords.ContainsAnyFollowedByHex(token, DigestAlgorithms, ':', 16) : Digest().IsMatch(token);

    internal static bool NamesDigest(string keyName) =>
        AsciiWords.IsAscii(keyName) ? AsciiWords.ContainsAny(keyName, DigestWords) : DigestKeyName().IsMatch(keyName);

    // Built when first needed (LazyRegex): AsciiWords answers for ASCII text.
    private static readonly LazyRegex DigestPattern = new(@"(?i)(sha256|sha384|sha512|sha1):[0-9a-f]{16,}");

    internal static Regex Digest() => DigestPattern.Value;

    [GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^([0-9a-f]+|[0-9A-F]+)$")]
    private static partial Regex Hex();

    // Built when first needed (LazyRegex): AsciiWords answers for ASCII names.
    private static readonly LazyRegex DigestKeyNamePattern = new("(?i)(sha|digest|commit|hash|checksum|revision|etag|fingerprint)");

    internal static Regex DigestKeyName() => DigestKeyNamePattern.Value;
}
