namespace KoraInfra.Platform.Tests.Support;

/// <summary>Locates the repository's committed files from a test's output directory.</summary>
internal static class Repository
{
    public static string Root => KoraInfra.TestCases.RepositoryRoot.Path;

    public static string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");
}
