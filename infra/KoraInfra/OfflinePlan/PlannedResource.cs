using Pulumi;

namespace KoraInfra.OfflinePlan;

/// <summary>One registered resource with everything the offline run knows of it.</summary>
/// <param name="Recorded">The mock monitor's view: type, name, known inputs (secrets unwrapped), provider.</param>
/// <param name="Urn">The engine-shaped URN, with the parent chain in its type.</param>
/// <param name="ParentUrn">The parent's URN (the stack's for a top-level component); null for the stack.</param>
/// <param name="Resource">The SDK's resource object, when it could be matched.</param>
/// <param name="Inputs">Every input as the program passed it, with its known and secret flags.</param>
/// <param name="Id">The id the mocks gave a custom resource; null for a component.</param>
public sealed record PlannedResource(RecordedResource Recorded, string Urn, string? ParentUrn, Resource? Resource, IReadOnlyList<RecordedInput> Inputs, string? Id);
