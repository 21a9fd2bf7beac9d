using KoraInfra.Fuzz;
using SharpFuzz;

// kora-fuzz <harness>: run under afl-fuzz (scripts/fuzz), or with --replay FILE... to rerun inputs.
if (args.Length == 0 || !Harnesses.All.TryGetValue(args[0], out var harness))
{
    Console.Error.WriteLine($"usage: KoraInfra.Fuzz <{string.Join('|', Harnesses.All.Keys)}> [--replay FILE...]");
    return 2;
}

if (args.Length > 1 && args[1] == "--replay")
{
    foreach (var file in args.Skip(2))
    {
        harness(File.ReadAllBytes(file));
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    harness(buffer.ToArray());
});
return 0;
