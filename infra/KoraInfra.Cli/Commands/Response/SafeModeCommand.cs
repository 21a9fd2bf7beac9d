using System.CommandLine;

namespace KoraInfra.Cli.Commands.Response;

/// <summary><c>kora safe-mode clear TENANT --who NAME --why TEXT</c>: the only way out of safe mode, by a person, recorded.</summary>
public static class SafeModeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var url = ResponseOptions.Url();
        var tokenFile = ResponseOptions.TokenFile();
        var tenant = new Argument<string>("TENANT") { Description = "The tenant's id (a UUID, as in tenant_id)." };
        var who = ResponseOptions.Who();
        var why = ResponseOptions.Why();
        var clear = new Command("clear", "Take a tenant out of safe mode: flow executions can start again. Never automatic.") { tenant, url, tokenFile, who, why };
        clear.SetAction(parse =>
        {
            if (!Guid.TryParse(parse.GetValue(tenant), out var id))
            {
                throw new UsageException($"TENANT '{parse.GetValue(tenant)}' is not a tenant id; expected a UUID such as 0b3f1a52-6c1e-4c55-9d1a-5a8c00000001");
            }

            return ResponseOptions.Call(parse, url, tokenFile,
                client => client.SendAsync(HttpMethod.Post, $"api/v1/tenants/{id}/safe-mode/clear", new { who = parse.GetValue(who), why = parse.GetValue(why) }),
                _ => $"tenant {id}: safe mode cleared by {parse.GetValue(who)}");
        });
        return new Command("safe-mode", "Safe mode of a tenant (engaged by the responder at 15 min without ACK on a critical alert).") { clear };
    }
}
