using KoraInfra.Platform.Database;

namespace KoraInfra.Platform.Tests.Database;

public sealed class ToolJobResourcesTests
{
    [Fact]
    public void Requests_and_limits_name_cpu_and_memory_and_limits_are_not_below_requests()
    {
        Assert.Equal(["cpu", "memory"], ToolJobResources.Requests.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["cpu", "memory"], ToolJobResources.Limits.Keys.Order(StringComparer.Ordinal));
        Assert.True(MilliCpu(ToolJobResources.Limits["cpu"]) >= MilliCpu(ToolJobResources.Requests["cpu"]));
        Assert.True(Mebibytes(ToolJobResources.Limits["memory"]) >= Mebibytes(ToolJobResources.Requests["memory"]));
    }

    [Theory]
    [InlineData(600, 900)]
    [InlineData(1, 301)]
    public void Pulumi_waits_the_jobs_deadline_plus_the_margin(int deadline, int waitSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(waitSeconds), ToolJobResources.PulumiWait(deadline));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_deadline_that_is_not_positive_is_refused(int deadline) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ToolJobResources.PulumiWait(deadline));

    private static int MilliCpu(string value) => int.Parse(value.TrimEnd('m'), System.Globalization.CultureInfo.InvariantCulture);

    private static int Mebibytes(string value) => int.Parse(value.Replace("Mi", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
