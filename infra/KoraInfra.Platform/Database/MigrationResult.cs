namespace KoraInfra.Platform.Database;

/// <summary>What one migration run did.</summary>
/// <param name="Applied">The migration files applied by this run, in order (empty when up to date).</param>
public sealed record MigrationResult(IReadOnlyList<string> Applied);
