namespace KoraInfra.Platform.Response;

/// <summary>One row of the seed's automatic-action table, as data.</summary>
/// <param name="Id">A stable id (the action log names it).</param>
/// <param name="Seed">The seed's words for the trigger and the action.</param>
/// <param name="AlertNames">The alerts it applies to; empty means any alert.</param>
/// <param name="Severity">The <c>severity</c> label the alert must carry.</param>
/// <param name="UnackedFor">When set, it applies only once the incident has gone this long without ACK.</param>
/// <param name="Actions">The actions, in order.</param>
public sealed record AutomaticActionRule(
    string Id,
    string Seed,
    IReadOnlyList<string> AlertNames,
    string Severity,
    TimeSpan? UnackedFor,
    IReadOnlyList<ActionKind> Actions);
