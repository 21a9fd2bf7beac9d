using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// Webhook URLs carry tokens, so they never appear in a rendered file: each is a Key Vault secret
/// (named by <c>urlSecretName</c>) mounted into the Alertmanager pod by the Secrets Store CSI
/// driver, one file per secret, and Alertmanager reads it with <c>url_file</c>.
/// </summary>
public static class ReceiverSecrets
{
    /// <summary>Where the vault secrets are mounted in the Alertmanager container.</summary>
    public const string MountPath = "/etc/alertmanager/receiver-urls";

    /// <summary>The file holding a webhook receiver's URL.</summary>
    public static string FileFor(string urlSecretName) => $"{MountPath}/{urlSecretName}";

    /// <summary>The distinct vault secrets the receivers need, sorted.</summary>
    public static IReadOnlyList<string> SecretNames(IEnumerable<AlertReceiverSettings> receivers) =>
        receivers.Select(r => r.UrlSecretName).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}
