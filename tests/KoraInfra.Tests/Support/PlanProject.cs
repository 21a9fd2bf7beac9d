using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Tests.Support;

/// <summary>
/// A project directory to run <c>plan</c> in, as a reviewer has it: the committed project and
/// stack files and migrations, plus, for a gated stack, the release the pipeline promoted (the
/// <c>kora-infra:release</c> line <c>kora promote</c> writes, and the verification key).
/// </summary>
internal sealed class PlanProject : IDisposable
{
    private PlanProject(string root) => Root = root;

    public string Root { get; }

    public static PlanProject For(string stack)
    {
        var release = TestRelease.For(stack);
        var root = release.ManifestPath is null ? Directory.CreateTempSubdirectory("kora-plan-project-").FullName : release.RootDirectory;
        File.Copy(Path.Combine(Repository.Root, "Pulumi.yaml"), Path.Combine(root, "Pulumi.yaml"));
        var settings = File.ReadAllText(Repository.StackFile(stack));
        if (release.ManifestPath is not null)
        {
            settings = settings.TrimEnd('\n') + $"\n  kora-infra:release: {release.ManifestPath}\n";
        }

        File.WriteAllText(Path.Combine(root, $"Pulumi.{stack}.yaml"), settings);
        // The tenant migrations and the responder's: the program fingerprints both.
        foreach (var set in new[] { "migrations", "responder" })
        {
            var migrations = Directory.CreateDirectory(Path.Combine(root, "db", set)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "db", set)))
            {
                File.Copy(file, Path.Combine(migrations, Path.GetFileName(file)));
            }
        }

        // Staging's k6 Jobs carry the committed scripts (a ConfigMap of deploy/k6).
        var scripts = Directory.CreateDirectory(Path.Combine(root, "deploy", "k6")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "deploy", "k6")))
        {
            File.Copy(file, Path.Combine(scripts, Path.GetFileName(file)));
        }

        Environment.SetEnvironmentVariable(ReleaseSigningKey.VerificationKeyVariable, release.VerifyKeyPem);
        return new PlanProject(root);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ReleaseSigningKey.VerificationKeyVariable, null);
        Directory.Delete(Root, recursive: true);
    }
}
