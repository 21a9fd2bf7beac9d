using System.ComponentModel;
using System.Diagnostics;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>Runs a command-line tool with optional standard input, bounded in time; a missing tool is named with where to get it.</summary>
internal static class ToolProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, string install, IEnumerable<string> arguments, string? input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new FaultInjectorException($"'{tool}' could not be started; {install}");
        }
        catch (Win32Exception ex)
        {
            throw new FaultInjectorException($"'{tool}' is not installed or not on PATH: {install}", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            }

            process.StandardInput.Close();
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new FaultInjectorException($"'{tool} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s");
            }

            return (process.ExitCode, ((await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false))).Trim());
        }
    }
}
