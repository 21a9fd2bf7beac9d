using KoraInfra.Cli.Output;

namespace KoraInfra.Cli.Tests.Output;

public sealed class OutputModeTests
{
    [Fact]
    public void A_terminal_gets_tables_in_colour_at_its_width()
    {
        var terminal = OutputMode.Decide(redirected: false, noColor: null, term: "xterm-256color", () => 132);

        Assert.Equal(new TerminalOutput(132, Colour: true), terminal);
    }

    [Theory]
    [InlineData(true, null, "xterm")]
    [InlineData(false, "1", "xterm")]
    [InlineData(false, "yes", null)]
    [InlineData(false, null, "dumb")]
    public void Piped_output_NO_COLOR_or_a_dumb_terminal_get_plain_text(bool redirected, string? noColor, string? term)
    {
        Assert.Null(OutputMode.Decide(redirected, noColor, term, () => throw new InvalidOperationException("the width is asked only on a terminal")));
    }

    [Fact]
    public void An_empty_NO_COLOR_is_unset_as_no_color_org_says()
    {
        Assert.NotNull(OutputMode.Decide(redirected: false, noColor: string.Empty, term: "xterm", () => 80));
    }

    [Fact]
    public void A_terminal_that_does_not_say_its_width_gets_the_default()
    {
        Assert.Equal(OutputMode.DefaultWidth, OutputMode.Decide(redirected: false, noColor: null, term: "xterm", () => 0)!.Width);
    }
}
