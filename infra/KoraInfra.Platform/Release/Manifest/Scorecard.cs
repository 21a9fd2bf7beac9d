namespace KoraInfra.Platform.Release.Manifest;

/// <summary>The RC scorecard ("scorecard RC" / "scorecard final") and where it is recorded.</summary>
/// <param name="Passed">Whether the scorecard's result is a pass.</param>
/// <param name="Url">The scorecard record.</param>
public sealed record Scorecard(bool Passed, Uri Url);
