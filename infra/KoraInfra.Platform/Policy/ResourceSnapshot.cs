using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy;

/// <summary>
/// One resource as the rules see it, whatever it was read from (a stack export, a preview, the
/// engine's events, or the program under mocks): its type token, URN, inputs and outputs.
/// </summary>
/// <remarks>
/// The inputs and outputs are JSON elements: a reader hands over the parsed document's own
/// elements (nothing copied, nothing materialised per object a rule touches), and a builder in
/// memory (the program under mocks, a test) converts its <see cref="JsonObject"/> once.
/// </remarks>
/// <param name="Type">The type token, e.g. <c>azure-native:keyvault:Vault</c>.</param>
/// <param name="Urn">The resource URN (its name is the part after the last <c>::</c>).</param>
/// <param name="Inputs">The inputs the program gave (a JSON object).</param>
/// <param name="Outputs">The outputs the provider reported (an empty object when not known).</param>
/// <param name="Parent">The parent URN, if any.</param>
/// <param name="Provider">The provider reference (<c>urn::id</c>), if any.</param>
public sealed record ResourceSnapshot(string Type, string Urn, JsonElement Inputs, JsonElement Outputs, string? Parent, string? Provider)
{
    /// <summary>The signature key Pulumi puts on a secret value in state files.</summary>
    public const string SecretSignature = "4dabf18193072939515e22adb298388d";

    /// <summary>
    /// A resource built in memory: its inputs and outputs are converted to JSON elements once,
    /// so it reads exactly as the same resource read from a file. Later edits of the objects do
    /// not reach the snapshot.
    /// </summary>
    public ResourceSnapshot(string type, string urn, JsonObject inputs, JsonObject outputs, string? parent, string? provider)
        : this(type, urn, ElementOf(inputs), ElementOf(outputs), parent, provider)
    {
    }

    /// <summary>An empty JSON object, for a resource whose inputs or outputs are not known.</summary>
    public static JsonElement EmptyObject { get; } = JsonElement.Parse("{}");

    /// <summary>The resource's logical name.</summary>
    public string Name => Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>Whether this is a Kubernetes resource.</summary>
    public bool IsKubernetes => IsKubernetesType(Type);

    /// <summary>Whether a type token is a Kubernetes resource's.</summary>
    public static bool IsKubernetesType(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.StartsWith("kubernetes:", StringComparison.Ordinal);
    }

    /// <summary>
    /// A property by dotted path (<c>properties.enableRbacAuthorization</c>), from the inputs, or
    /// from the outputs when the inputs do not have it. A JSON null is no value.
    /// </summary>
    public JsonElement? Property(string path) => Walk(Inputs, path) ?? Walk(Outputs, path);

    /// <summary>A property's text, or null.</summary>
    public string? Text(string path) => Property(path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A property's boolean (or a string that parses as one), or null.</summary>
    public bool? Flag(string path) => Property(path) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// A property's number (or a string that parses as one), or null. Every source holds JSON
    /// text now: a resource built in memory from int, long, decimal, ... values reads as the
    /// number it was given, since it was converted to JSON once.
    /// </summary>
    public double? Number(string path) => Property(path) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var number) => number,
        { ValueKind: JsonValueKind.Number } value => double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Whether a value is a secret (a state-file secret object or a preview's "[secret]").</summary>
    public static bool IsSecret(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Object } obj => obj.TryGetProperty(SecretSignature, out _),
        { ValueKind: JsonValueKind.String } text => text.ValueEquals("[secret]"),
        _ => false,
    };

    private static JsonElement ElementOf(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Count == 0 ? EmptyObject : JsonElement.Parse(value.ToJsonString());
    }

    // Walks the path's segments as spans of it: a rule asks for a few paths of every resource,
    // and splitting each path into strings again would cost an array and a string per segment.
    private static JsonElement? Walk(JsonElement node, string path)
    {
        var rest = path.AsSpan();
        while (true)
        {
            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
            {
                return null;
            }

            if (dot < 0)
            {
                return node.ValueKind == JsonValueKind.Null ? null : node;
            }

            rest = rest[(dot + 1)..];
        }
    }
}
