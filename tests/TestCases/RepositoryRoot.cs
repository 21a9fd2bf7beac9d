namespace KoraInfra.TestCases;

/// <summary>The repository's root, found from a test's output directory: the tests read the committed files.</summary>
public static class RepositoryRoot
{
    /// <summary>The directory holding Pulumi.yaml and KoraInfra.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pulumi.yaml")) && File.Exists(System.IO.Path.Combine(dir.FullName, "KoraInfra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests run inside the KoraInfra repository, but no Pulumi.yaml + KoraInfra.sln was found above " + AppContext.BaseDirectory);
    }
}
