namespace KoraInfra.Platform.Response;

/// <summary>The automatic actions of the seed's table (section 6, "Acao automatica").</summary>
public enum ActionKind
{
    /// <summary>"ativar rollback/feature flag no componente sem propagacao": the component's flag off for the tenant, nothing else.</summary>
    ComponentFlagOff,

    /// <summary>"throttling de carga": the tenant's load is throttled.</summary>
    Throttle,

    /// <summary>"escalonamento para DevOps on-call": an escalation alert to DevOps.</summary>
    EscalateToDevops,

    /// <summary>"ativacao de modo degradado": the tenant runs degraded.</summary>
    DegradedMode,

    /// <summary>"safe mode aos 15 min sem ACK": the tenant database refuses new flow executions.</summary>
    SafeMode,

    /// <summary>"abertura de ticket critico": the incident is marked a critical ticket.</summary>
    CriticalTicket,

    /// <summary>"notificacao redundante": every step of the chain is notified at once.</summary>
    RedundantNotification,
}

/// <summary>What each action is.</summary>
public static class ActionKinds
{
    /// <summary>
    /// The control an action sets in the tenant database (<c>kora.tenant_controls.control</c>), or
    /// null for a notification. These are what the product reads and what only a person clears.
    /// </summary>
    public static string? Control(this ActionKind kind) => kind switch
    {
        ActionKind.ComponentFlagOff => "component_off",
        ActionKind.Throttle => "throttle",
        ActionKind.DegradedMode => "degraded",
        ActionKind.SafeMode => "safe_mode",
        _ => null,
    };

    /// <summary>The wire name (snake_case) used in the action log and the API.</summary>
    public static string Wire(this ActionKind kind) => kind switch
    {
        ActionKind.ComponentFlagOff => "component_flag_off",
        ActionKind.Throttle => "throttle",
        ActionKind.EscalateToDevops => "escalate_to_devops",
        ActionKind.DegradedMode => "degraded_mode",
        ActionKind.SafeMode => "safe_mode",
        ActionKind.CriticalTicket => "critical_ticket",
        ActionKind.RedundantNotification => "redundant_notification",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Whether the action contains the incident (counts for the containment SLA).</summary>
    public static bool Contains(this ActionKind kind) => kind.Control() is not null;
}
