using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>The rule set is listed in id order (ordinal), as every report and the CrossGuard pack list it.</summary>
public sealed class RuleSetOrderTests
{
    [Fact]
    public void Every_rule_comes_in_id_order()
    {
        var ids = PolicyRules.All.Select(r => r.Id).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Each_read_is_a_list_of_its_own()
    {
        var first = PolicyRules.All;

        Assert.NotSame(first, PolicyRules.All);
        Assert.Equal(first.Select(r => r.Id), PolicyRules.All.Select(r => r.Id));
    }
}
