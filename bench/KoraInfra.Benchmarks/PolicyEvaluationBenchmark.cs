using BenchmarkDotNet.Attributes;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Benchmarks;

/// <summary>
/// What a reviewer waits for: reading a 10,000-resource stack export and evaluating every rule
/// over it (the <c>kora policy report</c> path), and the evaluation alone.
/// </summary>
[MemoryDiagnoser]
public class PolicyEvaluationBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private string _export = string.Empty;
    private StackSnapshot? _snapshot;

    /// <summary>The number of resources in the export.</summary>
    [Params(10_000)]
    public int Resources { get; set; }

    /// <summary>Builds the export once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _export = SyntheticExport.Create(Resources);
        _snapshot = SnapshotReader.Read(_export, "bench.json").Snapshot;
    }

    /// <summary>Read the export and evaluate it.</summary>
    [Benchmark(Baseline = true)]
    public PolicyEvaluation ReadAndEvaluate() => PolicyEngine.Evaluate(SnapshotReader.Read(_export, "bench.json").Snapshot, Now);

    /// <summary>Evaluate an already read snapshot.</summary>
    [Benchmark]
    public PolicyEvaluation EvaluateOnly() => PolicyEngine.Evaluate(_snapshot!, Now);
}
