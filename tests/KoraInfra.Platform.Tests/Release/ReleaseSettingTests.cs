using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Release;

public sealed class ReleaseSettingTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Committed_gated_stack_files_carry_no_release_so_only_the_pipeline_sets_one(string stack) =>
        Assert.Null(StackFiles.Validate(Repository.StackFile(stack)).Require().ReleaseManifestPath);

    [Fact]
    public void A_release_path_set_by_promote_is_read()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")) + "  kora-infra:release: releases/prod/v1.4.0.dsse.json\n";

        var settings = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", text)).Require();

        Assert.Equal("releases/prod/v1.4.0.dsse.json", settings.ReleaseManifestPath);
    }
}
