using System.CommandLine;
using KoraInfra.Platform.Release.Audit;

namespace KoraInfra.Cli.Release;

/// <summary>The <c>--expect-count</c> / <c>--expect-hash</c> pair: the head the release store (WORM) holds.</summary>
internal sealed class AnchorOptions
{
    public Option<long?> Count { get; } = new("--expect-count") { Description = "Entry count of the head the release store holds (an anchor kept outside the log)." };

    public Option<string?> Hash { get; } = new("--expect-hash") { Description = "Hash of that entry, as the release store holds it." };

    public void AddTo(Command command)
    {
        command.Options.Add(Count);
        command.Options.Add(Hash);
    }

    public AuditHead? From(ParseResult parse) => ReleaseFiles.ExpectedHead(parse.GetValue(Count), parse.GetValue(Hash));
}
