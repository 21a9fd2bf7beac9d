using System.Text.Json;

namespace KoraInfra.Responder;

/// <summary>The body of a person's request: who, and why.</summary>
public sealed record PersonRequest(string? Who, string? Why)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the body (at most 16 KiB), or null when it is not such a JSON object.</summary>
    public static async Task<PersonRequest?> ReadAsync(HttpContext http, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > 16 * 1024)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<PersonRequest>(http.Request.Body, Json, cancel);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
