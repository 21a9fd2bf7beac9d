namespace KoraInfra.Platform.Tests.Support;

/// <summary>Locates the repository's committed files from a test's output directory.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(dir.FullName, "KoraInfra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests run inside the KoraInfra repository, but no Pulumi.yaml + KoraInfra.sln was found above " + AppContext.BaseDirectory);
    }
}
