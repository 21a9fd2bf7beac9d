using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class MonitoringSettingsTests
{
    private static string Without(string text, string block)
    {
        var at = text.IndexOf(block, StringComparison.Ordinal);
        Assert.True(at >= 0, "block not in the committed file");
        return text.Remove(at, block.Length);
    }

    [Fact]
    public void Without_the_key_the_documented_defaults_apply()
    {
        var text = File.ReadAllText(Repository.StackFile("prod"));
        var monitoring = text[text.IndexOf("  # Rates the seed names", StringComparison.Ordinal)..];

        var settings = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", Without(text, monitoring))).Require();

        Assert.Equal(MonitoringSettings.Defaults, settings.Monitoring);
    }

    [Fact]
    public void The_committed_files_set_the_thresholds_they_tune()
    {
        var settings = StackFiles.Validate(Repository.StackFile("prod")).Require().Monitoring;

        Assert.Equal(new RateThresholds(0.05, 0.2), settings.RedisFallbackRate);
        Assert.Equal(new RateThresholds(0.05, 0.1), settings.TakeoverSlaBreachRate);
        Assert.Equal("https://github.com/koraos/kora-infra/blob/main/docs/runbooks/", settings.RunbookBaseUrl.AbsoluteUri);
        Assert.Null(settings.Smtp);
    }

    [Fact]
    public void An_email_receiver_with_a_relay_is_accepted()
    {
        var text = File.ReadAllText(Repository.StackFile("prod"))
            .Replace("channel: webhook\n        urlSecretName: alert-management-webhook-url", "channel: email\n        address: management@example.com", StringComparison.Ordinal)
            + "    smtp:\n      smarthost: smtp.example.com:587\n      from: alerts@example.com\n";

        var settings = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", text)).Require();

        Assert.Equal(new SmtpSettings("smtp.example.com:587", "alerts@example.com"), settings.Monitoring.Smtp);
    }
}
