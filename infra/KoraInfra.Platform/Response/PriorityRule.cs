namespace KoraInfra.Platform.Response;

/// <summary>One row of the priority mapping: an alert carrying <paramref name="Label"/> = <paramref name="Value"/> is an incident of <paramref name="Priority"/>.</summary>
/// <param name="Label">The alert label read.</param>
/// <param name="Value">The value it must have (exact match).</param>
/// <param name="Priority">The incident priority it means.</param>
public sealed record PriorityRule(string Label, string Value, Priority Priority);
