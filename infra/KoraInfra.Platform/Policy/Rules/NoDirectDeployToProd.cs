using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>
/// KORA-001: staging and prod are deployed only from a verified release manifest (risk R-DO-002:
/// "bloquear deploy direto em prod e exigir promocao de artefato assinado"); prod only from a GA
/// promotion, with every image pinned by digest.
/// </summary>
public sealed partial class NoDirectDeployToProd : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "KORA-001";

    /// <inheritdoc />
    public override string Title => "Staging and prod carry a verified release manifest; prod only from an approved GA promotion with images by digest";

    /// <inheritdoc />
    public override string Rationale => "A direct deploy outside the promotion flow creates drift between environments and bypasses the mandatory gates (seed: \"proibido deploy direto de branch\").";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Critical;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Levels.MandatoryWhere(environment.RequiresReleaseManifest, EnforcementLevel.Disabled);
    }

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifests = context.Stack.OfType(TypeTokens.ReleaseManifest).ToList();
        if (manifests.Count != 1)
        {
            yield return new Finding(null, manifests.Count == 0
                ? $"stack '{context.Stack.StackName}' declares no release manifest: it can only be deployed by promotion (kora promote)"
                : $"stack '{context.Stack.StackName}' declares {manifests.Count} release manifests; expected exactly one");
            yield break;
        }

        var manifest = manifests[0];
        if (manifest.Flag("verified") != true)
        {
            yield return new Finding(manifest.Urn, "the release manifest's signature was not verified");
        }

        if (manifest.Text("stack") != context.Stack.StackName)
        {
            yield return new Finding(manifest.Urn, $"the release manifest is for stack '{manifest.Text("stack")}', not '{context.Stack.StackName}'");
        }

        var version = manifest.Text("version");
        if (context.Environment.ChecksRunOnPromotedArtifact && (version is null || !GaVersion().IsMatch(version)))
        {
            yield return new Finding(manifest.Urn, $"version '{version}' is not a GA tag (vX.Y.Z); prod is deployed only from a GA promotion of an approved RC");
        }

        if (context.Environment.ChecksRunOnPromotedArtifact && manifest.Text("gate") != "deploy-prod")
        {
            yield return new Finding(manifest.Urn, $"the release manifest was admitted by gate '{manifest.Text("gate")}'; prod takes only a manifest admitted by the deploy-prod gate (go/no-go)");
        }

        var findings = Json.Count(manifest.Property("openCriticalFindings"));
        if (findings > 0)
        {
            yield return new Finding(manifest.Urn, $"the release carries {findings} open critical finding(s); a release must have none");
        }

        // Every item counts, a non-string one as an image with no name (never pinned).
        var images = new List<string?>();
        foreach (var image in Json.Items(manifest.Property("images")))
        {
            images.Add(Json.Text(image));
        }

        if (images.Count == 0)
        {
            yield return new Finding(manifest.Urn, "the release manifest lists no image");
        }

        foreach (var image in images.Where(i => !ImagesByDigest.IsPinned(i)))
        {
            yield return new Finding(manifest.Urn, $"image '{image}' is not pinned by digest");
        }
    }

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+\.[0-9]+$")]
    private static partial Regex GaVersion();
}
