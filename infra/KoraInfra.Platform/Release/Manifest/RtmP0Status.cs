namespace KoraInfra.Platform.Release.Manifest;

/// <summary>
/// The P0 requirements traceability matrix ("RTM P0 (RF/RNF -> US -> TC -> evidencia)
/// atualizada e validada") and where it is recorded.
/// </summary>
/// <param name="Complete">Whether every P0 requirement traces to a passing test with evidence.</param>
/// <param name="Url">The matrix.</param>
public sealed record RtmP0Status(bool Complete, Uri Url);
