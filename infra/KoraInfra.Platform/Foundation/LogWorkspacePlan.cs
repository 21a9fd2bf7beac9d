namespace KoraInfra.Platform.Foundation;

/// <summary>The Log Analytics workspace that receives audit and diagnostic logs.</summary>
/// <param name="Name">The workspace name.</param>
/// <param name="RetentionInDays">How long logs are kept (Azure allows 30-730 on PerGB2018).</param>
public sealed record LogWorkspacePlan(string Name, int RetentionInDays)
{
    /// <summary>Pay-as-you-go per GB: the only SKU offered to new workspaces.</summary>
    public string Sku { get; init; } = "PerGB2018";
}
