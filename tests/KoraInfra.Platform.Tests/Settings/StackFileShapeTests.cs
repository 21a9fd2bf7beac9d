using System.Text;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// How a stack file's layout is read before any key is judged: its top-level sections, secrets
/// as <c>{secure: ciphertext}</c>, keys that are not text, and files that are not one mapping.
/// Each refusal is one problem at the place it names.
/// </summary>
public sealed class StackFileShapeTests
{
    private static string Committed(string stack) => File.ReadAllText(Repository.StackFile(stack));

    private static string Describe(SettingsProblem p) => $"{p.Location} | {p.Key} | {p.Found} | {p.Expected}";

    [Fact]
    public void A_secure_value_is_a_secret_holding_its_ciphertext_at_its_line()
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", "secretsprovider: x\nconfig:\n  kora-infra:plain: text\n  kora-infra:kubeconfig:\n    secure: v1:AAAAciphertext\n");

        Assert.Empty(source.Problems);
        Assert.True(source.IsStackFile);
        Assert.Equal("dev", source.StackName);
        var secret = source.Entries["kora-infra:kubeconfig"];
        Assert.True(secret.IsSecret);
        Assert.Equal("v1:AAAAciphertext", ((YamlScalarNode)secret.Value).Value);
        Assert.Equal(new SourceLocation("Pulumi.dev.yaml", 5), secret.Location);
        var plain = source.Entries["kora-infra:plain"];
        Assert.False(plain.IsSecret);
        Assert.Equal("text", ((YamlScalarNode)plain.Value).Value);
        Assert.Equal(new SourceLocation("Pulumi.dev.yaml", 3), plain.Location);
        Assert.Equal("x", ((YamlScalarNode)source.SecretsProvider!.Value).Value);
        Assert.Equal(1, source.SecretsProvider.Location.Line);
        Assert.False(source.SecretsProvider.IsSecret);
    }

    [Theory]
    [InlineData("  kora-infra:x:\n    secure: a\n    other: b\n")]
    [InlineData("  kora-infra:x:\n    notsecure: a\n")]
    [InlineData("  kora-infra:x:\n    - secure\n")]
    public void Only_a_mapping_of_secure_alone_is_a_secret(string entry)
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", "config:\n" + entry);

        Assert.False(source.Entries["kora-infra:x"].IsSecret);
        Assert.IsNotType<YamlScalarNode>(source.Entries["kora-infra:x"].Value);
    }

    [Fact]
    public void A_key_that_is_not_text_is_one_problem_and_the_other_keys_are_still_read()
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", "config:\n  kora-infra:a: 1\n  ? [x, y]\n  : 2\n  \"\": 3\n  kora-infra:b: 4\n");

        Assert.Equal(
            ["Pulumi.dev.yaml:3 | config | a list used as a key | a key of the form 'namespace:name'", "Pulumi.dev.yaml:5 | config | a empty value used as a key | a key of the form 'namespace:name'"],
            source.Problems.Select(Describe));
        Assert.Equal(["kora-infra:a", "kora-infra:b"], source.Entries.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("- config\n", "Pulumi.dev.yaml:1 | (file) | a list at the top of the file | a mapping with a 'config:' key")]
    [InlineData("\n\njust text\n", "Pulumi.dev.yaml:3 | (file) | a plain value at the top of the file | a mapping with a 'config:' key")]
    [InlineData("config: {}\n---\nconfig: {}\n", "Pulumi.dev.yaml | (file) | 2 YAML documents | exactly one document")]
    [InlineData("---\n", "Pulumi.dev.yaml | (file) | an empty file | a 'config:' mapping with the kora-infra: keys")]
    [InlineData("   \n\t\n", "Pulumi.dev.yaml | (file) | an empty file | a 'config:' mapping with the kora-infra: keys")]
    [InlineData("secretsprovider: x\n", "Pulumi.dev.yaml:1 | config | no 'config:' mapping | a 'config:' mapping with the kora-infra: keys")]
    [InlineData("config: text\n", "Pulumi.dev.yaml:1 | config | a plain value | a mapping of 'kora-infra:<key>: value' lines")]
    [InlineData("config:\n", "Pulumi.dev.yaml:1 | config | a empty value | a mapping of 'kora-infra:<key>: value' lines")]
    [InlineData("encryptedkey: k\nencryptionsalt: s\nenvironment: [e]\nstack: dev\n", "Pulumi.dev.yaml:4 | stack | an unknown top-level key | one of 'config', 'encryptedkey', 'encryptionsalt', 'environment', 'secretsprovider'")]
    public void A_file_that_is_not_one_mapping_with_a_config_section_is_one_problem(string text, string problem)
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", text);

        Assert.Equal([problem], source.Problems.Select(Describe));
        Assert.Empty(source.Entries);
        Assert.False(source.IsStackFile);
    }

    [Fact]
    public void An_unknown_section_beside_no_config_is_reported_alone()
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", "confg:\n  kora-infra:environment: dev\n");

        Assert.Equal(["Pulumi.dev.yaml:1 | confg | an unknown top-level key | one of 'config', 'encryptedkey', 'encryptionsalt', 'environment', 'secretsprovider'"], source.Problems.Select(Describe));
    }

    [Fact]
    public void The_known_sections_other_than_config_are_accepted_and_ignored()
    {
        var source = StackFileReader.Read("Pulumi.dev.yaml", "encryptedkey: k\nencryptionsalt: s\nenvironment: [e]\nconfig:\n  kora-infra:a: 1\n");

        Assert.Empty(source.Problems);
        Assert.True(source.IsStackFile);
        Assert.Null(source.SecretsProvider);
        Assert.Equal(["kora-infra:a"], source.Entries.Keys);
    }

    [Theory]
    [InlineData("Pulumi.dev.yml", "dev", null)]
    [InlineData("Pulumi.staging.yaml", "staging", null)]
    [InlineData("Pulumi.qa.yaml", "qa", "Pulumi.qa.yaml | (stack name) | stack 'qa' | one of the KoraOS stacks 'dev', 'staging' or 'prod'")]
    [InlineData("Pulumi.dev.yaml.bak", null, "Pulumi.dev.yaml.bak | (file name) | 'Pulumi.dev.yaml.bak' | a stack file named Pulumi.<stack>.yaml")]
    [InlineData("Pulumi..yaml", null, "Pulumi..yaml | (file name) | 'Pulumi..yaml' | a stack file named Pulumi.<stack>.yaml")]
    [InlineData("xPulumi.dev.yaml", null, "xPulumi.dev.yaml | (file name) | 'xPulumi.dev.yaml' | a stack file named Pulumi.<stack>.yaml")]
    public void The_file_name_names_the_stack(string fileName, string? stack, string? problem)
    {
        var source = StackFileReader.Read(fileName, "config:\n  kora-infra:a: 1\n");

        Assert.Equal(stack, source.StackName);
        Assert.Equal(problem is null ? [] : [problem], source.Problems.Select(Describe));
        Assert.True(source.IsStackFile);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_one_problem_naming_the_file_and_the_stack_is_still_known()
    {
        var source = StackFileReader.Read("Pulumi.prod.yaml", new byte[] { 0x63, 0x6f, 0xff, 0x3a });

        var problem = Assert.Single(source.Problems);
        Assert.Equal("(file)", problem.Key);
        Assert.Equal("Pulumi.prod.yaml", problem.Location.Source);
        Assert.Equal("prod", source.StackName);
        Assert.Empty(source.Entries);
    }

    [Fact]
    public void Utf8_bytes_read_as_their_text()
    {
        var text = Committed("staging");

        var fromBytes = StackFileReader.Read("Pulumi.staging.yaml", Encoding.UTF8.GetBytes(text));
        var fromText = StackFileReader.Read("Pulumi.staging.yaml", text);

        Assert.Empty(fromBytes.Problems);
        Assert.Equal(fromText.Entries.Keys, fromBytes.Entries.Keys);
        Assert.True(StackSettingsBinder.Bind(fromBytes).IsValid);
    }

    [Fact]
    public void A_file_larger_than_a_reader_accepts_is_refused_before_it_is_decoded()
    {
        var bytes = new byte[KoraInfra.Platform.Input.InputLimits.StackFile.MaxBytes + 1];
        Array.Fill(bytes, (byte)'#');

        var source = StackFileReader.Read("Pulumi.dev.yaml", bytes);

        var problem = Assert.Single(source.Problems);
        Assert.Equal("Pulumi.dev.yaml | (file) | " + $"a stack file of {bytes.Length} bytes, larger than the {KoraInfra.Platform.Input.InputLimits.StackFile.MaxBytesText} a reader accepts", $"{problem.Location} | {problem.Key} | {problem.Found}");
        Assert.Equal($"a stack file of at most {KoraInfra.Platform.Input.InputLimits.StackFile.MaxBytesText}", problem.Expected);
        Assert.Equal("dev", source.StackName);
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_read()
    {
        var header = "config:\n  kora-infra:a: 1\n";
        var bytes = Encoding.UTF8.GetBytes(header.PadRight(checked((int)KoraInfra.Platform.Input.InputLimits.StackFile.MaxBytes), '\n'));

        var source = StackFileReader.Read("Pulumi.dev.yaml", bytes);

        Assert.DoesNotContain(source.Problems, p => p.Found.Contains("larger than", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_on_disk_larger_than_a_reader_accepts_is_named_not_thrown()
    {
        var dir = Directory.CreateTempSubdirectory("kora-stack-");
        try
        {
            var path = Path.Combine(dir.FullName, "Pulumi.staging.yaml");
            File.WriteAllText(path, new string('#', checked((int)KoraInfra.Platform.Input.InputLimits.StackFile.MaxBytes + 1)));

            var source = StackFileReader.ReadFile(path);

            var problem = Assert.Single(source.Problems);
            Assert.Equal("Pulumi.staging.yaml", problem.Location.Source);
            Assert.Equal("(file)", problem.Key);
            Assert.Equal("staging", source.StackName);
            Assert.Empty(source.Entries);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_names_the_path_and_where_a_stack_file_belongs()
    {
        var path = Path.Combine(Path.GetTempPath(), "kora-no-such-dir", "Pulumi.prod.yaml");

        var source = StackFileReader.ReadFile(path);

        Assert.Equal([$"Pulumi.prod.yaml | (file) | no file at '{path}' | a stack file named Pulumi.<stack>.yaml beside Pulumi.yaml"], source.Problems.Select(Describe));
        Assert.Null(source.StackName);
    }

    [Fact]
    public void A_committed_file_read_from_disk_is_the_same_as_its_text()
    {
        var fromDisk = StackFileReader.ReadFile(Repository.StackFile("prod"));

        Assert.Empty(fromDisk.Problems);
        Assert.Equal("Pulumi.prod.yaml", fromDisk.Origin);
        Assert.Equal(StackFileReader.Read("Pulumi.prod.yaml", Committed("prod")).Entries.Keys, fromDisk.Entries.Keys);
    }
}
