using System.Net;
using System.Security.Cryptography;
using Azure.Core;
using KoraInfra.Cli.Commands.Rotation;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.Platform.Secrets.RedisKeys;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Cli.Tests.Commands.Rotation;

public sealed class RedisKeysCommandTests
{
    // Inside the 90-day window p90-20260904.
    private static readonly DateTimeOffset WindowStart = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_rotation_run_regenerates_the_standby_then_after_the_overlap_the_previous_key_and_never_prints_a_key()
    {
        var clients = new FakeClients();
        var time = new FakeTimeProvider(WindowStart.AddHours(3));
        var services = new KoraServices(new StringReader(string.Empty), time) { Azure = clients };
        var rotation = RedisKeyRotationPlan.For(Platform.Secrets.SecretsPlan.For(Stack("prod"), time), Stack("prod"))!;

        // Consumers hold the key of the previous version.
        Assert.Equal(new DateTimeOffset(2026, 9, 4, 0, 0, 0, TimeSpan.Zero), rotation.VersionStart);
        clients.Vault.Write(clients.Keys.Of(rotation.Previous), rotation.VersionStart.AddDays(-60));
        var first = RedisKeys(services);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.All);
        Assert.Contains($"regenerated  {rotation.Current.Label()} key of redis-kora-prod-brs", first.Output, StringComparison.Ordinal);
        Assert.Equal([rotation.Current], clients.Regenerated);
        Assert.Equal(("sub-1", "rg-kora-prod-brs", "redis-kora-prod-brs"), clients.Target);

        // The up writes the new key; the next day's run regenerates the previous one.
        clients.Vault.Write(clients.Keys.Of(rotation.Current), time.GetUtcNow().AddMinutes(5));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Contains("keeps working until the overlap ends", RedisKeys(services).Output, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromHours(24));
        var late = RedisKeys(services);
        Assert.Contains($"regenerated  {rotation.Previous.Label()} key", late.Output, StringComparison.Ordinal);
        Assert.Equal([rotation.Current, rotation.Previous], clients.Regenerated);

        foreach (var output in new[] { first.All, late.All })
        {
            Assert.DoesNotContain(clients.Keys.Primary, output, StringComparison.Ordinal);
            Assert.DoesNotContain(clients.Keys.Secondary, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_run_that_would_regenerate_the_key_in_use_is_refused_with_exit_1()
    {
        var clients = new FakeClients();
        var time = new FakeTimeProvider(WindowStart.AddHours(3));
        var services = new KoraServices(new StringReader(string.Empty), time) { Azure = clients };
        var rotation = RedisKeyRotationPlan.For(Platform.Secrets.SecretsPlan.For(Stack("prod"), time), Stack("prod"))!;
        clients.Vault.Write(clients.Keys.Of(rotation.Current), rotation.VersionStart.AddDays(-1));

        var run = RedisKeys(services);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("refused: ", run.Output, StringComparison.Ordinal);
        Assert.Empty(clients.Regenerated);
    }

    [Fact]
    public void Without_a_subscription_it_is_a_usage_error_naming_the_option()
    {
        var services = new KoraServices(new StringReader(string.Empty), new FakeTimeProvider(WindowStart)) { Azure = new FakeClients() };
        Environment.SetEnvironmentVariable(RedisKeysCommand.SubscriptionVariable, null);

        var run = Kora.Run(services, "rotation", "redis-keys", "--stack", "prod", "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--subscription", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resource_manager_refusals_and_an_unreachable_endpoint_are_named_without_a_key()
    {
        using var refusing = new HttpClient(new Answer(_ => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent("""{"error":{"code":"AuthorizationFailed","message":"no regenerateKey/action"}}"""),
        }));
        var refused = await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            new ArmRedisKeyService(refusing, new FixedToken(), "sub-1", "rg-kora-prod-brs", "redis-kora-prod-brs").RegenerateKeyAsync(RedisKey.Secondary, CancellationToken.None));
        Assert.Contains("refused the regenerateKey of cache redis-kora-prod-brs", refused.Message, StringComparison.Ordinal);
        Assert.Contains("403: AuthorizationFailed", refused.Message, StringComparison.Ordinal);

        using var unreachable = new HttpClient(new Answer(_ => throw new HttpRequestException("Connection refused")));
        var down = await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            new ArmRedisKeyService(unreachable, new FixedToken(), "sub-1", "rg", "redis-kora-prod-brs").ListKeysAsync(CancellationToken.None));
        Assert.Contains("is unreachable", down.Message, StringComparison.Ordinal);

        string? sent = null;
        using var answering = new HttpClient(new Answer(request =>
        {
            sent = $"{request.RequestUri} {request.Content!.ReadAsStringAsync().Result}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"primaryKey":"p","secondaryKey":"s"}""") };
        }));
        await new ArmRedisKeyService(answering, new FixedToken(), "sub-1", "rg-kora-prod-brs", "redis-kora-prod-brs").RegenerateKeyAsync(RedisKey.Secondary, CancellationToken.None);
        Assert.Equal("https://management.azure.com/subscriptions/sub-1/resourceGroups/rg-kora-prod-brs/providers/Microsoft.Cache/redis/redis-kora-prod-brs/regenerateKey?api-version=2024-11-01 {\"keyType\":\"Secondary\"}", sent);
    }

    private static Platform.Settings.StackSettings Stack(string name) =>
        Platform.Settings.StackFiles.Validate(Repository.StackFile(name)).Require();

    private static KoraRun RedisKeys(KoraServices services) =>
        Kora.Run(services, "rotation", "redis-keys", "--stack", "prod", "--subscription", "sub-1", "--project-dir", Repository.Root);

    private sealed class FakeClients : IAzureRotationClients, IRedisKeyService
    {
        public RedisAccessKeys Keys { get; private set; } = new(NewKey(), NewKey());

        public List<RedisKey> Regenerated { get; } = [];

        public (string, string, string) Target { get; private set; }

        public MemoryVault Vault { get; } = new();

        public IRedisKeyService Cache(string subscription, string resourceGroup, string cache)
        {
            Target = (subscription, resourceGroup, cache);
            return this;
        }

        IVaultSecretStore IAzureRotationClients.Vault(Uri vault) => Vault;

        public Task<RedisAccessKeys> ListKeysAsync(CancellationToken cancellationToken) => Task.FromResult(Keys);

        public Task RegenerateKeyAsync(RedisKey key, CancellationToken cancellationToken)
        {
            Keys = key == RedisKey.Primary ? Keys with { Primary = NewKey() } : Keys with { Secondary = NewKey() };
            Regenerated.Add(key);
            return Task.CompletedTask;
        }

        private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    private sealed class MemoryVault : IVaultSecretStore
    {
        private readonly List<VaultSecretVersion> _versions = [];

        public void Write(string value, DateTimeOffset at) => _versions.Add(new VaultSecretVersion(value, $"v{_versions.Count}", at, new Dictionary<string, string>()));

        public Task<VaultSecretVersion?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_versions.LastOrDefault());

        public Task TagAsync(string name, string version, string tag, string value, CancellationToken cancellationToken)
        {
            var index = _versions.FindIndex(v => v.Version == version);
            _versions[index] = _versions[index] with { Tags = new Dictionary<string, string>(_versions[index].Tags) { [tag] = value } };
            return Task.CompletedTask;
        }
    }

    private sealed class Answer(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }

    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
