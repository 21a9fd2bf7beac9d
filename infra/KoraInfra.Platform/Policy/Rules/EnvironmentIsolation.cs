using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-050: a stack never references another environment's vault, database or cache.</summary>
public sealed partial class EnvironmentIsolation : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "KORA-050";

    /// <inheritdoc />
    public override string Title => "A stack never references another environment's vault, database or cache";

    /// <inheritdoc />
    public override string Rationale => "Dev must never see a prod secret or prod data (\"sem segredo de prod\"); each environment has its own vault.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Critical;

    /// <inheritdoc />
    public override PolicyScope Scope => PolicyScope.Resource;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Levels.MandatoryWhere(!environment.SecretScope.MayReadOtherEnvironments, EnforcementLevel.Advisory);
    }

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var own = context.Stack.StackName;
        var candidates = new List<string>();
        foreach (var resource in context.Stack.Resources)
        {
            // Nearly every resource names no data service anywhere: one search of its inputs'
            // raw text spares it the walk (an escaped string may spell a prefix: it is walked).
            if (!MayNameADataServiceAnywhere(resource.Inputs))
            {
                continue;
            }

            candidates.Clear();
            CollectCandidates(resource.Inputs, candidates);
            if (candidates.Count == 0)
            {
                continue;
            }

            var foreign = candidates
                .SelectMany(s => DataServiceName().Matches(s))
                .Where(m => m.Groups["stack"].Value != own)
                .Select(m => m.Value)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (foreign.Count > 0)
            {
                yield return new Finding(resource.Urn, $"references {string.Join(", ", foreign)}, which belong(s) to another environment than '{own}'");
            }
        }
    }

    // Every string of every resource is looked at: one plain recursion keeps only the strings
    // that may name a data service, in the order they appear, instead of listing them all. The
    // object and array enumerators of JsonElement are structs: nothing is allocated per object.
    private static void CollectCandidates(JsonElement node, List<string> candidates)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    CollectCandidates(property.Value, candidates);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    CollectCandidates(item, candidates);
                }

                break;
            case JsonValueKind.String:
                if (CandidateText(node) is { } text)
                {
                    candidates.Add(text);
                }

                break;
        }
    }

    // A string's UTF-8 bytes are searched for the prefixes before any string is made of it, so
    // the strings that name no data service (nearly all of them) cost no allocation. An escaped
    // string may spell a prefix with escapes: it is decoded.
    private static string? CandidateText(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (!raw.Contains((byte)'\\') && !MayNameADataService(raw))
        {
            return null;
        }

        return value.GetString() is { } text && MayNameADataService(text) ? text : null;
    }

    private static bool MayNameADataServiceAnywhere(JsonElement inputs)
    {
        var raw = JsonMarshal.GetRawUtf8Value(inputs);
        return raw.Contains((byte)'\\') || MayNameADataService(raw);
    }

    // Most strings name no data service at all: a plain search for the name's prefixes spares
    // them the regex (each match still has to be one, below).
    private static bool MayNameADataService(string value) =>
        value.Contains("kv-", StringComparison.Ordinal) || value.Contains("psql-", StringComparison.Ordinal) || value.Contains("redis-", StringComparison.Ordinal);

    private static bool MayNameADataService(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOf("kv-"u8) >= 0 || utf8.IndexOf("psql-"u8) >= 0 || utf8.IndexOf("redis-"u8) >= 0;

    // Vaults, PostgreSQL servers and caches are named {kv|psql|redis}-{prefix}-{stack}-...
    [GeneratedRegex(@"\b(kv|psql|redis)-[a-z][a-z0-9]{1,7}-(?<stack>dev|staging|prod)\b")]
    private static partial Regex DataServiceName();
}
