using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KoraInfra.Cli.Commands.Response;

/// <summary>
/// The responder's authenticated API as <c>kora</c> calls it. The URL comes from <c>--url</c> or
/// <c>KORA_RESPONDER_URL</c>; the bearer token from the file named by <c>--token-file</c> or
/// <c>KORA_RESPONDER_TOKEN_FILE</c> (never from the command line, where it would be in the shell's history).
/// </summary>
internal sealed class ResponderClient : IDisposable
{
    public const string UrlVariable = "KORA_RESPONDER_URL";
    public const string TokenFileVariable = "KORA_RESPONDER_TOKEN_FILE";

    private readonly HttpClient _http;

    private ResponderClient(Uri baseUrl, string token)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(20) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri BaseUrl => _http.BaseAddress!;

    public static ResponderClient Create(string? url, string? tokenFile)
    {
        url ??= Environment.GetEnvironmentVariable(UrlVariable);
        tokenFile ??= Environment.GetEnvironmentVariable(TokenFileVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new UsageException($"the responder's URL is not given; pass --url or set {UrlVariable} (such as http://kora-responder.kora-response:8080)");
        }

        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--url '{url}' is not an http(s) URL; expected such as http://kora-responder.kora-response:8080");
        }

        if (string.IsNullOrWhiteSpace(tokenFile))
        {
            throw new UsageException($"the API token file is not given; pass --token-file or set {TokenFileVariable} (the file holding the responder's operators' token)");
        }

        if (!File.Exists(tokenFile))
        {
            throw new UsageException($"the token file '{tokenFile}' does not exist; expected the file holding the responder's operators' token");
        }

        var token = File.ReadAllText(tokenFile).Trim();
        if (token.Length == 0)
        {
            throw new UsageException($"the token file '{tokenFile}' is empty; expected the responder's operators' token");
        }

        return new ResponderClient(baseUrl, token);
    }

    /// <summary>Sends a request; returns the status and the parsed body. An unreachable responder is named as such.</summary>
    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ResponderUnreachableException($"the responder at {BaseUrl} is unreachable ({ex.Message})");
        }
        catch (TaskCanceledException)
        {
            throw new ResponderUnreachableException($"the responder at {BaseUrl} did not answer within 20 s");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            JsonElement parsed;
            try
            {
                using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
                parsed = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new ResponderUnreachableException($"the responder at {BaseUrl} answered {(int)response.StatusCode} with a body that is not JSON; is --url the responder?");
            }

            return ((int)response.StatusCode, parsed);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The responder could not be reached or did not answer as the responder.</summary>
internal sealed class ResponderUnreachableException(string message) : Exception(message);
