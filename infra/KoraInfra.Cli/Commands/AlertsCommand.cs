using System.CommandLine;
using System.Text;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands;

/// <summary><c>kora alerts render --stack NAME --out DIR</c>: writes the rule files and the Alertmanager file the program deploys.</summary>
public static class AlertsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var stack = new Option<string>("--stack") { Description = "The stack whose settings are used: dev, staging or prod.", Required = true };
        var output = new Option<string>("--out") { Description = "The directory the files are written to (created if missing).", Required = true };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var render = new Command("render", "Render the Prometheus rule files and the Alertmanager configuration of a stack.")
        {
            stack,
            output,
            projectDir,
        };
        render.SetAction(parse => Render(
            parse.GetValue(stack)!,
            parse.GetValue(output)!,
            ProjectDirectory.Resolve(parse.GetValue(projectDir)),
            parse.InvocationConfiguration.Output));

        return new Command("alerts", "Alert rules and routes (seed sections 6 and 7).") { render };
    }

    private static int Render(string stack, string outDir, string projectDir, TextWriter output)
    {
        if (!StackNames.TryParse(stack, out _))
        {
            throw new UsageException($"unknown stack '{stack}'; expected {StackNames.Expected}");
        }

        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        if (!File.Exists(file))
        {
            throw new UsageException($"no stack file {StackFiles.FileName(stack)} in {projectDir}");
        }

        var result = StackFiles.Validate(file);
        if (result.Settings is not { } settings)
        {
            output.WriteLine($"FAIL  {Path.GetFileName(file)}: {result.Problems.Count} problem(s); nothing written");
            foreach (var problem in result.Problems)
            {
                output.WriteLine($"      {problem}");
            }

            return ExitCodes.Findings;
        }

        if (File.Exists(outDir))
        {
            throw new UsageException($"--out '{outDir}' is a file; name a directory");
        }

        // Everything is rendered before anything is written, so a failure leaves no half set.
        var files = MonitoringPlan.For(settings).RenderFiles();
        Directory.CreateDirectory(outDir);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(outDir, name), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            output.WriteLine($"wrote {Path.Combine(outDir, name)}");
        }

        return ExitCodes.Ok;
    }
}
