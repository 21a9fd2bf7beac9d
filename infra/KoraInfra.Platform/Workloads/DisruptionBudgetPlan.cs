namespace KoraInfra.Platform.Workloads;

/// <summary>A PodDisruptionBudget: how many pods a voluntary disruption (node drain) may take at once.</summary>
/// <param name="Name">The budget's name.</param>
/// <param name="Selector">The pods it protects.</param>
/// <param name="MaxUnavailable">Pods that may be down at once.</param>
public sealed record DisruptionBudgetPlan(string Name, IReadOnlyDictionary<string, string> Selector, int MaxUnavailable);
