namespace KoraInfra.Cli.Tests.Support;

/// <summary>The outcome of one kora run.</summary>
internal sealed record KoraRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>Runs kora in process (fast, the same entry point) or as a real process (exit code, streams).</summary>
internal static class Kora
{
    public static KoraRun Run(params string[] args) => Run(null, args);

    public static KoraRun Run(KoraServices? services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = KoraApp.Run(args, output, error, services ?? new KoraServices(new StringReader(string.Empty), TimeProvider.System));
        return new KoraRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs kora in process with a fixed clock.</summary>
    public static KoraRun RunAt(TimeProvider time, params string[] args) => Run(new KoraServices(new StringReader(string.Empty), time), args);

    /// <summary>A terminal 120 columns wide, in colour: what a person at a shell gets.</summary>
    public static KoraInfra.Cli.Output.TerminalOutput Terminal { get; } = new(120, Colour: true);

    /// <summary>Runs kora in process as if standard output were that terminal (tables, colour, progress).</summary>
    public static KoraRun OnTerminal(TimeProvider time, params string[] args) =>
        Run(new KoraServices(new StringReader(string.Empty), time) { Terminal = Terminal }, args);

    /// <summary>Runs kora in process on the terminal with the system clock.</summary>
    public static KoraRun OnTerminal(params string[] args) => OnTerminal(TimeProvider.System, args);

    public static KoraRun Process(string workingDirectory, params string[] args) =>
        Process(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs kora as a real process with extra environment variables (how Jobs pass secrets).</summary>
    public static KoraRun Process(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kora.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kora did not finish within 60 s");
        }

        return new KoraRun(process.ExitCode, output.Result, error.Result);
    }
}
