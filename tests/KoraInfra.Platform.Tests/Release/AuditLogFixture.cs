using System.Security.Cryptography;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.TestCases;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// What the audit-log tests share: a folder of their own, a fake clock a minute per entry, a
/// fresh signing key, entries of promoted releases, and a way to tamper with a log's lines.
/// </summary>
internal sealed class AuditLogFixture(string folderPrefix) : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;

    public FakeTimeProvider Time { get; } = new(ReleaseFixtures.Now);

    public ECDsa Key { get; } = ReleaseFixtures.NewKey();

    /// <summary>An admitted promotion of <paramref name="release"/> to prod, with its signed manifest or without one.</summary>
    public static DeployAuditEntry Entry(string release, bool withManifest) => new()
    {
        Sequence = 0,
        At = default,
        Who = "pipeline",
        Stack = "prod",
        Action = DeployAction.Promote,
        Release = release,
        Commit = ReleaseFixtures.Commit,
        Images = [ReleaseFixtures.Api.ToString()],
        Result = DeployResult.Admitted,
        Manifest = withManifest ? $"releases/prod/{release}.dsse.json" : null,
        ManifestSha256 = withManifest ? "sha256:" + new string('1', 64) : null,
    };

    /// <summary>Rewrites a log's lines as an attacker with write access to the file would.</summary>
    public static void Rewrite(DeployAuditLog log, Action<List<string>> change)
    {
        var lines = File.ReadAllLines(log.Path).ToList();
        change(lines);
        File.WriteAllText(log.Path, string.Concat(lines.Select(l => l + "\n")));
    }

    /// <summary>The log <paramref name="name"/> with one entry per release, a minute apart.</summary>
    public DeployAuditLog Log(string name, bool withManifest, params string[] releases)
    {
        var log = new DeployAuditLog(Path.Combine(Dir, name), Time, Key);
        foreach (var release in releases)
        {
            log.Append(Entry(release, withManifest));
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        return log;
    }

    /// <summary>audit.jsonl with <paramref name="entries"/> entries, releases v1.0.0, v1.1.0, ...</summary>
    public DeployAuditLog LogWith(int entries, bool withManifest) =>
        Log("audit.jsonl", withManifest, Enumerable.Range(0, entries).Select(i => $"v1.{i}.0").ToArray());

    public void Dispose()
    {
        Key.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
