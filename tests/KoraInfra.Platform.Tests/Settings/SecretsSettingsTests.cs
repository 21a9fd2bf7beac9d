using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class SecretsSettingsTests
{
    private static string Committed(string stack) => File.ReadAllText(Repository.StackFile(stack));

    private static SettingsResult Bind(string stack, string text) => StackSettingsBinder.Bind(StackFileReader.Read($"Pulumi.{stack}.yaml", text));

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Each_stack_file_encrypts_with_the_key_of_its_own_vault(string stack)
    {
        var source = StackFileReader.ReadFile(Repository.StackFile(stack));
        var settings = StackSettingsBinder.Bind(source).Require();

        var url = ((YamlDotNet.RepresentationModel.YamlScalarNode)source.SecretsProvider!.Value).Value;

        Assert.Equal(StackSecretsKey.ProviderUrl(VaultPlan.For(settings.Environment, settings.Names).Name), url);
        Assert.Equal($"azurekeyvault://kv-kora-{stack}-brs.vault.azure.net/keys/pulumi-stack-secrets", url);
    }

    [Fact]
    public void A_provider_url_pinned_to_a_key_version_is_accepted()
    {
        var text = Committed("prod").Replace("/keys/pulumi-stack-secrets", "/keys/pulumi-stack-secrets/0123456789abcdef0123456789abcdef", StringComparison.Ordinal);

        var result = Bind("prod", text);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public void The_committed_files_report_nothing_compromised_and_request_no_rotation()
    {
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            var secrets = StackFiles.Validate(Repository.StackFile(stack)).Require().Secrets;

            Assert.Empty(secrets.CompromisedCredentials);
            Assert.Empty(secrets.EmergencyRotations);
            Assert.NotEqual(secrets.AccessGroups.DevopsGroupObjectId, secrets.AccessGroups.SecurityGroupObjectId);
        }
    }

    [Fact]
    public void Reports_and_rotations_bind_to_utc_instants()
    {
        var text = Committed("prod")
            .Replace("kora-infra:compromisedCredentials: []", "kora-infra:compromisedCredentials:\n    - name: redis-access-key\n      reportedAt: 2026-11-20\n    - name: alert-devops-pager-url\n      reportedAt: \"2026-11-20T11:30:00-03:00\"", StringComparison.Ordinal)
            .Replace("kora-infra:emergencyRotations: []", "kora-infra:emergencyRotations:\n    - name: redis-access-key\n      requestedAt: 2026-11-20T15:00:00Z", StringComparison.Ordinal);

        var secrets = Bind("prod", text).Require().Secrets;

        Assert.Equal(
            [
                new CompromisedCredentialReport("redis-access-key", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)),
                new CompromisedCredentialReport("alert-devops-pager-url", new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero)),
            ],
            secrets.CompromisedCredentials);
        Assert.Equal([new EmergencyRotation("redis-access-key", new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero))], secrets.EmergencyRotations);
    }

    [Fact]
    public void Configuration_from_the_engine_carries_no_provider_and_is_not_asked_for_one()
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", Committed("dev"));
        var fromEngine = source with { IsStackFile = false, SecretsProvider = null };

        Assert.True(StackSettingsBinder.Bind(fromEngine).IsValid);
        Assert.False(StackSettingsBinder.Bind(source with { SecretsProvider = null }).IsValid);
    }
}
