using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.Release;

public sealed class ReleaseStoreTests
{
    [Theory]
    [InlineData("staging", 90)]
    [InlineData("prod", 365)]
    public async Task Gated_stacks_declare_a_worm_container_for_manifests_and_the_audit_log(string stack, int days)
    {
        var run = await StackRun.RunAsync(stack);

        var account = Assert.Single(run.OfType("azure-native:storage:StorageAccount"), a => a.Name == "release-store");
        Assert.True(account.Inputs["allowSharedKeyAccess"] is false, "only Entra ID identities may write the store");
        Assert.True(account.Inputs["allowBlobPublicAccess"] is false);
        Assert.Equal("TLS1_2", account.Text("minimumTlsVersion"));
        var container = Assert.Single(run.OfType("azure-native:storage:BlobContainer"), c => c.Name == "release-container");
        Assert.Equal("None", container.Text("publicAccess"));
        var worm = run.Named("azure-native:storage:BlobContainerImmutabilityPolicy", "release-worm");
        Assert.Equal((double)days, worm.Inputs["immutabilityPeriodSinceCreationInDays"]);
        Assert.Equal("releases", worm.Text("containerName"));
        Assert.True(worm.Inputs["allowProtectedAppendWrites"] is false);
    }

    [Fact]
    public async Task Dev_declares_no_release_store()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.DoesNotContain(run.OfType("azure-native:storage:BlobContainerImmutabilityPolicy"), r => r.Name == "release-worm");
    }
}
