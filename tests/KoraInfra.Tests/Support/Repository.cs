namespace KoraInfra.Tests.Support;

/// <summary>Locates the committed stack files from the test output directory.</summary>
internal static class Repository
{
    public static string Root => KoraInfra.TestCases.RepositoryRoot.Path;

    public static string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");
}
