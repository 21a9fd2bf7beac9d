using KoraInfra.Platform.Response;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Responder;

/// <summary>
/// One pass over the unresolved incidents: the escalation due now (Platform's
/// <see cref="EscalationPolicy"/>) and the automatic actions due now (<see cref="AutomaticActions"/>),
/// each sent through Alertmanager and recorded once.
/// </summary>
public sealed partial class ResponseRound(IncidentStore store, AlertmanagerClient alertmanager, TimeProvider time, ILogger<ResponseRound> log)
{
    /// <summary>Runs one pass; an unreachable Alertmanager is logged and retried next pass.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        foreach (var stored in await store.ListAsync(unresolvedOnly: true, cancel))
        {
            var incident = stored.Incident;
            try
            {
                var now = time.GetUtcNow();
                if (EscalationPolicy.Due(incident, now) is { } level)
                {
                    await alertmanager.PostAsync(EscalationAlert.Labels(incident, EscalationAlert.Step(level), "p0-no-ack"), EscalationAlert.Summary(incident, now), cancel);
                    await store.RecordEscalationAsync(incident, level, cancel);
                    LogEscalated(incident.Id, EscalationAlert.Step(level));
                    incident = (await store.GetAsync(incident.Id, cancel))!.Incident;
                }

                foreach (var action in AutomaticActions.Due(incident, now))
                {
                    var taken = await store.TakeActionAsync(incident, action, () => NotifyAsync(incident, action, now, cancel), cancel);
                    if (taken)
                    {
                        LogAction(incident.Id, action.Kind.Wire(), action.TenantId?.ToString() ?? "(no tenant)");
                        incident = (await store.GetAsync(incident.Id, cancel))!.Incident;
                    }
                }
            }
            catch (AlertmanagerUnreachableException ex)
            {
                LogUnreachable(incident.Id, ex.Message);
            }
        }
    }

    private Task NotifyAsync(Incident incident, DueAction action, DateTimeOffset now, CancellationToken cancel) => action.Kind switch
    {
        ActionKind.EscalateToDevops => alertmanager.PostAsync(EscalationAlert.Labels(incident, EscalationAlert.Step(EscalationLevel.Devops), action.Rule), EscalationAlert.Summary(incident, now), cancel),
        ActionKind.RedundantNotification => alertmanager.PostAsync(EscalationAlert.Labels(incident, EscalationAlert.Everyone, action.Rule), EscalationAlert.Summary(incident, now), cancel),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "incident {Incident}: escalated to {Step}")]
    private partial void LogEscalated(long incident, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "incident {Incident}: automatic action {Action} for tenant {Tenant}")]
    private partial void LogAction(long incident, string action, string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "incident {Incident}: {Problem}")]
    private partial void LogUnreachable(long incident, string problem);
}

/// <summary>Runs <see cref="ResponseRound"/> every <see cref="ResponderOptions.EscalationIntervalSeconds"/>.</summary>
public sealed partial class EscalationLoop(ResponseRound round, ResponderOptions options, TimeProvider time, ILogger<EscalationLoop> log) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.EscalationIntervalSeconds), time);
        do
        {
            try
            {
                await round.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
            {
                LogRoundFailed(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "response round failed, retrying next round: {Problem}")]
    private partial void LogRoundFailed(string problem);
}
