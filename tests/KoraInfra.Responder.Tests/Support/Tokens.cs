using System.Security.Cryptography;

namespace KoraInfra.Responder.Tests.Support;

/// <summary>Bearer tokens generated at run time, written to files the way the vault mounts them.</summary>
internal sealed class Tokens : IDisposable
{
    public Tokens()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kora-responder-tokens-").FullName;
        Webhook = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Api = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        WebhookFile = Path.Combine(Directory, "webhook-token");
        ApiFile = Path.Combine(Directory, "api-token");
        File.WriteAllText(WebhookFile, Webhook + "\n");
        File.WriteAllText(ApiFile, Api + "\n");
    }

    public string Directory { get; }

    public string Webhook { get; }

    public string Api { get; }

    public string WebhookFile { get; }

    public string ApiFile { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
