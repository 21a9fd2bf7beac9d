using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KoraInfra.Cli.Output.Tables;

namespace KoraInfra.Cli.Commands.Response;

/// <summary><c>kora incident list [--json] | ack ID --who NAME | resolve ID --who NAME --why TEXT</c>, through the responder's API.</summary>
public static class IncidentCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var command = new Command("incident", "Incidents the responder opened from alerts: list, acknowledge, resolve.");
        command.Subcommands.Add(List(services));
        command.Subcommands.Add(Transition("ack", "Acknowledge an incident: escalation stops; actions already taken stay.", withWhy: false));
        command.Subcommands.Add(Transition("resolve", "Resolve an incident, saying what was done. Safe mode is cleared separately (kora safe-mode clear).", withWhy: true));
        return command;
    }

    private static Command List(KoraServices services)
    {
        var url = ResponseOptions.Url();
        var tokenFile = ResponseOptions.TokenFile();
        var json = new Option<bool>("--json") { Description = "Print the incidents as JSON (the API's form)." };
        var open = new Option<bool>("--open") { Description = "Only incidents not yet resolved." };
        var list = new Command("list", "List incidents, newest first.") { url, tokenFile, json, open };
        list.SetAction(parse => ResponseOptions.Call(parse, url, tokenFile,
            client => client.SendAsync(HttpMethod.Get, parse.GetValue(open) ? "api/v1/incidents?open=true" : "api/v1/incidents"),
            body => parse.GetValue(json) ? JsonSerializer.Serialize(body, Indented) : services.Terminal is { } terminal ? IncidentTable.Render(body, terminal) : Table(body)));
        return list;
    }

    private static Command Transition(string name, string description, bool withWhy)
    {
        var url = ResponseOptions.Url();
        var tokenFile = ResponseOptions.TokenFile();
        var id = new Argument<long>("ID") { Description = "The incident id (kora incident list)." };
        var who = ResponseOptions.Who();
        var why = ResponseOptions.Why();
        var command = new Command(name, description) { id, url, tokenFile, who };
        if (withWhy)
        {
            command.Options.Add(why);
        }

        command.SetAction(parse => ResponseOptions.Call(parse, url, tokenFile,
            client => client.SendAsync(HttpMethod.Post, $"api/v1/incidents/{parse.GetValue(id)}/{name}", new { who = parse.GetValue(who), why = withWhy ? parse.GetValue(why) : null }),
            body => $"incident {body.GetProperty("id").GetInt64()}: {body.GetProperty("state").GetString()} by {parse.GetValue(who)}"));
        return command;
    }

    private static string Table(JsonElement incidents)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"ID",-6} {"PRIO",-4} {"STATE",-12} {"UNACKED",-8} {"STEP",-10} {"TENANT",-36} ALERT");
        foreach (var i in incidents.EnumerateArray())
        {
            var unacked = TimeSpan.FromSeconds(i.GetProperty("unackedSeconds").GetDouble());
            var tenant = i.GetProperty("tenantId").ValueKind == JsonValueKind.Null ? "-" : i.GetProperty("tenantId").GetString();
            text.Append('\n').Append(CultureInfo.InvariantCulture,
                $"{i.GetProperty("id").GetInt64(),-6} {i.GetProperty("priority").GetString(),-4} {i.GetProperty("state").GetString(),-12} {(int)unacked.TotalMinutes + "m",-8} {i.GetProperty("escalationLevel").GetString(),-10} {tenant,-36} {i.GetProperty("alertName").GetString()}{(i.GetProperty("criticalTicket").GetBoolean() ? "  [ticket critico]" : string.Empty)}");
        }

        return text.ToString();
    }
}
