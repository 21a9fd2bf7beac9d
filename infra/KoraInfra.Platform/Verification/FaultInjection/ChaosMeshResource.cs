using KoraInfra.Platform.Monitoring;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// A Chaos Mesh custom resource (<c>chaos-mesh.org/v1alpha1</c>) as data: what <c>kubectl apply</c>
/// creates to start an experiment and <c>kubectl delete</c> removes to end it.
/// </summary>
/// <param name="Kind">The resource kind (<c>PodChaos</c>, <c>NetworkChaos</c>).</param>
/// <param name="Name">The resource name: the experiment and its run, so two runs never collide.</param>
/// <param name="Namespace">Where the resource lives: the workload namespace it acts on.</param>
/// <param name="Labels">Labels that mark it as KoraOS's and name the experiment.</param>
/// <param name="Spec">The experiment's <c>spec</c>.</param>
public sealed record ChaosMeshResource(string Kind, string Name, string Namespace, IReadOnlyDictionary<string, string> Labels, YamlMap Spec)
{
    /// <summary>The API group and version of every Chaos Mesh experiment.</summary>
    public const string ApiVersion = "chaos-mesh.org/v1alpha1";

    /// <summary>The whole document.</summary>
    public YamlMap Document
    {
        get
        {
            var labels = new YamlMap();
            foreach (var (key, value) in Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                labels.Add(key, value);
            }

            return new YamlMap
            {
                { "apiVersion", ApiVersion },
                { "kind", Kind },
                { "metadata", new YamlMap { { "name", Name }, { "namespace", Namespace }, { "labels", labels } } },
                { "spec", Spec },
            };
        }
    }

    /// <summary>The YAML <c>kubectl apply -f -</c> reads.</summary>
    public string ToYaml() => YamlRendering.Render(Document, $"Chaos Mesh experiment {Name}, rendered by kora drill chaos");
}
