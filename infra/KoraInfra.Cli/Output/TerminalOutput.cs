namespace KoraInfra.Cli.Output;

/// <summary>
/// Standard output is a terminal a person reads: kora may draw tables, colour and progress.
/// Its absence (null where a command asks) means plain text, the contract scripts parse.
/// </summary>
/// <param name="Width">Columns to lay tables out in.</param>
/// <param name="Colour">Whether to colour (false draws the same tables without escape codes).</param>
public sealed record TerminalOutput(int Width, bool Colour);
