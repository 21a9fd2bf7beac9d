using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>The names roles and evidence kinds go by in documents and messages.</summary>
public static class ConditionChecksNames
{
    /// <summary>A role's name (<c>devops-on-call</c>, <c>qa</c>, <c>po</c>, …).</summary>
    public static string Role(ApprovalRole role) => ConditionChecks.RoleNames[role];

    /// <summary>An evidence kind's name (<c>lint</c>, <c>soak</c>, …).</summary>
    public static string Evidence(EvidenceKind kind) => ConditionChecks.EvidenceNames[kind];
}
