using System.Globalization;
using System.Text.RegularExpressions;

namespace KoraInfra.Platform.Settings;

/// <summary>Reads <c>kora-infra:monitoring</c>.</summary>
public static partial class StackSettingsBinder
{
    /// <summary>
    /// Reads the monitoring knobs (every one optional, with the defaults of
    /// <see cref="MonitoringSettings"/>) and checks that the receivers can carry the routes:
    /// a critical alert must reach two receivers (seed section 6, "notificacao redundante").
    /// </summary>
    private static MonitoringSettings? ReadMonitoring(SettingsReader reader, IReadOnlyList<AlertReceiverSettings>? receivers)
    {
        var valid = true;
        if (receivers is not null)
        {
            var critical = receivers.Count(r => r.Level is EscalationLevel.Superadmin or EscalationLevel.Devops);
            if (critical < 2)
            {
                reader.Problem("alerting", $"{critical} receiver(s) at levels superadmin and devops", "at least two, so that every critical alert reaches two receivers (redundant notification)");
                valid = false;
            }
        }

        var present = reader.Has("monitoring");
        var hasEmailReceiver = receivers?.Any(r => r.Channel == ReceiverChannel.Email) == true;
        var monitoring = reader.Mapping("monitoring", required: false);
        if (monitoring is null)
        {
            // Absent: the defaults apply. Present but not a mapping: already reported.
            if (!present && hasEmailReceiver)
            {
                reader.Problem("monitoring", "no SMTP relay for the e-mail receiver(s)", "'kora-infra:monitoring.smtp' with 'smarthost' (host:port) and 'from'");
                return null;
            }

            return valid && !present ? MonitoringSettings.Defaults : null;
        }

        var redis = ReadRate(monitoring, "redisFallbackRate", MonitoringSettings.DefaultRedisFallbackRate);
        var takeover = ReadRate(monitoring, "takeoverSlaBreachRate", MonitoringSettings.DefaultTakeoverSlaBreachRate);
        var runbooks = monitoring.String("runbookBaseUrl", required: false, IsRunbookBase, "an https URL ending in '/' where docs/runbooks/ is published");
        var smtp = ReadSmtp(monitoring, hasEmailReceiver);
        monitoring.RejectUnread(["redisFallbackRate", "takeoverSlaBreachRate", "runbookBaseUrl", "smtp"]);

        var runbooksValid = runbooks is not null || !monitoring.Has("runbookBaseUrl");
        return valid && redis is not null && takeover is not null && runbooksValid && smtp.Valid
            ? new MonitoringSettings(redis, takeover, runbooks is null ? MonitoringSettings.DefaultRunbookBaseUrl : new Uri(runbooks), smtp.Settings)
            : null;
    }

    private static RateThresholds? ReadRate(SettingsReader monitoring, string name, RateThresholds defaults)
    {
        if (!monitoring.Has(name))
        {
            monitoring.Accept(name);
            return defaults;
        }

        var rate = monitoring.Mapping(name, required: true);
        if (rate is null)
        {
            return null;
        }

        const string Expected = "a fraction above 0 and at most 1, such as 0.05 for 5%";
        static bool IsFraction(string v) => double.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d > 0 && d <= 1;
        var warning = rate.String("warning", required: true, IsFraction, Expected);
        var critical = rate.String("critical", required: true, IsFraction, Expected);
        rate.RejectUnread(["warning", "critical"]);
        if (warning is null || critical is null)
        {
            return null;
        }

        var thresholds = new RateThresholds(double.Parse(warning, CultureInfo.InvariantCulture), double.Parse(critical, CultureInfo.InvariantCulture));
        if (thresholds.Critical <= thresholds.Warning)
        {
            rate.Problem("critical", $"{critical}, not above the warning threshold {warning}", $"a fraction above {warning}: critical is the worse condition");
            return null;
        }

        return thresholds;
    }

    private static (bool Valid, SmtpSettings? Settings) ReadSmtp(SettingsReader monitoring, bool hasEmailReceiver)
    {
        var smtp = monitoring.Mapping("smtp", required: hasEmailReceiver);
        if (smtp is null)
        {
            return (!hasEmailReceiver && !monitoring.Has("smtp"), null);
        }

        var host = smtp.String("smarthost", required: true, v => Smarthost().IsMatch(v), "the SMTP relay as host:port, such as 'smtp.example.com:587'");
        var from = smtp.String("from", required: true, v => EmailAddress().IsMatch(v), "the sender address, such as 'alerts@example.com'");
        smtp.RejectUnread(["smarthost", "from"]);
        return host is null || from is null ? (false, null) : (true, new SmtpSettings(host, from));
    }

    // The shape alone admits host names and ports no URI has (an empty label, port 99999): the
    // value must also parse, or binding it would throw instead of naming the key.
    private static bool IsRunbookBase(string value) => RunbookBase().IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out _);

    [GeneratedRegex(@"^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/$")]
    private static partial Regex RunbookBase();

    [GeneratedRegex(@"^[A-Za-z0-9.-]+:[0-9]{1,5}$")]
    private static partial Regex Smarthost();
}
