using System.Collections;
using System.Reflection;
using Pulumi;

namespace KoraInfra.OfflinePlan;

/// <summary>
/// The outputs a resource object exposes to the program: each public <c>Output&lt;T&gt;</c>
/// property, and each output held in a public list or dictionary property (a component's
/// <c>SecretValues</c>). The SDK's outputs of a custom resource are included; <c>Urn</c> too.
/// </summary>
public static class ResourceOutputs
{
    /// <summary>Each output with its name (<c>AccessKey</c>, <c>SecretValues[redis-access-key]</c>).</summary>
    public static IEnumerable<(string Name, object Output)> Of(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        foreach (var property in resource.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(string))
            {
                continue;
            }

            if (IsOutput(property.PropertyType))
            {
                if (property.GetValue(resource) is { } output)
                {
                    yield return (property.Name, output);
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && property.GetValue(resource) is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && IsOutput(item.GetType()))
                    {
                        yield return ($"{property.Name}[{index}]", item);
                    }
                    else if (item is not null && item.GetType() is { IsGenericType: true } pair && pair.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
                        && pair.GetProperty("Value")!.GetValue(item) is { } value && IsOutput(value.GetType()))
                    {
                        yield return ($"{property.Name}[{pair.GetProperty("Key")!.GetValue(item)}]", value);
                    }

                    index++;
                }
            }
        }
    }

    private static bool IsOutput(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Output<>);
}
