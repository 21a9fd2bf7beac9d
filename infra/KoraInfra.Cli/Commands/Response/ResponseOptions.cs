using System.CommandLine;
using System.Text.Json;

namespace KoraInfra.Cli.Commands.Response;

/// <summary>The options every responder command takes, and how its answers are reported.</summary>
internal static class ResponseOptions
{
    public static Option<string?> Url() => new("--url") { Description = $"The responder's base URL (default: ${ResponderClient.UrlVariable})." };

    public static Option<string?> TokenFile() => new("--token-file") { Description = $"The file holding the operators' API token (default: ${ResponderClient.TokenFileVariable})." };

    public static Option<string> Who() => new("--who") { Description = "Who you are (recorded with the time).", Required = true };

    public static Option<string> Why() => new("--why") { Description = "Why (recorded).", Required = true };

    /// <summary>Runs a call, turning the responder's refusals and unreachability into one line and an exit code.</summary>
    public static int Call(ParseResult parse, Option<string?> url, Option<string?> tokenFile, Func<ResponderClient, Task<(int Status, JsonElement Body)>> call, Func<JsonElement, string> onSuccess)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var client = ResponderClient.Create(parse.GetValue(url), parse.GetValue(tokenFile));
        try
        {
            var (status, body) = call(client).GetAwaiter().GetResult();
            if (status is >= 200 and < 300)
            {
                output.WriteLine(onSuccess(body));
                return ExitCodes.Ok;
            }

            var message = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e.GetString() : body.ToString();
            error.WriteLine($"kora: the responder refused ({status}): {message}");
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("problems", out var problems) && problems.ValueKind == JsonValueKind.Array)
            {
                foreach (var problem in problems.EnumerateArray())
                {
                    error.WriteLine($"      {problem.GetString()}");
                }
            }

            return status is 400 or 401 or 404 ? ExitCodes.UsageError : ExitCodes.Findings;
        }
        catch (ResponderUnreachableException ex)
        {
            error.WriteLine($"kora: {ex.Message}");
            return ExitCodes.Findings;
        }
    }
}
