using KoraInfra.Platform.Input;

namespace KoraInfra.Platform.Tests.Input;

/// <summary>
/// How a file is read within its limit: a regular file of any size up to the limit whole, with
/// or without a byte-order mark; a file whose size the system does not know (a device, a /proc
/// file) by reading until it ends or passes the limit.
/// </summary>
public sealed class FileReadTests
{
    private static readonly InputLimits Small = new("test input", 100_000, 8, 100_000, 10_000, 100_000);

    private static string TempFile(byte[] content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kora-read-").FullName, "input.json");
        File.WriteAllBytes(path, content);
        return path;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(100_000)]
    public void A_file_up_to_the_limit_is_read_whole(int size)
    {
        // A two-byte character in every three bytes, so a lost or doubled chunk changes the text.
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = i >= size - (size % 3) ? (byte)'z' : (byte)((i % 3) switch { 0 => 'a' + (i % 26), 1 => 0xC3, _ => 0xA9 });
        }

        var path = TempFile(bytes);

        Assert.Equal(File.ReadAllText(path), BoundedInput.ReadFile(path, Small));
        Assert.Equal(File.ReadAllBytes(path), BoundedInput.ReadBytes(path, Small));
    }

    [Fact]
    public void A_file_one_byte_past_the_limit_is_refused_with_its_size_before_it_is_read()
    {
        var path = TempFile(new byte[100_001]);

        var refused = Assert.Throws<InputRefusedException>(() => BoundedInput.ReadFile(path, Small));

        Assert.Equal("a test input of 100001 bytes, larger than the 100000 bytes a reader accepts", refused.Problem.Found);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_only_at_the_start()
    {
        var path = TempFile([0xEF, 0xBB, 0xBF, (byte)'{', 0xEF, 0xBB, 0xBF, (byte)'}']);

        Assert.Equal("{\uFEFF}", BoundedInput.ReadFile(path, Small));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_at_their_offset_and_line_after_a_byte_order_mark()
    {
        var path = TempFile([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n', (byte)'b', 0xC3, (byte)'(']);

        var refused = Assert.Throws<InputRefusedException>(() => BoundedInput.ReadFile(path, Small));

        Assert.Equal(("input.json", 2), (refused.Problem.Source, refused.Problem.Line));
        Assert.Equal("text that is not UTF-8 at byte 6 (0xC3)", refused.Problem.Found);
    }

    [Fact]
    public void A_sequence_cut_off_at_the_end_is_not_utf8()
    {
        var path = TempFile([(byte)'a', 0xE2, 0x82]);

        var refused = Assert.Throws<InputRefusedException>(() => BoundedInput.ReadFile(path, Small));

        Assert.Equal("text that is not UTF-8 at byte 1 (0xE2)", refused.Problem.Found);
    }

    [Fact]
    public void A_file_of_unknown_size_is_read_to_its_end()
    {
        // /proc files report a size of 0 and have content.
        Assert.Equal(File.ReadAllText("/proc/self/cmdline"), BoundedInput.ReadFile("/proc/self/cmdline", Small));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(70_000)]
    public async Task A_pipe_is_read_to_its_end(int size)
    {
        // kora policy report --input <(pulumi stack export): the file is a pipe, with no size
        // and no offsets, filled while it is read.
        var fifo = Path.Combine(Directory.CreateTempSubdirectory("kora-read-").FullName, "export.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.True(mkfifo.ExitCode == 0, "mkfifo (coreutils) could not make a named pipe");
        }

        var content = new byte[size];
        for (var i = 0; i < size; i++)
        {
            content[i] = (byte)('a' + (i % 26));
        }

        var writer = Task.Run(() => File.WriteAllBytes(fifo, content));

        Assert.Equal(content, BoundedInput.ReadUtf8(fifo, Small));
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_file_of_unknown_size_that_never_ends_is_refused_once_past_the_limit()
    {
        var refused = Assert.Throws<InputRefusedException>(() => BoundedInput.ReadBytes("/dev/zero", Small));

        Assert.Equal("a test input larger than the 100000 bytes a reader accepts", refused.Problem.Found);
    }

    [Fact]
    public void Utf8_read_as_bytes_is_the_text_without_its_byte_order_mark()
    {
        var path = TempFile([0xEF, 0xBB, 0xBF, (byte)'{', 0xC3, 0xA9, 0xEF, 0xBB, 0xBF, (byte)'}']);

        Assert.Equal("{\u00e9\uFEFF}"u8.ToArray(), BoundedInput.ReadUtf8(path, Small));
    }

    [Fact]
    public void Utf8_read_as_bytes_refuses_what_is_not_utf8_as_the_text_read_does()
    {
        var path = TempFile([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n', (byte)'b', 0xC3, (byte)'(']);

        var refused = Assert.Throws<InputRefusedException>(() => BoundedInput.ReadUtf8(path, Small));

        Assert.Equal(("input.json", 2), (refused.Problem.Source, refused.Problem.Line));
        Assert.Equal("text that is not UTF-8 at byte 6 (0xC3)", refused.Problem.Found);
    }

    [Fact]
    public void Utf8_read_as_bytes_refuses_a_file_past_the_limit()
    {
        var path = TempFile(new byte[100_001]);

        var refused = Assert.Throws<InputRefusedException>(() => BoundedInput.ReadUtf8(path, Small));

        Assert.Equal("a test input of 100001 bytes, larger than the 100000 bytes a reader accepts", refused.Problem.Found);
    }
}
