using System.Globalization;

namespace KoraInfra.Platform.Tests.Workloads;

/// <summary>Just enough of Kubernetes quantities to compare requests with limits.</summary>
internal static class Quantity
{
    public static decimal Cpu(string value) => value.EndsWith('m')
        ? decimal.Parse(value[..^1], CultureInfo.InvariantCulture) / 1000
        : decimal.Parse(value, CultureInfo.InvariantCulture);

    public static long Memory(string value) => value switch
    {
        _ when value.EndsWith("Gi", StringComparison.Ordinal) => long.Parse(value[..^2], CultureInfo.InvariantCulture) << 30,
        _ when value.EndsWith("Mi", StringComparison.Ordinal) => long.Parse(value[..^2], CultureInfo.InvariantCulture) << 20,
        _ => throw new ArgumentException($"unexpected memory quantity '{value}'", nameof(value)),
    };
}
