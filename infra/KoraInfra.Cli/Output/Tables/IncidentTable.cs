using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace KoraInfra.Cli.Output.Tables;

/// <summary><c>kora incident list</c> on a terminal: the responder's incidents as a table, P0 in red.</summary>
internal static class IncidentTable
{
    public static string Render(JsonElement incidents, TerminalOutput terminal)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = RichConsole.For(text, terminal);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "prio", "state", "unacked", "step", "tenant", "alert");
        foreach (var i in incidents.EnumerateArray())
        {
            var priority = i.GetProperty("priority").GetString() ?? string.Empty;
            var tenant = i.GetProperty("tenantId").ValueKind == JsonValueKind.Null ? "-" : i.GetProperty("tenantId").GetString() ?? "-";
            var alert = i.GetProperty("alertName").GetString() + (i.GetProperty("criticalTicket").GetBoolean() ? "  [ticket critico]" : string.Empty);
            table.AddRow(
                i.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
                priority == "P0" ? $"[red bold]{Markup.Escape(priority)}[/]" : Markup.Escape(priority),
                Markup.Escape(i.GetProperty("state").GetString() ?? string.Empty),
                ((int)TimeSpan.FromSeconds(i.GetProperty("unackedSeconds").GetDouble()).TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m",
                Markup.Escape(i.GetProperty("escalationLevel").GetString() ?? string.Empty),
                Markup.Escape(tenant),
                Markup.Escape(alert));
        }

        console.Write(table);

        // The caller writes the line; the table's own last line break would double it.
        return text.ToString().TrimEnd('\n', '\r');
    }
}
