namespace KoraInfra.Platform.Settings;

/// <summary>
/// The Entra ID groups that administer the environment's vault (<c>kora-infra:accessGroups</c>).
/// Object ids identify groups; they grant nothing by themselves, so they are settings, not secrets.
/// </summary>
/// <param name="DevopsGroupObjectId">The DevOps group's object id.</param>
/// <param name="SecurityGroupObjectId">The security group's object id.</param>
public sealed record AccessGroups(Guid DevopsGroupObjectId, Guid SecurityGroupObjectId);

/// <summary>
/// An emergency rotation (<c>kora-infra:emergencyRotations</c>): the named secret gets a new value
/// in the next <c>up</c>. The request time is the rotation's keeper, so an entry rotates once and
/// a new entry (a new time) rotates again.
/// </summary>
/// <param name="Name">The catalogue name of the secret.</param>
/// <param name="RequestedAt">When the rotation was requested; for an operator-provided secret,
/// when the operator replaced the value in the vault.</param>
public sealed record EmergencyRotation(string Name, DateTimeOffset RequestedAt);

/// <summary>A credential reported compromised (<c>kora-infra:compromisedCredentials</c>).</summary>
/// <param name="Name">The catalogue name of the credential.</param>
/// <param name="ReportedAt">When it was reported.</param>
public sealed record CompromisedCredentialReport(string Name, DateTimeOffset ReportedAt);

/// <summary>The secrets capability's stack settings.</summary>
/// <param name="AccessGroups">Who administers the vault.</param>
/// <param name="EmergencyRotations">Every emergency rotation ever requested (the file keeps the history).</param>
/// <param name="CompromisedCredentials">Every compromised-credential report.</param>
public sealed record SecretsSettings(
    AccessGroups AccessGroups,
    IReadOnlyList<EmergencyRotation> EmergencyRotations,
    IReadOnlyList<CompromisedCredentialReport> CompromisedCredentials);
