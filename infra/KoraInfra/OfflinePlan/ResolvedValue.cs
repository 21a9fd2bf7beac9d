using System.Reflection;
using Pulumi;
using Pulumi.Utilities;

namespace KoraInfra.OfflinePlan;

/// <summary>What an <see cref="Input{T}"/> or <see cref="Output{T}"/> resolved to once the run finished.</summary>
/// <param name="IsKnown">Whether the value is known (an unknown value never reaches the mock monitor).</param>
/// <param name="IsSecret">Whether the value is marked secret.</param>
/// <param name="Value">The value (null when unknown or null).</param>
public sealed record ResolvedValue(bool IsKnown, bool IsSecret, object? Value)
{
    private static readonly MethodInfo ResolveOutputMethod = typeof(ResolvedValue).GetMethod(nameof(ResolveOutputAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Resolves any <c>Input&lt;T&gt;</c> (lists, maps and unions included) or <c>Output&lt;T&gt;</c>;
    /// null for anything else. The SDK offers these operations only for a known T, so the T of the
    /// value's own type is used.
    /// </summary>
    public static async Task<ResolvedValue?> ResolveAsync(object? value)
    {
        var type = value is null ? null : ElementType(value.GetType());
        if (type is null)
        {
            return null;
        }

        var output = value!.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(Output<>)
            ? value
            : ToOutput(value, type);
        return await ((Task<ResolvedValue>)ResolveOutputMethod.MakeGenericMethod(type).Invoke(null, [output])!).ConfigureAwait(false);
    }

    /// <summary>The T of an <c>Output&lt;T&gt;</c> or of an <c>Input&lt;T&gt;</c> (or a type derived from it); null otherwise.</summary>
    public static Type? ElementType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Output<>))
        {
            return type.GetGenericArguments()[0];
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Input<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }

    // Input<T> converts to Output<T> implicitly; the operator is public, so it is found by name.
    private static object ToOutput(object input, Type element)
    {
        var inputType = typeof(Input<>).MakeGenericType(element);
        var outputType = typeof(Output<>).MakeGenericType(element);
        var conversion = inputType.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "op_Implicit" && m.ReturnType == outputType && m.GetParameters()[0].ParameterType == inputType);
        return conversion.Invoke(null, [input])!;
    }

    private static async Task<ResolvedValue> ResolveOutputAsync<T>(Output<T> output)
    {
        var known = await OutputUtilities.GetIsKnownAsync(output).ConfigureAwait(false);
        var secret = await Output.IsSecretAsync(output).ConfigureAwait(false);
        var value = known ? await OutputUtilities.GetValueAsync(output).ConfigureAwait(false) : default;
        return new ResolvedValue(known, secret, value);
    }
}
