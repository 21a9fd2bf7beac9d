using CsCheck;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.TestCases;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Platform.Tests.Properties;

/// <summary>Any change to a deploy audit log, anywhere, by anyone, is detected.</summary>
public sealed class AuditChainProperties : IDisposable
{
    // The release key signs every entry (issue 11); a rewrite without it is caught by the
    // signatures, any other change by the chain.
    private readonly System.Security.Cryptography.ECDsa _key = ReleaseFixtures.NewKey();

    private enum Tamper
    {
        ReplaceCharacter,
        DeleteLine,
        SwapLines,
        DropLastLine,
        DuplicateLine,
    }

    [Fact]
    public void Every_edit_deletion_reordering_or_truncation_is_detected()
    {
        Gen.Select(Gen.Int[1, 5], Gen.Enum<Tamper>(), Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Char['!', '~'])
            .Sample(t =>
            {
                var (entries, tamper, where, at, replacement) = t;
                var dir = Directory.CreateTempSubdirectory("kora-audit-prop-").FullName;
                try
                {
                    var log = LogWith(dir, entries);
                    var lines = File.ReadAllLines(log.Path).ToList();
                    if (!Apply(lines, tamper, where % lines.Count, at, replacement))
                    {
                        return;
                    }

                    File.WriteAllText(log.Path, string.Concat(lines.Select(l => l + "\n")));

                    Assert.False(log.Verify().IsIntact, $"{tamper} at line {(where % entries) + 1} of {entries} went unseen");
                }
                finally
                {
                    Directory.Delete(dir, recursive: true);
                }
            });
    }

    [Fact]
    public void An_untouched_log_of_any_length_verifies()
    {
        Gen.Int[0, 6].Sample(entries =>
        {
            var dir = Directory.CreateTempSubdirectory("kora-audit-prop-").FullName;
            try
            {
                Assert.True(LogWith(dir, entries).Verify().IsIntact);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        });
    }

    // False when the tamper changes nothing (so the case proves nothing and is skipped).
    private static bool Apply(List<string> lines, Tamper tamper, int line, int at, char replacement)
    {
        switch (tamper)
        {
            case Tamper.ReplaceCharacter:
                var position = at % lines[line].Length;
                if (lines[line][position] == replacement)
                {
                    return false;
                }

                lines[line] = string.Concat(lines[line].AsSpan(0, position), replacement.ToString(), lines[line].AsSpan(position + 1));
                return true;
            case Tamper.DeleteLine:
                lines.RemoveAt(line);
                return true;
            case Tamper.SwapLines when lines.Count > 1:
                var other = (line + 1 + (at % (lines.Count - 1))) % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return true;
            case Tamper.DropLastLine:
                lines.RemoveAt(lines.Count - 1);
                return true;
            case Tamper.DuplicateLine:
                lines.Insert(line, lines[line]);
                return true;
            default:
                return false;
        }
    }

    public void Dispose() => _key.Dispose();

    private DeployAuditLog LogWith(string dir, int entries)
    {
        var time = new FakeTimeProvider(ReleaseFixtures.Now);
        var log = new DeployAuditLog(Path.Combine(dir, "audit.jsonl"), time, _key);
        for (var i = 0; i < entries; i++)
        {
            log.Append(new DeployAuditEntry
            {
                Sequence = 0,
                At = default,
                Who = "pipeline",
                Stack = i % 2 == 0 ? "staging" : "prod",
                Action = DeployAction.Promote,
                Release = $"v1.{i}.0",
                Commit = ReleaseFixtures.Commit,
                Images = [ReleaseFixtures.Api.ToString()],
                Result = DeployResult.Admitted,
                Manifest = $"releases/prod/v1.{i}.0.dsse.json",
                ManifestSha256 = "sha256:" + new string('1', 64),
            });
            time.Advance(TimeSpan.FromMinutes(1));
        }

        return log;
    }
}
