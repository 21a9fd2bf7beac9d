using System.Globalization;
using System.Text.Json;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-074: no NSG rule lets the internet reach a management port.</summary>
public sealed class NoManagementPortsFromInternet : PolicyRule
{
    /// <summary>SSH, RDP and WinRM (HTTP and HTTPS).</summary>
    public static readonly IReadOnlyList<int> ManagementPorts = [22, 3389, 5985, 5986];

    private static readonly HashSet<string> InternetSources = new(StringComparer.OrdinalIgnoreCase) { "*", "Internet", "Any", "0.0.0.0", "0.0.0.0/0", "::/0" };

    /// <inheritdoc />
    public override string Id => "KORA-074";

    /// <inheritdoc />
    public override string Title => "No NSG rule allows inbound traffic from the internet to a management port (22, 3389, 5985, 5986)";

    /// <inheritdoc />
    public override string Rationale => "Management ports open to the internet are scanned within minutes; nodes and endpoints are managed through the Azure control plane, never by direct login.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Critical;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_9", "CKV_AZURE_10"];

    /// <inheritdoc />
    public override PolicyScope Scope => PolicyScope.Resource;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Loops, not a LINQ chain of (urn, rule) tuples: framework generics over a value tuple
        // are JIT-compiled on every run (ReadyToRun cannot precompile them).
        var findings = new List<Finding>();
        foreach (var group in context.Stack.OfType(TypeTokens.NetworkSecurityGroup))
        {
            foreach (var rule in Json.Objects(group.Property("securityRules")))
            {
                AddFinding(findings, group.Urn, rule);
            }
        }

        foreach (var rule in context.Stack.OfType(TypeTokens.SecurityRule))
        {
            AddFinding(findings, rule.Urn, rule.Inputs);
        }

        return findings;
    }

    private static void AddFinding(List<Finding> findings, string urn, JsonElement rule)
    {
        if (!string.Equals(Json.Text(Json.Get(rule, "direction")), "Inbound", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Json.Text(Json.Get(rule, "access")), "Allow", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var sources = Values(rule, "sourceAddressPrefix", "sourceAddressPrefixes");
        var open = ManagementPorts.Where(port => Values(rule, "destinationPortRange", "destinationPortRanges").Any(range => Covers(range, port))).ToList();
        if (sources.Any(InternetSources.Contains) && open.Count > 0)
        {
            findings.Add(new Finding(urn, $"rule '{Json.Text(Json.Get(rule, "name")) ?? Json.Text(Json.Get(rule, "securityRuleName")) ?? "(unnamed)"}' allows the internet ({string.Join(", ", sources)}) in on port(s) {string.Join(", ", open)}; limit the source to named private ranges or remove the rule"));
        }
    }

    private static List<string> Values(JsonElement rule, string single, string plural)
    {
        var values = Json.Text(Json.Get(rule, single)) is { } one ? new List<string> { one } : new List<string>();
        values.AddRange(Json.Texts(Json.Get(rule, plural)));
        return values;
    }

    private static bool Covers(string range, int port)
    {
        if (range.Trim() == "*")
        {
            return true;
        }

        var bounds = range.Split('-', 2, StringSplitOptions.TrimEntries);
        return int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            && low <= port && port <= high;
    }
}
