using System.Text;
using KoraInfra.Platform.Response;
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

    /// <summary>The name of the <c>SecretProviderClass</c> (and of the pod volume) that mounts them.</summary>
    public const string ProviderClassName = "alertmanager-receiver-urls";

    /// <summary>The file holding a webhook receiver's URL.</summary>
    public static string FileFor(string urlSecretName) => $"{MountPath}/{urlSecretName}";

    /// <summary>
    /// The distinct vault secrets the receivers need, sorted: every webhook URL, and the bearer
    /// token of the responder's receiver (its <c>credentials_file</c>), which every stack has.
    /// </summary>
    public static IReadOnlyList<string> SecretNames(IEnumerable<AlertReceiverSettings> receivers) =>
        receivers.Select(r => r.UrlSecretName).OfType<string>().Append(ResponderEndpoint.WebhookTokenSecretName).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The <c>spec</c> of the <c>secrets-store.csi.x-k8s.io/v1 SecretProviderClass</c>: the Azure
    /// provider reads each secret with workload identity (no pod identity, no stored credential)
    /// and writes it to a file named after the secret.
    /// </summary>
    /// <param name="vaultName">The stack's Key Vault.</param>
    /// <param name="tenantId">The Entra tenant of the vault.</param>
    /// <param name="clientId">The client id of the identity Alertmanager reads the vault as.</param>
    /// <param name="secretNames">The secrets to mount.</param>
    public static YamlMap ProviderClassSpec(string vaultName, string tenantId, string clientId, IReadOnlyList<string> secretNames)
    {
        ArgumentNullException.ThrowIfNull(secretNames);
        var objects = new StringBuilder("array:\n");
        foreach (var name in secretNames)
        {
            objects.Append("  - |\n    objectName: ").Append(name).Append("\n    objectType: secret\n");
        }

        return new YamlMap
        {
            { "provider", "azure" },
            {
                "parameters", new YamlMap
                {
                    { "usePodIdentity", "false" },
                    { "clientID", clientId },
                    { "keyvaultName", vaultName },
                    { "tenantId", tenantId },
                    { "objects", objects.ToString() },
                }
            },
        };
    }
}
