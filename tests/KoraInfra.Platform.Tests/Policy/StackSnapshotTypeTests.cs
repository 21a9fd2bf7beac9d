using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// A stack's resources by type, as the rules ask for them: in registration order, whatever the
/// mix of types, the same from rules asking side by side.
/// </summary>
public sealed class StackSnapshotTypeTests
{
    private const string Deployment = "kubernetes:apps/v1:Deployment";
    private const string StatefulSet = "kubernetes:apps/v1:StatefulSet";
    private const string Vault = "azure-native:keyvault:Vault";

    private static ResourceSnapshot Resource(string type, string name) =>
        new(type, $"urn:pulumi:prod::kora-infra::{type}::{name}", new JsonObject(), new JsonObject(), null, null);

    private static StackSnapshot Stack() => new("prod",
    [
        Resource(Deployment, "d1"), Resource(Vault, "v1"), Resource(StatefulSet, "s1"),
        Resource(Deployment, "d2"), Resource(StatefulSet, "s2"), Resource(Vault, "v2"),
    ], []);

    [Fact]
    public void Resources_of_one_type_come_in_registration_order()
    {
        var stack = Stack();

        Assert.Equal(["d1", "d2"], stack.OfType(Deployment).Select(r => r.Name));
        Assert.Equal(["v1", "v2"], stack.OfType(Vault).Select(r => r.Name));
        Assert.Empty(stack.OfType("kubernetes:batch/v1:Job"));
    }

    [Fact]
    public void Resources_of_several_types_come_in_registration_order_not_type_by_type()
    {
        var stack = Stack();

        Assert.Equal(["d1", "s1", "d2", "s2"], stack.OfTypes(ResourceSnapshot.IsKubernetesType).Select(r => r.Name));
        Assert.Equal(["v1", "v2"], stack.OfTypes(type => type == Vault).Select(r => r.Name));
        Assert.Empty(stack.OfTypes(_ => false));
        Assert.Equal(stack.Resources, stack.OfTypes(_ => true));
    }

    [Fact]
    public void The_filter_is_asked_once_per_distinct_type()
    {
        var asked = new List<string>();

        _ = Stack().OfTypes(type =>
        {
            asked.Add(type);
            return true;
        });

        Assert.Equal([Deployment, Vault, StatefulSet], asked);
    }

    [Fact]
    public async Task Rules_asking_side_by_side_get_the_same_resources()
    {
        var stack = Stack();
        var start = new Barrier(4);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            return stack.OfType(Deployment);
        })));

        Assert.All(answers, answer => Assert.Same(answers[0], answer));
        Assert.Equal(["d1", "d2"], answers[0].Select(r => r.Name));
    }
}
