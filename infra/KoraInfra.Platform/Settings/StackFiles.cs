namespace KoraInfra.Platform.Settings;

/// <summary>The committed stack files, validated offline exactly as the program validates its configuration.</summary>
public static class StackFiles
{
    /// <summary>The file name of a stack's settings.</summary>
    public static string FileName(string stackName) => $"Pulumi.{stackName}.yaml";

    /// <summary>Reads and validates one stack file.</summary>
    public static SettingsResult Validate(string path) => StackSettingsBinder.Bind(StackFileReader.ReadFile(path));

    /// <summary>Every stack file in a project directory (the one holding <c>Pulumi.yaml</c>), sorted.</summary>
    public static IReadOnlyList<string> FindAll(string projectDirectory)
    {
        // List.Sort, not LINQ's Order: its sorter fills an index map with generic code that is
        // JIT-compiled at start-up (ReadyToRun cannot precompile it). The paths are distinct, so
        // an unstable sort orders them as a stable one would.
        var files = Directory.EnumerateFiles(projectDirectory, "Pulumi.*.yaml")
            .Concat(Directory.EnumerateFiles(projectDirectory, "Pulumi.*.yml"))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
