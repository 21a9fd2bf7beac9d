using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Release;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Release;

public sealed class ReleaseStorePlanTests
{
    [Fact]
    public void Dev_has_no_release_store() => Assert.Null(ReleaseStorePlan.For(Settings("dev")));

    [Theory]
    [InlineData("staging", "stkorastagingbrsrel", "Standard_LRS", 90)]
    [InlineData("prod", "stkoraprodbrsrel", "Standard_ZRS", 365)]
    public void Gated_stacks_keep_releases_in_a_worm_container_for_their_audit_retention(string stack, string account, string sku, int days)
    {
        var plan = ReleaseStorePlan.For(Settings(stack))!;

        Assert.Equal(account, plan.AccountName);
        Assert.Null(ResourceNamer.Violation(ResourceKind.StorageAccount, plan.AccountName));
        Assert.Equal("releases", plan.ContainerName);
        Assert.Equal(sku, plan.SkuName);
        Assert.Equal(days, plan.ImmutabilityDays);
        Assert.Equal(stack, plan.Tags["environment"]);
    }

    private static StackSettings Settings(string stack) => StackFiles.Validate(Repository.StackFile(stack)).Require();
}
