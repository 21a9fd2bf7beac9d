using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy;

/// <summary>
/// One resource as the rules see it, whatever it was read from (a stack export, a preview, the
/// engine's events, or the program under mocks): its type token, URN, inputs and outputs.
/// </summary>
/// <param name="Type">The type token, e.g. <c>azure-native:keyvault:Vault</c>.</param>
/// <param name="Urn">The resource URN (its name is the part after the last <c>::</c>).</param>
/// <param name="Inputs">The inputs the program gave.</param>
/// <param name="Outputs">The outputs the provider reported (empty when not known).</param>
/// <param name="Parent">The parent URN, if any.</param>
/// <param name="Provider">The provider reference (<c>urn::id</c>), if any.</param>
public sealed record ResourceSnapshot(string Type, string Urn, JsonObject Inputs, JsonObject Outputs, string? Parent, string? Provider)
{
    /// <summary>The signature key Pulumi puts on a secret value in state files.</summary>
    public const string SecretSignature = "4dabf18193072939515e22adb298388d";

    /// <summary>The resource's logical name.</summary>
    public string Name => Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>Whether this is a Kubernetes resource.</summary>
    public bool IsKubernetes => Type.StartsWith("kubernetes:", StringComparison.Ordinal);

    /// <summary>
    /// A property by dotted path (<c>properties.enableRbacAuthorization</c>), from the inputs, or
    /// from the outputs when the inputs do not have it.
    /// </summary>
    public JsonNode? Property(string path) => Walk(Inputs, path) ?? Walk(Outputs, path);

    /// <summary>A property's text, or null.</summary>
    public string? Text(string path) => Property(path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A property's boolean, or null.</summary>
    public bool? Flag(string path) => Property(path) switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// A property's number, or null. A snapshot read from text holds a JSON element, but one built
    /// in memory (the program under mocks, a test) holds the CLR value it was given: int, long,
    /// decimal, ... <c>TryGetValue&lt;double&gt;</c> alone reads those as unset, so any JSON number
    /// is read through its JSON text, which every numeric shape has.
    /// </summary>
    public double? Number(string path) => Property(path) switch
    {
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<string>(out var text) && double.TryParse(text, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Whether a value is a secret (a state-file secret object or a preview's "[secret]").</summary>
    public static bool IsSecret(JsonNode? node) =>
        (node is JsonObject obj && obj.ContainsKey(SecretSignature))
        || (node is JsonValue value && value.TryGetValue<string>(out var text) && text == "[secret]");

    private static JsonNode? Walk(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }
}
