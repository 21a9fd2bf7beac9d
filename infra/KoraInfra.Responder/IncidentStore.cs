using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using KoraInfra.Platform.Response;
using KoraInfra.Platform.Settings;
using Npgsql;
using NpgsqlTypes;

namespace KoraInfra.Responder;

/// <summary>
/// The responder's state in PostgreSQL (schema <c>responder</c>). Every change is one
/// transaction: a webhook is applied whole or not at all, and a restart loses nothing.
/// </summary>
public sealed class IncidentStore(NpgsqlDataSource data, TimeProvider time)
{
    private const long ActionLogLock = 0x6b6f7261_6c6f67; // "koralog"
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Applies a validated webhook: opens incidents for new firing alerts, notes resolved ones; a replay changes nothing.</summary>
    public async Task<WebhookOutcome> ApplyWebhookAsync(byte[] body, WebhookPayload payload, TimeSpan replayWindow, CancellationToken cancel)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(body));
        var now = time.GetUtcNow();
        await using var connection = await data.OpenConnectionAsync(cancel);
        await using var tx = await connection.BeginTransactionAsync(cancel);

        await using (var receipt = new NpgsqlCommand("SELECT last_received_at FROM responder.webhook_receipts WHERE digest = @d FOR UPDATE", connection, tx))
        {
            receipt.Parameters.AddWithValue("d", digest);
            if (await receipt.ExecuteScalarAsync(cancel) is DateTime last && now - new DateTimeOffset(last, TimeSpan.Zero) < replayWindow)
            {
                return WebhookOutcome.Replay(new DateTimeOffset(last, TimeSpan.Zero));
            }
        }

        var opened = new List<long>();
        var known = 0;
        foreach (var alert in payload.Alerts)
        {
            if (alert.Firing)
            {
                var incident = IncidentLifecycle.Open(alert, PriorityMapping.Default, now);
                var id = await InsertIfNewAsync(connection, tx, incident, cancel);
                if (id is { } newId)
                {
                    opened.Add(newId);
                }
                else
                {
                    known++;
                }
            }
            else
            {
                await using var resolved = new NpgsqlCommand(
                    "UPDATE responder.incidents SET alert_resolved_at = @at WHERE fingerprint = @f AND starts_at = @s AND alert_resolved_at IS NULL", connection, tx);
                resolved.Parameters.AddWithValue("at", alert.EndsAt ?? now);
                resolved.Parameters.AddWithValue("f", alert.Fingerprint);
                resolved.Parameters.AddWithValue("s", alert.StartsAt);
                known += await resolved.ExecuteNonQueryAsync(cancel);
            }
        }

        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO responder.webhook_receipts (digest, first_received_at, last_received_at, times) VALUES (@d, @now, @now, 1)
            ON CONFLICT (digest) DO UPDATE SET last_received_at = @now, times = responder.webhook_receipts.times + 1
            """, connection, tx))
        {
            upsert.Parameters.AddWithValue("d", digest);
            upsert.Parameters.AddWithValue("now", now);
            await upsert.ExecuteNonQueryAsync(cancel);
        }

        await tx.CommitAsync(cancel);
        return WebhookOutcome.Applied(opened, known);
    }

    /// <summary>Every incident, newest first.</summary>
    public async Task<IReadOnlyList<StoredIncident>> ListAsync(bool unresolvedOnly, CancellationToken cancel)
    {
        await using var connection = await data.OpenConnectionAsync(cancel);
        return await ReadAsync(connection, null, unresolvedOnly ? "WHERE state <> 'resolved'" : string.Empty, null, cancel);
    }

    /// <summary>One incident, or null.</summary>
    public async Task<StoredIncident?> GetAsync(long id, CancellationToken cancel)
    {
        await using var connection = await data.OpenConnectionAsync(cancel);
        return (await ReadAsync(connection, null, "WHERE id = @id", id, cancel)).SingleOrDefault();
    }

    /// <summary>Applies a transition by a person under a row lock; a refused transition changes nothing.</summary>
    public async Task<StoredIncident?> TransitionAsync(long id, Func<Incident, DateTimeOffset, Incident> transition, CancellationToken cancel)
    {
        await using var connection = await data.OpenConnectionAsync(cancel);
        await using var tx = await connection.BeginTransactionAsync(cancel);
        var current = (await ReadAsync(connection, tx, "WHERE id = @id FOR UPDATE", id, cancel)).SingleOrDefault();
        if (current is null)
        {
            return null;
        }

        var next = transition(current.Incident, time.GetUtcNow());
        await SaveAsync(connection, tx, current.Incident, next, cancel);
        await tx.CommitAsync(cancel);
        return current with { Incident = next };
    }

    /// <summary>Records an escalation that was sent, and logs it.</summary>
    public async Task RecordEscalationAsync(Incident incident, EscalationLevel level, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        await using var connection = await data.OpenConnectionAsync(cancel);
        await using var tx = await connection.BeginTransactionAsync(cancel);
        await SaveAsync(connection, tx, incident, IncidentLifecycle.Escalated(incident, level, now), cancel);
        await AppendLogAsync(connection, tx, new ActionLogEntry
        {
            Sequence = 0,
            At = now,
            Who = IncidentLifecycle.Responder,
            Action = "escalation",
            Incident = incident.Id,
            Tenant = incident.TenantId,
            Target = EscalationAlert.Step(level),
            Why = "P0 sem ACK interno por > 5 min",
        }, cancel);
        await tx.CommitAsync(cancel);
    }

    /// <summary>
    /// Takes an action once: returns false when this incident already took it. Tenant controls are
    /// engaged in the tenant database through its function in the same transaction.
    /// </summary>
    public async Task<bool> TakeActionAsync(Incident incident, DueAction action, Func<Task> notify, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(notify);
        var now = time.GetUtcNow();
        await using var connection = await data.OpenConnectionAsync(cancel);
        await using var tx = await connection.BeginTransactionAsync(cancel);
        var outcome = action.MissingTenant ? "needs a person: the alert names no tenant_id" : "engaged";
        await using (var claim = new NpgsqlCommand("""
            INSERT INTO responder.actions (incident, key, action, tenant, target, at, outcome) VALUES (@i, @k, @a, @t, @c, @now, @o)
            ON CONFLICT (incident, key) DO NOTHING
            """, connection, tx))
        {
            claim.Parameters.AddWithValue("i", incident.Id);
            claim.Parameters.AddWithValue("k", action.Key);
            claim.Parameters.AddWithValue("a", action.Kind.Wire());
            claim.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Uuid) { Value = (object?)action.TenantId ?? DBNull.Value });
            claim.Parameters.AddWithValue("c", action.Component);
            claim.Parameters.AddWithValue("now", now);
            claim.Parameters.AddWithValue("o", outcome);
            if (await claim.ExecuteNonQueryAsync(cancel) == 0)
            {
                return false;
            }
        }

        var next = incident;
        if (action.Kind.Control() is { } control && action.TenantId is { } tenant)
        {
            await using (var engage = new NpgsqlCommand("SELECT kora.engage_tenant_control(@t, @c, @k, @w, @y, @i)", connection, tx))
            {
                engage.Parameters.AddWithValue("t", tenant);
                engage.Parameters.AddWithValue("c", control);
                engage.Parameters.AddWithValue("k", action.Component);
                engage.Parameters.AddWithValue("w", IncidentLifecycle.Responder);
                engage.Parameters.AddWithValue("y", $"incident {incident.Id}: {action.Rule}");
                engage.Parameters.AddWithValue("i", incident.Id);
                await engage.ExecuteScalarAsync(cancel);
            }

            await using (var mirror = new NpgsqlCommand("""
                INSERT INTO responder.controls (tenant, control, component, incident, engaged_at) VALUES (@t, @c, @k, @i, @now)
                ON CONFLICT (tenant, control, component) WHERE cleared_at IS NULL DO NOTHING
                """, connection, tx))
            {
                mirror.Parameters.AddWithValue("t", tenant);
                mirror.Parameters.AddWithValue("c", control);
                mirror.Parameters.AddWithValue("k", action.Component);
                mirror.Parameters.AddWithValue("i", incident.Id);
                mirror.Parameters.AddWithValue("now", now);
                await mirror.ExecuteNonQueryAsync(cancel);
            }

            next = IncidentLifecycle.Contained(incident, now);
        }

        if (action.Kind == ActionKind.CriticalTicket)
        {
            await using var ticket = new NpgsqlCommand("UPDATE responder.incidents SET critical_ticket = true WHERE id = @i", connection, tx);
            ticket.Parameters.AddWithValue("i", incident.Id);
            await ticket.ExecuteNonQueryAsync(cancel);
        }

        await SaveAsync(connection, tx, incident, next, cancel);
        await AppendLogAsync(connection, tx, new ActionLogEntry
        {
            Sequence = 0,
            At = now,
            Who = IncidentLifecycle.Responder,
            Action = action.Kind.Wire(),
            Incident = incident.Id,
            Tenant = action.TenantId,
            Target = action.Component,
            Why = action.MissingTenant ? $"{action.Rule} ({outcome})" : action.Rule,
        }, cancel);

        // The notification goes out before the commit: if Alertmanager is unreachable the action is
        // not recorded and the next round tries again.
        await notify();
        await tx.CommitAsync(cancel);
        return true;
    }

    /// <summary>A person clears a tenant's safe mode, saying why; returns how many engagements were cleared.</summary>
    public async Task<int> ClearSafeModeAsync(Guid tenant, string who, string why, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        await using var connection = await data.OpenConnectionAsync(cancel);
        await using var tx = await connection.BeginTransactionAsync(cancel);
        const string Control = "safe_mode";
        int cleared;
        await using (var clear = new NpgsqlCommand("SELECT kora.clear_tenant_control(@t, @c, NULL, @w, @y)", connection, tx))
        {
            clear.Parameters.AddWithValue("t", tenant);
            clear.Parameters.AddWithValue("c", Control);
            clear.Parameters.AddWithValue("w", who);
            clear.Parameters.AddWithValue("y", why);
            cleared = (int)(await clear.ExecuteScalarAsync(cancel))!;
        }

        await using (var mirror = new NpgsqlCommand(
            "UPDATE responder.controls SET cleared_at = @now, cleared_by = @w, clear_reason = @y WHERE tenant = @t AND control = @c AND cleared_at IS NULL", connection, tx))
        {
            mirror.Parameters.AddWithValue("now", now);
            mirror.Parameters.AddWithValue("w", who);
            mirror.Parameters.AddWithValue("y", why);
            mirror.Parameters.AddWithValue("t", tenant);
            mirror.Parameters.AddWithValue("c", Control);
            await mirror.ExecuteNonQueryAsync(cancel);
        }

        if (cleared > 0)
        {
            await AppendLogAsync(connection, tx, new ActionLogEntry { Sequence = 0, At = now, Who = who, Action = "clear_" + Control, Tenant = tenant, Why = why }, cancel);
        }

        await tx.CommitAsync(cancel);
        return cleared;
    }

    /// <summary>The tenants currently in each control (for the metrics), and the action log.</summary>
    public async Task<IReadOnlyList<(Guid Tenant, string Control, string Component)>> ActiveControlsAsync(CancellationToken cancel)
    {
        await using var connection = await data.OpenConnectionAsync(cancel);
        await using var command = new NpgsqlCommand("SELECT tenant, control, component FROM responder.controls WHERE cleared_at IS NULL ORDER BY tenant, control, component", connection);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var result = new List<(Guid, string, string)>();
        while (await reader.ReadAsync(cancel))
        {
            result.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        return result;
    }

    /// <summary>The action log, in order.</summary>
    public async Task<IReadOnlyList<ActionLogEntry>> ActionLogAsync(CancellationToken cancel)
    {
        await using var connection = await data.OpenConnectionAsync(cancel);
        await using var command = new NpgsqlCommand("SELECT entry::text FROM responder.action_log ORDER BY sequence", connection);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var result = new List<ActionLogEntry>();
        while (await reader.ReadAsync(cancel))
        {
            result.Add(JsonSerializer.Deserialize<ActionLogEntry>(reader.GetString(0), Json)!);
        }

        return result;
    }

    /// <summary>Whether the database answers (readiness).</summary>
    public async Task<bool> PingAsync(CancellationToken cancel)
    {
        try
        {
            await using var connection = await data.OpenConnectionAsync(cancel);
            await using var command = new NpgsqlCommand("SELECT 1 FROM responder.incidents LIMIT 1", connection);
            await command.ExecuteScalarAsync(cancel);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task AppendLogAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ActionLogEntry draft, CancellationToken cancel)
    {
        // One writer at a time: the chain's next link depends on the last one. An advisory lock
        // needs no table privilege beyond SELECT and INSERT.
        await using (var lockLog = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ActionLogLock})", connection, tx))
        {
            await lockLog.ExecuteNonQueryAsync(cancel);
        }

        ActionLogEntry? last = null;
        await using (var read = new NpgsqlCommand("SELECT entry::text FROM responder.action_log ORDER BY sequence DESC LIMIT 1", connection, tx))
        {
            if (await read.ExecuteScalarAsync(cancel) is string text)
            {
                last = JsonSerializer.Deserialize<ActionLogEntry>(text, Json);
            }
        }

        var entry = ActionLogChain.Append(last, draft);
        await using var insert = new NpgsqlCommand("INSERT INTO responder.action_log (sequence, entry, hash) VALUES (@s, @e, @h)", connection, tx);
        insert.Parameters.AddWithValue("s", entry.Sequence);
        insert.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(entry, Json) });
        insert.Parameters.AddWithValue("h", entry.Hash);
        await insert.ExecuteNonQueryAsync(cancel);
    }

    private static async Task<long?> InsertIfNewAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Incident incident, CancellationToken cancel)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO responder.incidents (fingerprint, starts_at, alertname, labels, tenant, priority, state, opened_at)
            VALUES (@f, @s, @n, @l, @t, @p, 'open', @o)
            ON CONFLICT (fingerprint, starts_at) DO NOTHING
            RETURNING id
            """, connection, tx);
        insert.Parameters.AddWithValue("f", incident.Fingerprint);
        insert.Parameters.AddWithValue("s", incident.StartsAt);
        insert.Parameters.AddWithValue("n", incident.AlertName);
        insert.Parameters.Add(new NpgsqlParameter("l", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(incident.Labels, Json) });
        insert.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Uuid) { Value = (object?)incident.TenantId ?? DBNull.Value });
        insert.Parameters.AddWithValue("p", incident.Priority.ToString());
        insert.Parameters.AddWithValue("o", incident.OpenedAt);
        if (await insert.ExecuteScalarAsync(cancel) is not long id)
        {
            return null;
        }

        await InsertTransitionsAsync(connection, tx, id, 0, incident.Transitions, cancel);
        return id;
    }

    private static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Incident before, Incident after, CancellationToken cancel)
    {
        await using var update = new NpgsqlCommand("""
            UPDATE responder.incidents SET state = @state, acked_at = @acked_at, acked_by = @acked_by, resolved_at = @resolved_at,
                contained_at = @contained_at, escalation_level = @level, last_escalated_at = @escalated
            WHERE id = @id
            """, connection, tx);
        update.Parameters.AddWithValue("id", after.Id);
        update.Parameters.AddWithValue("state", after.State.ToString().ToLowerInvariant());
        update.Parameters.Add(Time("acked_at", after.AckedAt));
        update.Parameters.Add(new NpgsqlParameter("acked_by", NpgsqlDbType.Text) { Value = (object?)after.AckedBy ?? DBNull.Value });
        update.Parameters.Add(Time("resolved_at", after.ResolvedAt));
        update.Parameters.Add(Time("contained_at", after.ContainedAt));
        update.Parameters.AddWithValue("level", EscalationAlert.Step(after.EscalationLevel));
        update.Parameters.Add(Time("escalated", after.LastEscalatedAt));
        await update.ExecuteNonQueryAsync(cancel);
        await InsertTransitionsAsync(connection, tx, after.Id, before.Transitions.Count, after.Transitions.Skip(before.Transitions.Count), cancel);
    }

    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v : DBNull.Value };

    private static async Task InsertTransitionsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long id, int first, IEnumerable<IncidentTransition> transitions, CancellationToken cancel)
    {
        var seq = first;
        foreach (var t in transitions)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO responder.transitions VALUES (@i, @q, @f, @to, @w, @at, @y)", connection, tx);
            insert.Parameters.AddWithValue("i", id);
            insert.Parameters.AddWithValue("q", ++seq);
            insert.Parameters.Add(new NpgsqlParameter("f", NpgsqlDbType.Text) { Value = t.From is { } f ? f.ToString().ToLowerInvariant() : DBNull.Value });
            insert.Parameters.AddWithValue("to", t.To.ToString().ToLowerInvariant());
            insert.Parameters.AddWithValue("w", t.Who);
            insert.Parameters.AddWithValue("at", t.At);
            insert.Parameters.Add(new NpgsqlParameter("y", NpgsqlDbType.Text) { Value = (object?)t.Why ?? DBNull.Value });
            await insert.ExecuteNonQueryAsync(cancel);
        }
    }

    private static async Task<IReadOnlyList<StoredIncident>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string where, long? id, CancellationToken cancel)
    {
        var rows = new List<StoredIncident>();
        await using (var command = new NpgsqlCommand($"""
            SELECT id, fingerprint, starts_at, alertname, labels::text, tenant, priority, state, opened_at, acked_at, acked_by, resolved_at,
                   contained_at, alert_resolved_at, escalation_level, last_escalated_at, critical_ticket
            FROM responder.incidents {where.Replace("FOR UPDATE", string.Empty, StringComparison.Ordinal)} ORDER BY id DESC {(where.EndsWith("FOR UPDATE", StringComparison.Ordinal) ? "FOR UPDATE" : string.Empty)}
            """, connection, tx))
        {
            if (id is { } value)
            {
                command.Parameters.AddWithValue("id", value);
            }

            await using var reader = await command.ExecuteReaderAsync(cancel);
            while (await reader.ReadAsync(cancel))
            {
                DateTimeOffset? At(int i) => reader.IsDBNull(i) ? null : new DateTimeOffset(reader.GetDateTime(i), TimeSpan.Zero);
                rows.Add(new StoredIncident(new Incident
                {
                    Id = reader.GetInt64(0),
                    Fingerprint = reader.GetString(1),
                    StartsAt = At(2)!.Value,
                    AlertName = reader.GetString(3),
                    Labels = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4), Json)!,
                    TenantId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
                    Priority = Enum.Parse<Priority>(reader.GetString(6)),
                    State = Enum.Parse<IncidentState>(reader.GetString(7), ignoreCase: true),
                    OpenedAt = At(8)!.Value,
                    AckedAt = At(9),
                    AckedBy = reader.IsDBNull(10) ? null : reader.GetString(10),
                    ResolvedAt = At(11),
                    ContainedAt = At(12),
                    AlertResolvedAt = At(13),
                    EscalationLevel = Enum.Parse<EscalationLevel>(reader.GetString(14), ignoreCase: true),
                    LastEscalatedAt = At(15),
                }, reader.GetBoolean(16)));
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { Incident = rows[i].Incident with { Transitions = await TransitionsAsync(connection, tx, rows[i].Incident.Id, cancel) } };
        }

        return rows;
    }

    private static async Task<IReadOnlyList<IncidentTransition>> TransitionsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long id, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand("SELECT from_state, to_state, who, at, why FROM responder.transitions WHERE incident = @i ORDER BY seq", connection, tx);
        command.Parameters.AddWithValue("i", id);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var result = new List<IncidentTransition>();
        while (await reader.ReadAsync(cancel))
        {
            result.Add(new IncidentTransition(
                reader.IsDBNull(0) ? null : Enum.Parse<IncidentState>(reader.GetString(0), ignoreCase: true),
                Enum.Parse<IncidentState>(reader.GetString(1), ignoreCase: true),
                reader.GetString(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return result;
    }

    internal static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>An incident as stored, with the responder's own flags.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="CriticalTicket">Whether the seed's "ticket critico" was opened for it.</param>
public sealed record StoredIncident(Incident Incident, bool CriticalTicket);

/// <summary>What a webhook did.</summary>
/// <param name="IsReplay">True when refused as a replay.</param>
/// <param name="Opened">Ids of the incidents it opened.</param>
/// <param name="Known">Alerts that were already incidents (repeats) or resolutions noted.</param>
/// <param name="FirstSeenAt">For a replay: when the identical body was last received.</param>
public sealed record WebhookOutcome(bool IsReplay, IReadOnlyList<long> Opened, int Known, DateTimeOffset? FirstSeenAt)
{
    internal static WebhookOutcome Replay(DateTimeOffset at) => new(true, [], 0, at);

    internal static WebhookOutcome Applied(IReadOnlyList<long> opened, int known) => new(false, opened, known, null);
}
