using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace KoraInfra.Platform.Input;

/// <summary>
/// Reads an input file or text within its <see cref="InputLimits"/>: never more bytes than the
/// limit allows, and strictly UTF-8, so a broken encoding is named as such ("not UTF-8 at byte
/// N") instead of turning into replacement characters that later read as wrong or missing values.
/// </summary>
public static class BoundedInput
{
    /// <summary>Reads a whole file as UTF-8 text (a leading byte-order mark is dropped).</summary>
    /// <exception cref="InputRefusedException">The file is larger than the limit or not UTF-8.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string ReadFile(string path, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        var name = Path.GetFileName(path);
        var bytes = Read(path, limits, out var length);
        return Decode(bytes.AsSpan(0, length), name);
    }

    /// <summary>
    /// Reads a whole file as strictly UTF-8 text without making a string of it (a leading
    /// byte-order mark is dropped): for a reader that parses UTF-8 itself, such as a JSON
    /// document of megabytes, which would otherwise be decoded to a string and encoded back.
    /// </summary>
    /// <exception cref="InputRefusedException">The file is larger than the limit or not UTF-8.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] ReadUtf8(string path, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        var buffer = Read(path, limits, out var length);
        var bytes = buffer.AsSpan(0, length);
        if (!Utf8.IsValid(bytes))
        {
            // Decoding names the first byte that is not UTF-8, with its line.
            Decode(bytes, Path.GetFileName(path));
        }

        // The array read is handed over as it is when it holds the file exactly (no copy).
        if (bytes.StartsWith("\uFEFF"u8))
        {
            return bytes[3..].ToArray();
        }

        return length == buffer.Length ? buffer : bytes.ToArray();
    }

    /// <summary>Reads a whole file's bytes, refusing it before reading when it exceeds the limit.</summary>
    public static byte[] ReadBytes(string path, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        var buffer = Read(path, limits, out var length);
        return length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();
    }

    // The file's bytes, the first `length` of the array. A file of known size is read straight
    // into one array of exactly that size (a one-byte read after it tells whether it grew), with
    // no stream buffer and no copy: a stack export of 10,000 resources is megabytes, read on
    // every report, and each fresh page of memory it lands in costs a page fault.
    private static byte[] Read(string path, InputLimits limits, out int length)
    {
        var name = Path.GetFileName(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);

        // A pipe or device has no length: read at most one byte past the limit and judge that.
        var known = stream.CanSeek ? stream.Length : -1;
        if (known > limits.MaxBytes)
        {
            throw TooLarge(name, limits, known);
        }

        var buffer = new byte[known > 0 ? known : 4096];
        length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                // Full: one byte more says whether the input goes on, before anything is copied.
                var next = stream.ReadByte();
                if (next < 0)
                {
                    return buffer;
                }

                var grown = new byte[Math.Min(buffer.Length * 2L, limits.MaxBytes + 1)];
                Buffer.BlockCopy(buffer, 0, grown, 0, length);
                grown[length++] = (byte)next;
                buffer = grown;
            }
            else
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return buffer;
                }

                length += read;
            }

            if (length > limits.MaxBytes)
            {
                throw TooLarge(name, limits, null);
            }
        }
    }

    /// <summary>Reads a line-per-record file (the audit log): bounded in size, strictly UTF-8, at most <see cref="InputLimits.MaxItems"/> lines.</summary>
    public static string[] ReadLines(string path, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var text = ReadFile(path, limits);
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        if (count > limits.MaxItems)
        {
            throw new InputRefusedException(Path.GetFileName(path), limits.MaxItems + 1, $"a {limits.Kind} of {count} lines, more than the {limits.MaxItems} a reader accepts", $"at most {limits.MaxItems} lines");
        }

        // File.ReadAllLines' view: no trailing empty line, and no carriage returns.
        return lines.Take(count).Select(l => l.TrimEnd('\r')).ToArray();
    }

    /// <summary>Reads a stream of text (standard input) to its end, refusing it once it passes the byte limit.</summary>
    public static string ReadToEnd(TextReader reader, string source, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(limits);
        var text = new StringBuilder();
        var buffer = new char[81920];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > limits.MaxBytes)
            {
                throw TooLarge(source, limits, null);
            }
        }

        return Check(text.ToString(), source, limits);
    }

    /// <summary>Checks text already in memory (an environment variable, a request body) against the byte limit.</summary>
    public static string Check(string text, string source, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);

        // UTF-8 takes at most 3 bytes per UTF-16 char, so only near the limit is counting needed.
        if (text.Length * 3L > limits.MaxBytes && Encoding.UTF8.GetByteCount(text) > limits.MaxBytes)
        {
            throw TooLarge(source, limits, Encoding.UTF8.GetByteCount(text));
        }

        return text;
    }

    /// <summary>Refuses bytes already in memory that are more than the limit allows.</summary>
    internal static void CheckSize(long length, string source, InputLimits limits)
    {
        if (length > limits.MaxBytes)
        {
            throw TooLarge(source, limits, length);
        }
    }

    /// <summary>Decodes UTF-8 strictly; the first invalid byte is reported with its offset and line.</summary>
    /// <exception cref="InputRefusedException">The bytes are not UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var body = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

        // Valid text, nearly always: checked, then decoded straight into the string. Only text
        // that is not UTF-8 is decoded again, to find where.
        if (Utf8.IsValid(body))
        {
            return Encoding.UTF8.GetString(body);
        }

        var offset = bytes.Length - body.Length;
        var chars = new char[body.Length];
        var status = Utf8.ToUtf16(body, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var at = offset + bytesRead;
            var line = bytes[..at].Count((byte)'\n') + 1;
            throw new InputRefusedException(
                source,
                line,
                $"text that is not UTF-8 at byte {at} (0x{bytes[at]:X2})",
                "a file saved as UTF-8");
        }

        return new string(chars, 0, charsWritten);
    }

    private static InputRefusedException TooLarge(string source, InputLimits limits, long? size) => new(
        source,
        null,
        size is { } s ? $"a {limits.Kind} of {s} bytes, larger than the {limits.MaxBytesText} a reader accepts" : $"a {limits.Kind} larger than the {limits.MaxBytesText} a reader accepts",
        $"a {limits.Kind} of at most {limits.MaxBytesText}");
}
