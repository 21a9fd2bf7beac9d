using System.CommandLine;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Sbom;

namespace KoraInfra.Cli.Commands.Sbom;

/// <summary>
/// <c>kora release sbom --sbom FILE --image NAME@sha256:… | --artifact DIR</c>: checks the file
/// is a CycloneDX JSON SBOM of exactly that image or artifact, stores it in the release store
/// under its own digest and prints the reference a promotion's evidence carries into the signed
/// manifest. An SBOM of anything else is refused and nothing is stored.
/// </summary>
public static class ReleaseSbomCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var sbom = new Option<string>("--sbom") { Description = "The CycloneDX JSON SBOM file (spec 1.5 or 1.6).", Required = true };
        var image = new Option<string?>("--image") { Description = "The image it describes, by digest: name@sha256:<64 hex> (one of release/images.txt)." };
        var artifact = new Option<string?>("--artifact") { Description = "The kora tool it describes: the directory 'dotnet publish infra/KoraInfra.Cli' wrote." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var command = new Command("sbom", "Bind a CycloneDX SBOM to the image or artifact it describes, store it by digest, print its reference for the evidence.") { sbom, image, artifact, projectDir };
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            var subject = Subject(parse.GetValue(image), parse.GetValue(artifact));
            var path = parse.GetValue(sbom)!;
            var bytes = File.Exists(path) ? BoundedInput.ReadBytes(path, InputLimits.Sbom) : throw new UsageException($"SBOM file '{path}' does not exist");
            SbomReference reference;
            try
            {
                reference = SbomBinding.Bind(bytes, Path.GetFileName(path), subject);
            }
            catch (ReleaseDocumentException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"refused: {ex.Message}; nothing was stored");
                return ExitCodes.Findings;
            }

            var stored = Path.Combine(dir, SbomStore.PathOf(reference.Digest));
            Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
            File.WriteAllBytes(stored, bytes);
            parse.InvocationConfiguration.Output.WriteLine(ReleaseJson.Write(reference));
            parse.InvocationConfiguration.Error.WriteLine($"bound SBOM '{reference.Name}' {reference.Digest} to {reference.Subject}: {SbomStore.PathOf(reference.Digest)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ImageReference Subject(string? image, string? artifact)
    {
        switch (image, artifact)
        {
            case (null, null):
            case ({ }, { }):
                throw new UsageException("give exactly one of --image NAME@sha256:<hex> (an image of the release) or --artifact DIR (the published kora tool)");
            case ({ } reference, null):
                return ImageReference.TryParse(reference) is { } parsed && parsed.Name != SbomReference.KoraTool
                    ? parsed
                    : throw new UsageException($"--image '{reference}': expected {ImageReference.Expected}");
            default:
                try
                {
                    return new ImageReference(SbomReference.KoraTool, ArtifactDigest.OfDirectory(artifact!));
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException($"--artifact: {ex.Message.Split(" (Parameter")[0]}", ex);
                }
        }
    }
}
