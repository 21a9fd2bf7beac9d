using KoraInfra.Platform.Response;

namespace KoraInfra.Platform.Tests.Response;

public sealed class PriorityAndSlaTests
{
    [Theory]
    [InlineData("critical", Priority.P0)]
    [InlineData("high", Priority.P1)]
    [InlineData("warning", Priority.P2)]
    [InlineData("unknown", Priority.P2)]
    public void Severity_maps_to_the_runbooks_priority(string severity, Priority expected)
    {
        Assert.Equal(expected, PriorityMapping.Default.Map(new Dictionary<string, string> { ["severity"] = severity }));
    }

    [Fact]
    public void An_explicit_priority_label_wins_over_the_severity()
    {
        Assert.Equal(Priority.P0, PriorityMapping.Default.Map(new Dictionary<string, string> { ["severity"] = "warning", ["priority"] = "P0" }));
    }

    [Fact]
    public void The_mapping_is_data_and_another_table_maps_differently()
    {
        var mapping = new PriorityMapping([new PriorityRule("team", "payments", Priority.P0)], Priority.P1);

        Assert.Equal(Priority.P0, mapping.Map(new Dictionary<string, string> { ["team"] = "payments" }));
        Assert.Equal(Priority.P1, mapping.Map(new Dictionary<string, string> { ["severity"] = "critical" }));
    }

    [Fact]
    public void The_slas_are_the_seeds()
    {
        Assert.Equal((TimeSpan.FromMinutes(5), (TimeSpan?)TimeSpan.FromMinutes(15)), (ResponseSla.For(Priority.P0).Ack, ResponseSla.For(Priority.P0).Containment));
        Assert.Equal((TimeSpan.FromMinutes(15), (TimeSpan?)TimeSpan.FromMinutes(60)), (ResponseSla.For(Priority.P1).Ack, ResponseSla.For(Priority.P1).Containment));
        Assert.Equal((TimeSpan.FromHours(4), (TimeSpan?)null), (ResponseSla.For(Priority.P2).Ack, ResponseSla.For(Priority.P2).Containment));
        Assert.Equal("P0: ACK operacional <= 5 min; contencao inicial <= 15 min", ResponseSla.For(Priority.P0).Spelled);
        Assert.Equal("P2: ACK <= 4h uteis", ResponseSla.For(Priority.P2).Spelled);
    }
}
