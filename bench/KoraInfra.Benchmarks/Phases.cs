using System.Diagnostics;
using System.Globalization;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Benchmarks;

/// <summary>
/// Where one cold <c>kora policy report</c> spends its time, phase by phase and rule by rule, in a
/// fresh process (first calls included, as a user's run has them): <c>phases FILE</c>.
/// </summary>
internal static class Phases
{
    public static void Print(string file, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var utf8 = BoundedInput.ReadUtf8(file, InputLimits.Snapshot);
        Lap(output, clock, "read the file");
        var snapshot = SnapshotReader.Read(utf8, Path.GetFileName(file)).Snapshot;
        Lap(output, clock, $"parse the snapshot ({snapshot.Resources.Count} resources)");
        var now = DateTimeOffset.UtcNow;
        foreach (var rule in PolicyRules.All)
        {
            PolicyEngine.Evaluate(snapshot, now, [rule]);
            Lap(output, clock, $"rule {rule.Id} ({rule.GetType().Name})");
        }

        var evaluation = PolicyEngine.Evaluate(snapshot, now);
        Lap(output, clock, "every rule again (warm)");
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            PolicyReports.Render(evaluation, format, "Pulumi.prod.yaml");
            Lap(output, clock, $"render {format}");
        }
    }

    // Methods the JIT compiled during each phase, and its time. Published ReadyToRun as kora is
    // (dotnet publish -r linux-x64 -p:PublishReadyToRun=true), what is left is code ReadyToRun cannot
    // precompile: mostly framework generics instantiated over this project's value types.
    private static long _lastMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
    private static TimeSpan _lastJit = System.Runtime.JitInfo.GetCompilationTime();

    private static void Lap(TextWriter output, Stopwatch clock, string what)
    {
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - _lastMethods;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - _lastJit;
        _lastMethods += jitted;
        _lastJit += jitTime;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds,8:F1} ms  {jitted,5} jitted {jitTime.TotalMilliseconds,6:F1} ms  {what}"));
        clock.Restart();
    }
}
