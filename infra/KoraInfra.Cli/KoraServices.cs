namespace KoraInfra.Cli;

/// <summary>What commands take from outside, so tests can hand in their own: standard input and the clock.</summary>
/// <param name="Input">Standard input.</param>
/// <param name="Time">The clock (expiry and rotation checks compare against it).</param>
public sealed record KoraServices(TextReader Input, TimeProvider Time)
{
    /// <summary>The real console and clock.</summary>
    public static KoraServices Console { get; } = new(System.Console.In, TimeProvider.System);

    /// <summary>Where the Redis key rotation reaches the cache and the vault (Azure, unless a test hands in its own).</summary>
    public Commands.Rotation.IAzureRotationClients Azure { get; init; } = Commands.Rotation.AzureRotationClients.Live;

    /// <summary>
    /// Standard output as a terminal (tables, colour, progress), or null for plain text: the
    /// default, and what scripts parse. The entry point sets it from <see cref="Output.OutputMode.Detect"/>.
    /// </summary>
    public Output.TerminalOutput? Terminal { get; init; }
}
