using System.Diagnostics;
using System.Text;
using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Commands.Verification;

/// <summary>
/// <c>scripts/verification/restore-drill.sh</c> for real, with stand-ins for the pipeline's tools on
/// PATH: it runs the azure driver for staging with the subscription, the RC's binding and the
/// migration Job's administrator connection in <c>KORA_DB_CONNECTION</c>, and refuses a missing subscription.
/// </summary>
public sealed class RestoreDrillScriptTests : IDisposable
{
    private readonly string _tools = Directory.CreateTempSubdirectory("kora-pipeline-").FullName;

    public RestoreDrillScriptTests()
    {
        var connection = Convert.ToBase64String(Encoding.UTF8.GetBytes("Host=psql.example;Database=kora;Username=kora_admin"));
        Tool("pulumi", "echo out");
        Tool("az", "exit 0");
        Tool("kubelogin", "exit 0");
        Tool("kubectl", $"echo \"$*\" > '{_tools}/kubectl-args'; echo '{connection}'");
        Tool("kora", $"echo \"$*\" > '{_tools}/kora-args'; echo \"$KORA_DB_CONNECTION\" > '{_tools}/kora-connection'");
        File.WriteAllText(Path.Combine(_tools, "key.pem"), "not read by the stand-in");
    }

    [Fact]
    public void The_script_runs_the_azure_driver_for_staging_with_the_migration_jobs_connection()
    {
        var run = Script(new() { ["AZURE_SUBSCRIPTION_ID"] = "0b3a2f64-5d1e-4c8a-9f27-6e0d4b1c8a35" });

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal("get secret kora-db-migrator --namespace kora -o jsonpath={.data.connection}", File.ReadAllText(Path.Combine(_tools, "kubectl-args")).Trim());
        var args = File.ReadAllText(Path.Combine(_tools, "kora-args")).Trim();
        Assert.StartsWith("drill restore --driver azure --stack staging --subscription 0b3a2f64-5d1e-4c8a-9f27-6e0d4b1c8a35 --commit ", args, StringComparison.Ordinal);
        Assert.Contains(" --rc v1.4.0-rc.2", args, StringComparison.Ordinal);
        Assert.EndsWith($" --key-file {Path.Combine(_tools, "key.pem")} --project-dir .", args, StringComparison.Ordinal);
        Assert.Equal("Host=psql.example;Database=kora;Username=kora_admin", File.ReadAllText(Path.Combine(_tools, "kora-connection")).Trim());
    }

    [Fact]
    public void A_missing_subscription_is_refused_before_anything_runs()
    {
        var run = Script([]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("AZURE_SUBSCRIPTION_ID is not set", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_tools, "kora-args")));
    }

    public void Dispose() => Directory.Delete(_tools, recursive: true);

    private KoraRun Script(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "verification", "restore-drill.sh"));
        start.ArgumentList.Add("v1.4.0-rc.2");
        start.ArgumentList.Add(Path.Combine(_tools, "key.pem"));
        start.Environment.Remove("AZURE_SUBSCRIPTION_ID");
        start.Environment["PATH"] = _tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("restore-drill.sh did not finish within 30 s");
        }

        return new KoraRun(process.ExitCode, output.Result, error.Result);
    }

    private void Tool(string name, string body)
    {
        var path = Path.Combine(_tools, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
