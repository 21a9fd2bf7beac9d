using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using KoraInfra.Platform.Secrets.RedisKeys;

namespace KoraInfra.Cli.Commands.Rotation;

/// <summary>
/// The cache's <c>listKeys</c> and <c>regenerateKey</c> through Azure Resource Manager's REST API
/// (no management SDK for Microsoft.Cache is available to this project), with an Entra token of
/// whoever runs kora (the pipeline's federated identity, or <c>az login</c>). The keys stay in memory.
/// </summary>
internal sealed class ArmRedisKeyService(HttpClient http, TokenCredential credential, string subscription, string resourceGroup, string cache, string management = ArmRedisKeyService.Management) : IRedisKeyService
{
    /// <summary>The documented Microsoft.Cache/redis API version used for both operations.</summary>
    public const string ApiVersion = "2024-11-01";

    /// <summary>Azure Resource Manager's public endpoint.</summary>
    public const string Management = "https://management.azure.com";

    private string Resource => $"/subscriptions/{Uri.EscapeDataString(subscription)}/resourceGroups/{Uri.EscapeDataString(resourceGroup)}/providers/Microsoft.Cache/redis/{Uri.EscapeDataString(cache)}";

    public async Task<RedisAccessKeys> ListKeysAsync(CancellationToken cancellationToken)
    {
        using var response = await PostAsync("listKeys", null, cancellationToken).ConfigureAwait(false);
        var keys = await response.Content.ReadFromJsonAsync<KeysBody>(cancellationToken).ConfigureAwait(false);
        return keys is { PrimaryKey: { Length: > 0 } primary, SecondaryKey: { Length: > 0 } secondary }
            ? new RedisAccessKeys(primary, secondary)
            : throw new DependencyUnavailableException($"Azure Resource Manager answered listKeys of {cache} without both keys; expected primaryKey and secondaryKey");
    }

    public async Task RegenerateKeyAsync(RedisKey key, CancellationToken cancellationToken)
    {
        // The answer carries both new keys; it is discarded unread.
        using var response = await PostAsync("regenerateKey", new { keyType = key.KeyType() }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> PostAsync(string operation, object? body, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = (await credential.GetTokenAsync(new TokenRequestContext([Management + "/.default"]), cancellationToken).ConfigureAwait(false)).Token;
        }
        catch (AuthenticationFailedException ex)
        {
            throw new DependencyUnavailableException($"no Entra token for Azure Resource Manager ({ex.Message.Split('\n')[0]}); sign in with 'az login' or run in the pipeline with its federated identity", ex);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{management}{Resource}/{operation}?api-version={ApiVersion}")
        {
            Content = body is null ? new StringContent(string.Empty) : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new DependencyUnavailableException($"Azure Resource Manager ({management}) is unreachable ({ex.Message}); the {operation} of cache {cache} was not attempted", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException($"Azure Resource Manager ({management}) did not answer the {operation} of cache {cache} in time", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new DependencyUnavailableException($"Azure Resource Manager refused the {operation} of cache {cache} in resource group {resourceGroup} ({(int)response.StatusCode}: {await ErrorOf(response, cancellationToken).ConfigureAwait(false)}); the runner's identity needs Microsoft.Cache/redis/{operation}/action on the cache (the DevOps group's Contributor)");
        }
    }

    // ARM's error body ({"error": {"code", "message"}}) names no key.
    private static async Task<string> ErrorOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorBody>(cancellationToken).ConfigureAwait(false);
            return body?.Error is { } error ? $"{error.Code}: {error.Message}" : response.ReasonPhrase ?? "no reason given";
        }
        catch (JsonException)
        {
            return response.ReasonPhrase ?? "no reason given";
        }
    }

    private sealed record KeysBody(string? PrimaryKey, string? SecondaryKey);

    private sealed record ErrorBody(ErrorDetail? Error);

    private sealed record ErrorDetail(string? Code, string? Message);
}
