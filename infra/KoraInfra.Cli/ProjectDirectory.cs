namespace KoraInfra.Cli;

/// <summary>Finds the Pulumi project (the directory holding <c>Pulumi.yaml</c>) kora works on.</summary>
public static class ProjectDirectory
{
    /// <summary>The given directory, or the nearest one at or above the working directory holding <c>Pulumi.yaml</c>.</summary>
    public static string Resolve(string? given)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(given, "Pulumi.yaml"))
                ? Path.GetFullPath(given)
                : throw new UsageException($"--project-dir '{given}' holds no Pulumi.yaml; point it at the KoraInfra repository root");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new UsageException("no Pulumi.yaml in the working directory or above it; run kora inside the KoraInfra repository or pass --project-dir");
    }
}
