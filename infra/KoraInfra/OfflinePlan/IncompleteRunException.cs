namespace KoraInfra.OfflinePlan;

/// <summary>
/// The offline run finished with values still unknown: a resource without an id, an input or an
/// output that never resolved. The mock monitor silently drops unknown inputs (with their whole
/// enclosing object) and the SDK skips invokes whose arguments are unknown, so a snapshot of such
/// a run would show resources with properties missing, and policy verdicts computed over them.
/// </summary>
public sealed class IncompleteRunException : Exception
{
    /// <summary>Creates the exception for the unresolved values found.</summary>
    public IncompleteRunException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public IncompleteRunException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public IncompleteRunException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IncompleteRunException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each unresolved value: which resource, which id, input or output.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        $"the offline run left {problems.Count} value(s) unknown, so its resources would be missing the properties derived from them"
        + " (a mock that returned no id, or an invoke that was never called):"
        + string.Concat(problems.Select(p => $"{Environment.NewLine}  {p}"));
}
