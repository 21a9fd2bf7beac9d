using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class StackFilesTests
{
    [Fact]
    public void Every_stack_file_is_found_in_ordinal_order_and_nothing_else()
    {
        var dir = Directory.CreateTempSubdirectory("kora-stack-files-");
        try
        {
            string[] names = ["Pulumi.yaml", "Pulumi.staging.yaml", "Pulumi.dev.yaml", "Pulumi.QA.yaml", "Pulumi.qa.yml", "Pulumi.prod.yaml", "notes.yaml", "Pulumi.dev.yaml.bak"];
            foreach (var name in names)
            {
                File.WriteAllText(Path.Combine(dir.FullName, name), "config: {}\n");
            }

            var found = StackFiles.FindAll(dir.FullName).Select(Path.GetFileName);

            Assert.Equal(["Pulumi.QA.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml", "Pulumi.qa.yml", "Pulumi.staging.yaml"], found);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
