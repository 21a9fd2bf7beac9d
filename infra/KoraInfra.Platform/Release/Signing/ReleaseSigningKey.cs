using System.Security.Cryptography;

namespace KoraInfra.Platform.Release.Signing;

/// <summary>
/// ECDSA P-256 key material for release manifests, loaded from PEM at run time: a file the
/// pipeline writes from its vault, or an environment variable. Never from the repository; tests
/// generate keys as they run.
/// </summary>
public static class ReleaseSigningKey
{
    /// <summary>Environment variable holding the PEM private key the pipeline signs with.</summary>
    public const string SigningKeyVariable = "KORA_RELEASE_SIGNING_KEY";

    /// <summary>Environment variable holding the PEM public key the program and gates verify with.</summary>
    public const string VerificationKeyVariable = "KORA_RELEASE_VERIFY_KEY";

    /// <summary>Imports a PEM key (private or public) and checks it is on P-256.</summary>
    public static ECDsa FromPem(string pem, string origin)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            key.Dispose();
            throw new ReleaseKeyException($"{origin}: not a PEM EC key ({ex.Message.TrimEnd('.')}); expected an ECDSA P-256 key in PEM ('-----BEGIN PUBLIC KEY-----' or '-----BEGIN PRIVATE KEY-----')", ex);
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new ReleaseKeyException($"{origin}: not a usable EC key ({ex.Message.TrimEnd('.')}); expected an ECDSA P-256 key in PEM", ex);
        }

        if (key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw new ReleaseKeyException($"{origin}: the key is not on curve P-256; expected an ECDSA P-256 key");
        }

        return key;
    }

    /// <summary>
    /// Loads a key from a PEM file if one is named, else from an environment variable; a missing
    /// key is an error that says both ways to provide it.
    /// </summary>
    public static ECDsa Load(string? pemFile, string variable, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (pemFile is not null)
        {
            if (!File.Exists(pemFile))
            {
                throw new ReleaseKeyException($"key file '{pemFile}' does not exist; expected a PEM file written from the vault at run time");
            }

            return FromPem(File.ReadAllText(pemFile), $"key file '{pemFile}'");
        }

        var pem = environment(variable);
        return string.IsNullOrWhiteSpace(pem)
            ? throw new ReleaseKeyException($"no release key: pass a PEM file with --key-file or set {variable} (from the vault, never from the repository)")
            : FromPem(pem, $"environment variable {variable}");
    }

    /// <summary>The key id hint: SHA-256 of the public key's SubjectPublicKeyInfo, hex.</summary>
    public static string KeyId(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }
}
