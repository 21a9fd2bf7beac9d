using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace KoraInfra.Components.Monitoring;

/// <summary>
/// The arguments of a custom resource whose body is a <c>spec</c> (PrometheusRule,
/// ServiceMonitor, PodMonitor, SecretProviderClass): the SDK's <see cref="CustomResourceArgs"/>
/// is abstract and meant to be extended with the resource's own fields.
/// </summary>
public sealed class KubernetesObjectArgs : CustomResourceArgs
{
    /// <summary>An object of the given API version and kind.</summary>
    public KubernetesObjectArgs(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    /// <summary>The object's <c>spec</c>.</summary>
    [Input("spec")]
    public InputMap<object>? Spec { get; set; }
}
