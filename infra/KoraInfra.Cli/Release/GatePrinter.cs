using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Cli.Release;

/// <summary>Prints a gate report: every condition, then the verdict.</summary>
internal static class GatePrinter
{
    public static void Print(GateReport report, TextWriter output)
    {
        var name = PromotionGates.NameOf(report.Gate);
        output.WriteLine($"gate {name}:");
        foreach (var condition in report.Conditions)
        {
            output.WriteLine("  " + condition);
        }

        output.WriteLine(report.Passed
            ? $"gate {name} PASSED ({report.Conditions.Count} conditions met)"
            : $"gate {name} FAILED: {report.Failures.Count} of {report.Conditions.Count} conditions not met: {string.Join(", ", report.Failures.Select(f => f.Id))}");
    }
}
