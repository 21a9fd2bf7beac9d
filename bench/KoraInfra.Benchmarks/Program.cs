using BenchmarkDotNet.Running;
using KoraInfra.Benchmarks;

// `export COUNT FILE` writes the synthetic stack export the whole-process timings read
// (scripts/bench-cli); `phases FILE` prints where a cold report's time goes; anything else is BenchmarkDotNet's command line.
if (args is ["export", var count, var file])
{
    File.WriteAllText(file, SyntheticExport.Create(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
    return 0;
}

if (args is ["phases", var input])
{
    Phases.Print(input, Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
