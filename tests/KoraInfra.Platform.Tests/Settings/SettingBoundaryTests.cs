using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// The bounds the settings define, each at the bound and on each side: alert rates (above 0, at
/// most 1, critical above warning), UTC times, the secrets provider's key version, network prefix
/// ranges, and the monitoring section's optional parts.
/// </summary>
public sealed class SettingBoundaryTests
{
    private static string Change(string stack, string find, string replacement)
    {
        var text = File.ReadAllText(Repository.StackFile(stack));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' must occur once in Pulumi.{stack}.yaml");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    private static SettingsResult Bind(string stack, string text) => StackSettingsBinder.Bind(StackFileReader.Read($"Pulumi.{stack}.yaml", text));

    private static string[] Problems(string stack, string find, string replacement) =>
        Bind(stack, Change(stack, find, replacement)).Problems.Select(p => $"{p.Key} | {p.Found} | {p.Expected}").ToArray();

    [Theory]
    [InlineData("0.05", "1", null)]
    [InlineData("0.999", "1", null)]
    [InlineData("0.0001", "0.0002", null)]
    [InlineData("0.05", "1.01", "kora-infra:monitoring.redisFallbackRate.critical | '1.01' | a fraction above 0 and at most 1, such as 0.05 for 5%")]
    [InlineData("0", "0.2", "kora-infra:monitoring.redisFallbackRate.warning | '0' | a fraction above 0 and at most 1, such as 0.05 for 5%")]
    [InlineData("-0.1", "0.2", "kora-infra:monitoring.redisFallbackRate.warning | '-0.1' | a fraction above 0 and at most 1, such as 0.05 for 5%")]
    [InlineData("5e-2", "0.2", "kora-infra:monitoring.redisFallbackRate.warning | '5e-2' | a fraction above 0 and at most 1, such as 0.05 for 5%")]
    [InlineData("0.2", "0.2", "kora-infra:monitoring.redisFallbackRate.critical | 0.2, not above the warning threshold 0.2 | a fraction above 0.2: critical is the worse condition")]
    public void A_rate_is_a_fraction_above_zero_at_most_one_with_critical_above_warning(string warning, string critical, string? problem)
    {
        var problems = Problems("prod", "    redisFallbackRate:\n      warning: 0.05\n      critical: 0.2\n", $"    redisFallbackRate:\n      warning: {warning}\n      critical: {critical}\n");

        Assert.Equal(problem is null ? [] : [problem], problems);
    }

    [Fact]
    public void Tuned_rates_are_bound_as_written()
    {
        var settings = Bind("prod", Change("prod", "    takeoverSlaBreachRate:\n      warning: 0.05\n      critical: 0.1\n", "    takeoverSlaBreachRate:\n      warning: 0.03\n      critical: 1\n")).Require();

        Assert.Equal(new RateThresholds(0.03, 1), settings.Monitoring.TakeoverSlaBreachRate);
        Assert.Equal(MonitoringSettings.DefaultRedisFallbackRate, settings.Monitoring.RedisFallbackRate);
    }

    [Fact]
    public void A_rate_section_without_one_of_its_thresholds_or_with_another_key_is_named()
    {
        Assert.Equal(
            ["kora-infra:monitoring.redisFallbackRate.critical | no value (the key is missing) | a fraction above 0 and at most 1, such as 0.05 for 5%"],
            Problems("prod", "      warning: 0.05\n      critical: 0.2\n", "      warning: 0.05\n"));
        Assert.Equal(
            ["kora-infra:monitoring.redisFallbackRate.info | an unknown key | one of 'kora-infra:monitoring.redisFallbackRate.warning', 'kora-infra:monitoring.redisFallbackRate.critical'"],
            Problems("prod", "      warning: 0.05\n      critical: 0.2\n", "      warning: 0.05\n      critical: 0.2\n      info: 0.01\n"));
        Assert.Equal(
            ["kora-infra:monitoring.redisFallbackRate | a plain value | a mapping of named values"],
            Problems("prod", "    redisFallbackRate:\n      warning: 0.05\n      critical: 0.2\n", "    redisFallbackRate: 0.05\n"));
    }

    [Fact]
    public void Without_a_runbook_url_the_default_applies_and_a_given_one_is_kept()
    {
        var without = Bind("prod", Change("prod", "    runbookBaseUrl: https://github.com/koraos/kora-infra/blob/main/docs/runbooks/\n", string.Empty)).Require();
        var other = Bind("prod", Change("prod", "runbookBaseUrl: https://github.com/koraos/kora-infra/blob/main/docs/runbooks/", "runbookBaseUrl: https://docs.example.com:8443/kora/runbooks/")).Require();

        Assert.Equal(MonitoringSettings.DefaultRunbookBaseUrl, without.Monitoring.RunbookBaseUrl);
        Assert.Equal(new Uri("https://docs.example.com:8443/kora/runbooks/"), other.Monitoring.RunbookBaseUrl);
    }

    [Theory]
    [InlineData("https://docs.example.com/runbooks")]
    [InlineData("https://docs.example.com/run books/")]
    [InlineData("ftp://docs.example.com/")]
    public void A_runbook_url_not_ending_in_a_slash_or_not_https_is_refused(string url)
    {
        Assert.Equal(
            [$"kora-infra:monitoring.runbookBaseUrl | '{url}' | an https URL ending in '/' where docs/runbooks/ is published"],
            Problems("prod", "runbookBaseUrl: https://github.com/koraos/kora-infra/blob/main/docs/runbooks/", $"runbookBaseUrl: \"{url}\""));
    }

    [Fact]
    public void A_monitoring_section_that_is_not_a_mapping_is_one_problem()
    {
        var text = File.ReadAllText(Repository.StackFile("prod"));
        var at = text.IndexOf("  kora-infra:monitoring:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n  kora-infra:", at + 1, StringComparison.Ordinal);
        var changed = text[..at] + "  kora-infra:monitoring: defaults\n" + (end < 0 ? string.Empty : text[(end + 1)..]);

        Assert.Equal(["kora-infra:monitoring | a plain value | a mapping of named values"], Bind("prod", changed).Problems.Select(p => $"{p.Key} | {p.Found} | {p.Expected}"));
    }

    [Fact]
    public void An_smtp_relay_without_an_email_receiver_is_accepted_and_a_bad_one_is_named()
    {
        var smtp = "    runbookBaseUrl: https://github.com/koraos/kora-infra/blob/main/docs/runbooks/\n    smtp:\n      smarthost: {0}\n      from: {1}\n";
        var find = "    runbookBaseUrl: https://github.com/koraos/kora-infra/blob/main/docs/runbooks/\n";

        Assert.Equal(new SmtpSettings("smtp.example.com:25", "alerts@example.com"), Bind("prod", Change("prod", find, string.Format(System.Globalization.CultureInfo.InvariantCulture, smtp, "smtp.example.com:25", "alerts@example.com"))).Require().Monitoring.Smtp);
        Assert.Equal(
            [
                "kora-infra:monitoring.smtp.smarthost | 'smtp.example.com' | the SMTP relay as host:port, such as 'smtp.example.com:587'",
                "kora-infra:monitoring.smtp.from | 'alerts' | the sender address, such as 'alerts@example.com'",
            ],
            Problems("prod", find, string.Format(System.Globalization.CultureInfo.InvariantCulture, smtp, "smtp.example.com", "alerts")));
    }

    [Fact]
    public void An_email_receiver_without_any_monitoring_section_is_told_to_add_the_relay()
    {
        var text = Change("prod", "channel: webhook\n        urlSecretName: alert-management-webhook-url", "channel: email\n        address: management@example.com");
        var at = text.IndexOf("  # Rates the seed names", StringComparison.Ordinal);

        var problems = Bind("prod", text[..at]).Problems.Select(p => $"{p.Key} | {p.Found} | {p.Expected}");

        Assert.Equal(["kora-infra:monitoring | no SMTP relay for the e-mail receiver(s) | 'kora-infra:monitoring.smtp' with 'smarthost' (host:port) and 'from'"], problems);
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-20T00:00:00+00:00")]
    [InlineData("2026-11-20T14:30Z", "2026-11-20T14:30:00+00:00")]
    [InlineData("2026-11-20T14:30:15Z", "2026-11-20T14:30:15+00:00")]
    [InlineData("2026-11-20T14:30:15.5Z", "2026-11-20T14:30:15.5000000+00:00")]
    [InlineData("2026-11-20T14:30:00+01:00", "2026-11-20T14:30:00+01:00")]
    [InlineData("2026-11-20T14:30:00-03:00", "2026-11-20T14:30:00-03:00")]
    public void A_time_is_a_utc_date_or_a_time_with_its_offset(string text, string instant)
    {
        Assert.Equal(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), SecretsSettingsReader.ParseTime(text));
    }

    [Theory]
    [InlineData("2026-11-20T14:30:00")]
    [InlineData("2026-02-30")]
    [InlineData("2026-11-20T25:30Z")]
    [InlineData("20261120")]
    [InlineData("2026-11-20 14:30Z")]
    [InlineData("2026-11-20T14:30:15.12345678Z")]
    [InlineData("2026-11-20T14:30+0100")]
    [InlineData(" 2026-11-20")]
    [InlineData("")]
    public void A_time_without_an_offset_or_not_a_date_is_refused(string text)
    {
        Assert.Null(SecretsSettingsReader.ParseTime(text));
    }

    [Theory]
    [InlineData("/keys/pulumi-stack-secrets/0123456789abcdef0123456789abcdef", true)]
    [InlineData("/keys/pulumi-stack-secrets/0123456789abcdef0123456789abcde", false)]
    [InlineData("/keys/pulumi-stack-secrets/0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("/keys/pulumi-stack-secrets/", false)]
    [InlineData("/keys/Pulumi-Stack-Secrets", false)]
    public void The_secrets_provider_may_pin_a_key_version_of_32_lowercase_hex(string path, bool valid)
    {
        var result = Bind("prod", Change("prod", "/keys/pulumi-stack-secrets\n", path + "\n"));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var problem = Assert.Single(result.Problems);
            Assert.Equal("secretsprovider", problem.Key);
            Assert.Equal(6, problem.Location.Line);
        }
    }

    [Fact]
    public void A_secrets_provider_that_is_not_text_is_named_as_empty()
    {
        Assert.Equal(
            ["secretsprovider | '' | 'azurekeyvault://kv-kora-dev-brs.vault.azure.net/keys/pulumi-stack-secrets' (optionally followed by '/<key version>'): the key in dev's own vault"],
            Problems("dev", "secretsprovider: azurekeyvault://kv-kora-dev-brs.vault.azure.net/keys/pulumi-stack-secrets\n", "secretsprovider: [a]\n"));
    }

    [Theory]
    // Address space: /16 to /24.
    [InlineData("addressSpace: 10.10.0.0/20", "addressSpace: 10.10.0.0/16", null)]
    [InlineData("addressSpace: 10.10.0.0/20", "addressSpace: 10.10.0.0/15", "kora-infra:network.addressSpace | '10.10.0.0/15', a /15 | the virtual network's range: a private (RFC 1918) IPv4 range from /16 to /24, such as '10.20.0.0/20'")]
    [InlineData("addressSpace: 10.10.0.0/20", "addressSpace: 10.10.0.0/25", "kora-infra:network.addressSpace | '10.10.0.0/25', a /25 | the virtual network's range: a private (RFC 1918) IPv4 range from /16 to /24, such as '10.20.0.0/20'")]
    // Pods: /12 to /22 (dev's ceiling of 3 nodes needs 8 blocks of /24: /21 fits).
    [InlineData("podCidr: 10.128.0.0/16", "podCidr: 10.128.0.0/21", null)]
    [InlineData("podCidr: 10.128.0.0/16", "podCidr: 10.128.0.0/22", "kora-infra:network.podCidr | '10.128.0.0/22', room for 4 node blocks of /24 | room for 8 (AKS gives every node a /24; twice maxNodeCount 3 plus upgrade surge): a prefix of /21 or larger")]
    [InlineData("podCidr: 10.128.0.0/16", "podCidr: 10.128.0.0/23", "kora-infra:network.podCidr | '10.128.0.0/23', a /23 | the pods' overlay range: a private (RFC 1918) IPv4 range from /12 to /22, such as '10.20.0.0/20'")]
    [InlineData("podCidr: 10.128.0.0/16", "podCidr: 10.128.0.0/11", "kora-infra:network.podCidr | '10.128.0.0/11', a /11 | the pods' overlay range: a private (RFC 1918) IPv4 range from /12 to /22, such as '10.20.0.0/20'")]
    [InlineData("podCidr: 10.128.0.0/16", "podCidr: 10.128.0.0/12", null)]
    // Services: /16 to /24, clear of the reserved ranges.
    [InlineData("serviceCidr: 10.100.0.0/20", "serviceCidr: 10.100.0.0/24", null)]
    [InlineData("serviceCidr: 10.100.0.0/20", "serviceCidr: 192.168.0.0/16", null)]
    [InlineData("serviceCidr: 10.100.0.0/20", "serviceCidr: 172.31.0.0/16", "kora-infra:network.serviceCidr | '172.31.0.0/16', which overlaps 172.31.0.0/16 (reserved by AKS) | a range outside 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24")]
    [InlineData("serviceCidr: 10.100.0.0/20", "serviceCidr: 172.29.0.0/16", null)]
    [InlineData("serviceCidr: 10.100.0.0/20", "serviceCidr: 10.10.0.0/20", "kora-infra:network.serviceCidr | '10.10.0.0/20', which overlaps kora-infra:network.addressSpace '10.10.0.0/20' | a range disjoint from the stack's other network ranges (the VNet, the pod overlay and the services must not share an address)")]
    [InlineData("serviceCidr: 10.100.0.0/20", "serviceCidr: 10.128.0.0/20", "kora-infra:network.serviceCidr | '10.128.0.0/20', which overlaps kora-infra:network.podCidr '10.128.0.0/16' | a range disjoint from the stack's other network ranges (the VNet, the pod overlay and the services must not share an address)")]
    // Dev's allowlist: public ranges of /16 or narrower.
    [InlineData("      - 203.0.113.0/24", "      - 203.0.0.0/16", null)]
    [InlineData("      - 203.0.113.0/24", "      - 203.0.0.0/15", "kora-infra:network.publicAllowlist[0] | '203.0.0.0/15', a /15 (a large part of the internet) | the public IPv4 ranges dev's data services and API server accept (the developers' egress), such as ['203.0.113.0/24']: public ranges of /16 or narrower")]
    [InlineData("      - 203.0.113.0/24", "      - 203.0.113.0/33", "kora-infra:network.publicAllowlist[0] | '203.0.113.0/33', not IPv4 CIDR notation such as '10.20.0.0/16' | the public IPv4 ranges dev's data services and API server accept (the developers' egress), such as ['203.0.113.0/24']")]
    [InlineData("      - 203.0.113.0/24", "      - [203.0.113.0/24]", "kora-infra:network.publicAllowlist[0] | a list | the public IPv4 ranges dev's data services and API server accept (the developers' egress), such as ['203.0.113.0/24']")]
    [InlineData("    publicAllowlist:\n      - 203.0.113.0/24\n", "    publicAllowlist: 203.0.113.0/24\n", "kora-infra:network.publicAllowlist | a plain value | the public IPv4 ranges dev's data services and API server accept (the developers' egress), such as ['203.0.113.0/24']")]
    [InlineData("    publicAllowlist:\n      - 203.0.113.0/24\n", "", "kora-infra:network.publicAllowlist | no value (the key is missing) | the public IPv4 ranges dev's data services and API server accept (the developers' egress), such as ['203.0.113.0/24']")]
    [InlineData("    publicAllowlist:\n      - 203.0.113.0/24\n", "    publicAllowlist: []\n    apiServerAuthorizedRanges: [198.51.100.0/24, 192.0.2.8/29]\n", null)]
    public void Each_network_range_is_bounded_and_disjoint(string find, string replacement, string? problem)
    {
        Assert.Equal(problem is null ? [] : [problem], Problems("dev", find, replacement));
    }

    [Fact]
    public void An_empty_allowlist_in_staging_is_refused_too()
    {
        Assert.Equal(
            ["kora-infra:network.publicAllowlist | a public allowlist in staging | no 'kora-infra:network.publicAllowlist': staging's data services accept no public traffic, only their private endpoints"],
            Problems("staging", "    apiServerAuthorizedRanges: []\n", "    apiServerAuthorizedRanges: []\n    publicAllowlist: []\n"));
    }

    [Fact]
    public void The_bound_network_keeps_every_range_in_order()
    {
        var network = Bind("dev", Change("dev", "    publicAllowlist:\n      - 203.0.113.0/24\n", "    publicAllowlist: [203.0.113.0/24, 198.51.100.0/24]\n    apiServerAuthorizedRanges: [192.0.2.8/29]\n")).Require().Network;

        Assert.Equal(["203.0.113.0/24", "198.51.100.0/24"], network.PublicAllowlist.Select(r => r.ToString()));
        Assert.Equal(["192.0.2.8/29"], network.ApiServerAuthorizedRanges.Select(r => r.ToString()));
        Assert.Equal("10.10.0.0/20", network.AddressSpace.ToString());
        Assert.Equal("10.128.0.0/16", network.PodCidr.ToString());
        Assert.Equal("10.100.0.0/20", network.ServiceCidr.ToString());
    }
}
