namespace KoraInfra.Tests.Support;

/// <summary>Locates the committed stack files from the test output directory.</summary>
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

        throw new InvalidOperationException("no Pulumi.yaml + KoraInfra.sln above " + AppContext.BaseDirectory);
    }
}
