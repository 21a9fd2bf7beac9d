using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Pulumi;

namespace KoraInfra.OfflinePlan;

/// <summary>
/// Walks a resource's arguments as the SDK serializes them: every member marked
/// <see cref="InputAttribute"/>, under its engine name, into nested arguments, lists, maps and
/// unions, resolving each input. The result lists every leaf and every unknown value.
/// </summary>
public static class InputWalker
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    /// <summary>Walks the arguments once the run has finished (every input that can resolve has).</summary>
    public static async Task<IReadOnlyList<RecordedInput>> WalkAsync(InputArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var found = new List<RecordedInput>();
        await WalkArgsAsync(args, string.Empty, secret: false, found).ConfigureAwait(false);
        return found;
    }

    private static async Task WalkArgsAsync(InputArgs args, string path, bool secret, List<RecordedInput> found)
    {
        foreach (var (name, value) in InputsOf(args))
        {
            await WalkValueAsync(value, Join(path, name), secret, found).ConfigureAwait(false);
        }
    }

    private static async Task WalkValueAsync(object? value, string path, bool secret, List<RecordedInput> found)
    {
        if (value is null || IsDefaultArray(value))
        {
            return;
        }

        if (await ResolvedValue.ResolveAsync(value).ConfigureAwait(false) is { } resolved)
        {
            // A secret container makes everything inside it secret, as the engine stores it.
            if (!resolved.IsKnown)
            {
                found.Add(new RecordedInput(path, IsKnown: false, secret || resolved.IsSecret, Value: null));
                return;
            }

            await WalkValueAsync(resolved.Value, path, secret || resolved.IsSecret, found).ConfigureAwait(false);
            return;
        }

        switch (value)
        {
            case InputArgs nested:
                await WalkArgsAsync(nested, path, secret, found).ConfigureAwait(false);
                break;
            case string text:
                found.Add(new RecordedInput(path, IsKnown: true, secret, text));
                break;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    await WalkValueAsync(entry.Value, Join(path, Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), secret, found).ConfigureAwait(false);
                }

                break;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    await WalkValueAsync(item, $"{path}[{index++}]", secret, found).ConfigureAwait(false);
                }

                break;
            default:
                var type = value.GetType();
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Union<,>))
                {
                    await WalkValueAsync(type.GetProperty(nameof(Union<int, int>.Value))!.GetValue(value), path, secret, found).ConfigureAwait(false);
                }
                else
                {
                    found.Add(new RecordedInput(path, IsKnown: true, secret, value));
                }

                break;
        }
    }

    // The members the SDK serializes, found the way it finds them (fields for lists and maps,
    // properties for the rest). The attribute's name is read from its constructor argument, the
    // only public trace of it.
    private static IEnumerable<(string Name, object? Value)> InputsOf(InputArgs args)
    {
        var type = args.GetType();
        foreach (var field in type.GetFields(Members))
        {
            if (InputName(field) is { } name)
            {
                yield return (name, field.GetValue(args));
            }
        }

        foreach (var property in type.GetProperties(Members))
        {
            if (property.GetIndexParameters().Length == 0 && InputName(property) is { } name)
            {
                yield return (name, property.GetValue(args));
            }
        }
    }

    private static string? InputName(MemberInfo member) =>
        member.CustomAttributes.FirstOrDefault(a => a.AttributeType == typeof(InputAttribute)) is { } attribute && attribute.ConstructorArguments.Count > 0
            ? attribute.ConstructorArguments[0].Value as string
            : null;

    // An unset ImmutableArray throws when enumerated; it holds nothing.
    private static bool IsDefaultArray(object value)
    {
        var type = value.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
            && type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value) is true;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
