namespace KoraInfra.Platform.Settings;

/// <summary>
/// How promotions into a gated stack are governed (<c>kora-infra:promotion</c>): where the deploy
/// audit log lives and how old an approval may be when the gate judges it. Read from the stack
/// file, so neither can be pointed elsewhere by a command-line flag.
/// </summary>
/// <param name="AuditLog">The deploy audit log, relative to the project directory.</param>
/// <param name="ApprovalWindow">The oldest an approval may be at the moment its gate judges it.</param>
public sealed record PromotionSettings(string AuditLog, TimeSpan ApprovalWindow);
