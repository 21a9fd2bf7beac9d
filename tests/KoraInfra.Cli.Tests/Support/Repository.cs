namespace KoraInfra.Cli.Tests.Support;

/// <summary>The repository root and scratch projects for kora to work on.</summary>
internal static class Repository
{
    public static string Root => KoraInfra.TestCases.RepositoryRoot.Path;

    public static string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");

    /// <summary>A throwaway project directory with a Pulumi.yaml and the given files.</summary>
    public static string ScratchProject(params (string Name, string Text)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("kora-cli-test-").FullName;
        File.Copy(Path.Combine(Root, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }

        return dir;
    }
}
