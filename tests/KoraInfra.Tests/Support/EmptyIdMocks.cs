using KoraInfra.OfflinePlan;
using Pulumi.Testing;

namespace KoraInfra.Tests.Support;

/// <summary>
/// Answers as the offline plan's mocks do, except that resources of one type get back the empty
/// import id the SDK hands a mock for a normal registration: the defect the run's guard exists for.
/// </summary>
internal sealed class EmptyIdMocks(PlanMocks inner, string type) : IMocks
{
    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (id, state) = await inner.NewResourceAsync(args);
        return (args.Type == type ? string.Empty : id, state);
    }

    public Task<object> CallAsync(MockCallArgs args) => inner.CallAsync(args);
}
