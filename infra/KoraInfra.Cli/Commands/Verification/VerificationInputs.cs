using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>What every check command reads the same way: the stack's verification settings, the release it ran against.</summary>
internal static class VerificationInputs
{
    /// <summary>The stack's <c>kora-infra:verification</c>, from its validated stack file.</summary>
    public static VerificationSettings Settings(string stack, string projectDir)
    {
        var settings = Stack(stack, projectDir);
        return settings.Verification
            ?? throw new UsageException($"{StackFiles.FileName(stack)} has no kora-infra:verification: only staging runs the checks; expected --stack staging");
    }

    /// <summary>The stack's validated settings (names, region, environment) from its stack file.</summary>
    public static StackSettings Stack(string stack, string projectDir)
    {
        if (!StackNames.TryParse(stack, out _))
        {
            throw new UsageException($"--stack '{stack}': unknown stack; expected one of {StackNames.Expected}");
        }

        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        if (!File.Exists(file))
        {
            throw new UsageException($"stack file '{file}' does not exist; the check's targets are read from it");
        }

        var result = StackFiles.Validate(file);
        if (!result.IsValid)
        {
            throw new UsageException($"{StackFiles.FileName(stack)} is invalid; run 'kora validate --stack {stack}': " + string.Join("; ", result.Problems));
        }

        return result.Require();
    }

    /// <summary>The RC, parsed.</summary>
    public static ReleaseVersion Rc(string? text) =>
        ReleaseVersion.TryParse(text) ?? throw new UsageException($"--rc '{text}': expected {ReleaseVersion.Expected}");

    /// <summary>The images, parsed.</summary>
    public static List<ImageReference> Images(IEnumerable<string>? texts) =>
        (texts ?? []).Select(i => ImageReference.TryParse(i) ?? throw new UsageException($"--image '{i}': expected {ImageReference.Expected}")).ToList();
}
