using System.Security.Cryptography;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.TestCases;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Cli.Tests.Support;

/// <summary>
/// A scratch project with the committed stack files, a release key made for the test (kept in
/// a directory outside the project), and a fake clock: what the pipeline has when it promotes.
/// </summary>
internal sealed class ReleaseWorkspace : IDisposable
{
    private readonly ECDsa _key = ReleaseFixtures.NewKey();
    private readonly string _keys = Directory.CreateTempSubdirectory("kora-keys-").FullName;

    public ReleaseWorkspace()
    {
        Project = Repository.ScratchProject(
            ("Pulumi.dev.yaml", File.ReadAllText(Repository.StackFile("dev"))),
            ("Pulumi.staging.yaml", File.ReadAllText(Repository.StackFile("staging"))),
            ("Pulumi.prod.yaml", File.ReadAllText(Repository.StackFile("prod"))));
        SigningKey = Path.Combine(_keys, "release-signing.pem");
        VerifyKey = Path.Combine(_keys, "release-verify.pem");
        File.WriteAllText(SigningKey, _key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(VerifyKey, _key.ExportSubjectPublicKeyInfoPem());
    }

    public string Project { get; }

    public string SigningKey { get; }

    public string VerifyKey { get; }

    public FakeTimeProvider Time { get; } = new(ReleaseFixtures.Now);

    public string AuditLog => Path.Combine(Project, "audit", "deploy-audit.jsonl");

    public string StackFile(string stack) => Path.Combine(Project, $"Pulumi.{stack}.yaml");

    public string Manifest(string stack, string version) => Path.Combine(Project, "releases", stack, version + ".dsse.json");

    /// <summary>Writes evidence to a file in the keys directory (outside the project) and returns its path.</summary>
    public string Evidence(PromotionEvidence evidence, string name)
    {
        var path = Path.Combine(_keys, name + ".json");
        File.WriteAllText(path, ReleaseJson.Write(evidence));
        return path;
    }

    public KoraRun Kora(params string[] args)
    {
        Time.Advance(TimeSpan.FromMinutes(5));
        return Support.Kora.RunAt(Time, args);
    }

    public KoraRun Promote(PromotionEvidence evidence, string? rcVersion = null)
    {
        string[] args = ["promote", "--evidence", Evidence(evidence, "evidence-" + Guid.NewGuid().ToString("N")), "--who", "release-bot", "--key-file", SigningKey, "--project-dir", Project];
        return rcVersion is null ? Kora(args) : Kora([.. args, "--rc-manifest", Manifest("staging", rcVersion)]);
    }

    /// <summary>Promotes an RC and then its GA release, as the RC and GA workflows do.</summary>
    public void Release(string ga, string rc, params ImageReference[] images)
    {
        var rcRun = Promote(ReleaseFixtures.Rc(rc) with { Images = images });
        Assert.True(rcRun.ExitCode == 0, rcRun.All);
        var gaRun = Promote(ReleaseFixtures.Prod(ga, rc) with { Images = images }, rc);
        Assert.True(gaRun.ExitCode == 0, gaRun.All);
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(Project, recursive: true);
        Directory.Delete(_keys, recursive: true);
    }
}
