namespace KoraInfra.Platform.Input;

/// <summary>
/// An input refused before it was interpreted: too large, too deep, too many values, not UTF-8.
/// A user mistake (or a hostile file), never a defect: the message says which input, where, what
/// was found and what would be right.
/// </summary>
public sealed class InputRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public InputRefusedException(InputProblem problem)
        : base(problem?.ToString())
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>Creates the refusal from its parts.</summary>
    public InputRefusedException(string source, int? line, string found, string expected)
        : this(new InputProblem(source, line, found, expected))
    {
    }

    /// <summary>Creates the refusal with no detail.</summary>
    public InputRefusedException()
        : this(new InputProblem("(input)", null, "an input refused", "an input within the reader's limits"))
    {
    }

    /// <summary>Creates the refusal from a message.</summary>
    public InputRefusedException(string message)
        : this(new InputProblem("(input)", null, message, "an input within the reader's limits"))
    {
    }

    /// <summary>Creates the refusal from a message and a cause.</summary>
    public InputRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new InputProblem("(input)", null, message, "an input within the reader's limits");
    }

    /// <summary>What was refused, where, and what would be right.</summary>
    public InputProblem Problem { get; }
}
