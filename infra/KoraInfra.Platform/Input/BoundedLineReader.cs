using System.Text;

namespace KoraInfra.Platform.Input;

/// <summary>
/// Reads a line-per-request stream (a long-lived server's standard input) one line at a time,
/// never holding more than the limit's bytes of one line: an over-long line is skipped to its end
/// and reported, so one bad request neither exhausts memory nor ends the conversation.
/// </summary>
public sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly InputLimits _limits;

    /// <summary>Reads lines from <paramref name="reader"/> within <paramref name="limits"/>.</summary>
    public BoundedLineReader(TextReader reader, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(limits);
        _reader = reader;
        _limits = limits;
    }

    /// <summary>The number of the line last read (1 for the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// The next line without its line ending; null at the end of the stream. A line longer than the
    /// limit comes back as <paramref name="tooLong"/> with no text.
    /// </summary>
    public string? ReadLine(out bool tooLong)
    {
        tooLong = false;
        var line = new StringBuilder();
        int next;
        while ((next = _reader.Read()) >= 0 && next != '\n')
        {
            if (tooLong)
            {
                continue;
            }

            line.Append((char)next);
            if (line.Length > _limits.MaxBytes)
            {
                tooLong = true;
                line.Clear();
            }
        }

        if (next < 0 && line.Length == 0 && !tooLong)
        {
            return null;
        }

        LineNumber++;
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        return tooLong ? string.Empty : line.ToString();
    }
}
