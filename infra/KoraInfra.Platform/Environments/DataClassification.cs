namespace KoraInfra.Platform.Environments;

/// <summary>
/// The value of the <c>data-classification</c> tag. It follows from the data policy, so a stack
/// file cannot label real data as synthetic.
/// </summary>
public enum DataClassification
{
    /// <summary>Only generated data: no person behind any record.</summary>
    Synthetic,

    /// <summary>Masked copies and generated data: no direct identifier survives.</summary>
    Masked,

    /// <summary>Real tenant data: personal and commercial information.</summary>
    Confidential,
}
