using KoraInfra.Platform.Release;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Release;

/// <summary>Points a stack's <c>kora-infra:release</c> at a signed manifest.</summary>
internal static class StackFileUpdate
{
    /// <summary>The new text of the stack file; throws a usage error if the result would be invalid (nothing is written).</summary>
    public static (string Path, string Text) WithRelease(string projectDir, string stack, string manifestPath)
    {
        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        var text = ReleaseFiles.ReadText(file, "stack file");
        try
        {
            return (file, StackReleaseSetting.With(Path.GetFileName(file), text, manifestPath));
        }
        catch (InvalidStackSettingsException ex)
        {
            throw new UsageException($"{Path.GetFileName(file)} would be invalid with {StackReleaseSetting.Key} set, so nothing was changed: {string.Join("; ", ex.Problems)}", ex);
        }
    }
}
