using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Policy.Reports;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Platform.Policy.Serving;

/// <summary>
/// The answers of <c>kora policy serve</c>: one JSON request per line in, one JSON answer per line
/// out, for the CrossGuard pack's whole run (docs/policy.md has the shapes). A request is judged
/// alone: a bad one gets an error answer naming its line, and the next request is served.
/// </summary>
public sealed class PolicyServer
{
    /// <summary>What every reader of a request's line applies (a stack request holds every resource).</summary>
    public static InputLimits Limits => InputLimits.Snapshot;

    private const string Expected = """one JSON object per line: {"id": ..., "op": "resource", "resource": {"type", "urn", "inputs", ...}} or {"id": ..., "op": "stack", "resources": [...]}""";

    private readonly string _stack;
    private readonly TimeProvider _time;

    /// <summary>A server for one stack; its clock dates the rules that compare against now.</summary>
    public PolicyServer(string stackName, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(time);
        if (!StackNames.TryParse(stackName, out _))
        {
            throw new ArgumentException($"stack '{stackName}' is not a KoraOS stack; expected {StackNames.Expected}", nameof(stackName));
        }

        _stack = stackName;
        _time = time;
    }

    /// <summary>The answer to the line that was too long to read.</summary>
    public static string TooLong(long lineNumber) =>
        Error(null, $"request on line {lineNumber}: longer than {Limits.MaxBytesText}, the most one request may hold; expected {Expected}");

    /// <summary>The answer to one request line.</summary>
    public string Answer(string line, long lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        var where = $"request on line {lineNumber}";
        JsonNode? id = null;
        try
        {
            BoundedJson.Check(line, where, Limits);
            var request = Parse(line, where);
            if (request.ValueKind != JsonValueKind.Object)
            {
                return Error(null, $"{where}: not a JSON object; expected {Expected}");
            }

            id = Snapshots.Json.NodeOf(Snapshots.Json.Get(request, "id"));
            if (Snapshots.Json.Get(request, "stack") is { } stack && Snapshots.Json.TextOf(stack) != _stack)
            {
                return Error(id, $"{where}: stack '{Snapshots.Json.TextOf(stack) ?? Snapshots.Json.NodeOf(stack)!.ToJsonString()}', but this server judges stack '{_stack}'; start one 'kora policy serve --stack' per stack");
            }

            var evaluation = Snapshots.Json.TextOf(Snapshots.Json.Get(request, "op")) switch
            {
                "resource" => EvaluateResource(Snapshots.Json.Get(request, "resource"), where),
                "stack" => EvaluateStack(Snapshots.Json.Get(request, "resources"), where),
                null => throw new PolicyInputException($"{where}: no 'op'; expected {Expected}"),
                var other => throw new PolicyInputException($"{where}: op '{other}' is not one kora serves; expected 'resource' or 'stack'"),
            };
            return Verdict(id, evaluation);
        }
        catch (InputRefusedException ex)
        {
            return Error(id, ex.Message);
        }
        catch (PolicyInputException ex)
        {
            return Error(id, ex.Message);
        }
    }

    private PolicyEvaluation EvaluateResource(JsonElement? resource, string where)
    {
        if (resource is not { ValueKind: JsonValueKind.Object } state)
        {
            throw new PolicyInputException($"{where}: op 'resource' needs a 'resource' object (type, urn, inputs)");
        }

        var read = ResourceStates.BuildOne(state, 0, where, "resource");
        return PolicyEngine.EvaluateResource(_stack, read, _time.GetUtcNow());
    }

    private PolicyEvaluation EvaluateStack(JsonElement? resources, string where)
    {
        if (resources is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new PolicyInputException($"{where}: op 'stack' needs a 'resources' array");
        }

        var read = ResourceStates.Build(list, where, "resources");
        return PolicyEngine.Evaluate(new StackSnapshot(_stack, read, []), _time.GetUtcNow(), PolicyEngine.RulesOf(PolicyScope.Stack));
    }

    // Parsed into elements that own their memory: the resources read from it point into it.
    private static JsonElement Parse(string line, string where)
    {
        try
        {
            return JsonElement.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new PolicyInputException($"{where}: not valid JSON ({ex.Message.Split('.')[0]}); expected {Expected}", ex);
        }
    }

    private static string Verdict(JsonNode? id, PolicyEvaluation evaluation)
    {
        var full = JsonReport.ToJson(evaluation);
        return new JsonObject
        {
            ["id"] = id,
            ["verdict"] = new JsonObject
            {
                ["stack"] = evaluation.StackName,
                ["blocked"] = evaluation.IsBlocked,
                ["violations"] = full["violations"]!.DeepClone(),
                ["errors"] = full["errors"]!.DeepClone(),
            },
        }.ToJsonString();
    }

    private static string Error(JsonNode? id, string message) => new JsonObject { ["id"] = id, ["error"] = message }.ToJsonString();
}
