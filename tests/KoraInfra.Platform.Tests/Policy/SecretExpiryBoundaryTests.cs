using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>KORA-014 at the seed's 90-day maximum: 89 and 90 days pass, 90 days and a second fails.</summary>
public sealed class SecretExpiryBoundaryTests
{
    private const string Secret = "azure-native:keyvault:Secret";

    [Theory]
    [InlineData("long", 89 * 86400L, true)]
    [InlineData("long", 90 * 86400L, true)]
    [InlineData("long", (90 * 86400L) + 1, false)]
    [InlineData("long", 91 * 86400L, false)]
    [InlineData("parsed JSON text", 90 * 86400L, true)]
    [InlineData("parsed JSON text", (90 * 86400L) + 1, false)]
    public void A_secret_may_expire_at_most_90_days_from_now(string shape, long secondsFromNow, bool passes)
    {
        var expires = CompliantPlatform.Now.ToUnixTimeSeconds() + secondsFromNow;
        JsonNode value = shape == "parsed JSON text" ? JsonNode.Parse(expires.ToString(System.Globalization.CultureInfo.InvariantCulture))! : JsonValue.Create(expires);
        var platform = new CompliantPlatform("prod").Set(Secret, "properties.attributes.expires", value);

        var evaluation = PolicyEngine.Evaluate(platform.Snapshot(), CompliantPlatform.Now, [PolicyRules.Find("KORA-014")!]);

        Assert.Empty(evaluation.Errors);
        Assert.Equal(passes, evaluation.Violations.Count == 0);
        Assert.All(evaluation.Violations, v => Assert.Contains("more than 90 days after 2026-11-29", v.Message, StringComparison.Ordinal));
    }
}
