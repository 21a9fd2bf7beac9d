using System.Security.Cryptography;
using System.Text;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Release;

/// <summary>
/// The check the program runs before it declares anything: a stack that requires a release
/// manifest (staging, prod) deploys only a manifest that verifies with the release key and names
/// that stack. This is what makes a direct <c>pulumi up</c> of prod impossible (risk R-DO-002).
/// </summary>
public static class ReleaseAdmission
{
    /// <summary>
    /// Returns the admitted release, null for a stack that needs none (dev), or throws
    /// <see cref="ReleaseRefusedException"/> saying why the deploy is refused.
    /// </summary>
    /// <param name="settings">The validated stack settings.</param>
    /// <param name="readProjectFile">Reads a file relative to the project directory; null when it does not exist.</param>
    /// <param name="environment">Reads an environment variable (the verification key, <see cref="ReleaseSigningKey.VerificationKeyVariable"/>).</param>
    public static AdmittedRelease? Admit(StackSettings settings, Func<string, string?> readProjectFile, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(readProjectFile);
        ArgumentNullException.ThrowIfNull(environment);
        var stack = settings.Environment.StackName;
        if (!settings.Environment.RequiresReleaseManifest)
        {
            return null;
        }

        const string Nothing = "nothing was declared";
        if (settings.ReleaseManifestPath is not { } path)
        {
            throw new ReleaseRefusedException(
                $"stack '{stack}' deploys only a signed release manifest and 'kora-infra:release' is not set; {Nothing}. " +
                $"Deploy {stack} through the pipeline ('kora promote' sets it after the gates pass); a direct deploy is refused.");
        }

        var envelope = readProjectFile(path)
            ?? throw new ReleaseRefusedException($"stack '{stack}': the release manifest '{path}' named by 'kora-infra:release' does not exist; {Nothing}");

        ECDsa key;
        try
        {
            key = ReleaseSigningKey.Load(null, ReleaseSigningKey.VerificationKeyVariable, environment);
        }
        catch (ReleaseKeyException ex)
        {
            throw new ReleaseRefusedException($"stack '{stack}': cannot verify '{path}': {ex.Message}; {Nothing}", ex);
        }

        using (key)
        {
            var verification = ReleaseManifestVerifier.Verify(envelope, key, stack);
            if (verification.Manifest is not { } manifest)
            {
                throw new ReleaseRefusedException($"stack '{stack}': the release manifest '{path}' is refused: {verification.Refusal}; {Nothing}");
            }

            var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(envelope)));
            return new AdmittedRelease(manifest, path, digest);
        }
    }
}
