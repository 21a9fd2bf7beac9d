using System.Text;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Policy.Snapshots;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Input;

public sealed class ReaderLimitsTests
{
    private static readonly InputLimits Small = new("test input", 10_000, 4, 100, 10, 50);

    [Fact]
    public void Json_nested_deeper_than_the_limit_is_refused_with_file_and_line()
    {
        var text = "{\n  \"a\": [[[[[1]]]]]\n}";

        var refused = Assert.Throws<InputRefusedException>(() => BoundedJson.Check(text, "deep.json", Small));

        Assert.Equal(("deep.json", 2), (refused.Problem.Source, refused.Problem.Line));
        Assert.Contains("nested more than 4 deep", refused.Problem.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_at_the_limits_passes()
    {
        BoundedJson.Check("{\"a\": [[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]]}", "ok.json", Small);
    }

    [Theory]
    [InlineData("[1,2,3,4,5,6,7,8,9,10,11]", "more than 10 entries")]
    [InlineData("{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10}", "more than 10 entries")]
    public void Json_with_too_many_entries_is_refused(string text, string found)
    {
        var refused = Assert.Throws<InputRefusedException>(() => BoundedJson.Check(text, "wide.json", Small));

        Assert.Contains(found, refused.Problem.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_string_longer_than_the_limit_is_refused_without_echoing_it()
    {
        var refused = Assert.Throws<InputRefusedException>(() => BoundedJson.Check($"{{\"a\": \"{new string('z', 51)}\"}}", "long.json", Small));

        Assert.Contains("longer than 50 characters", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("zzzz", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_values_than_the_limit_across_event_lines_are_refused_at_their_line()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"{{\"sequence\": {i}, \"x\": [1, 2]}}"));

        var refused = Assert.Throws<InputRefusedException>(() => BoundedJson.Check(lines, "events.jsonl", Small));

        Assert.Contains("more than 100 JSON values", refused.Problem.Found, StringComparison.Ordinal);
        // Seven values a line (the object, its two keys, the array, three numbers): the 101st is on line 15.
        Assert.Equal(15, refused.Problem.Line);
    }

    [Fact]
    public void Broken_json_is_left_to_the_formats_own_reader()
    {
        BoundedJson.Check("{\"a\": [1, 2", "broken.json", Small);
    }

    [Fact]
    public void A_stack_export_nested_beyond_the_limit_is_a_policy_input_error_naming_the_file()
    {
        var depth = InputLimits.Snapshot.MaxDepth + 1;
        var text = "{\"deployment\": {\"resources\": [" + new string('[', depth) + new string(']', depth) + "]}}";

        var refused = Assert.Throws<PolicyInputException>(() => SnapshotReader.Read(text, "prod.json"));

        Assert.StartsWith("prod.json:1:", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"nested more than {InputLimits.Snapshot.MaxDepth} deep", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_document_with_a_huge_string_is_refused_naming_it()
    {
        var text = "{\"gate\": \"" + new string('a', InputLimits.ReleaseDocument.MaxStringLength + 1) + "\"}";

        var refused = Assert.Throws<ReleaseDocumentException>(() => ReleaseJson.Read<PromotionEvidence>(text, "evidence file 'ev.json'"));

        Assert.StartsWith("evidence file 'ev.json':1:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("a string longer than", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_audit_log_that_is_not_utf8_is_refused_at_its_byte()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kora-audit-").FullName, "deploy-audit.jsonl");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{\"sequence\": 1}\n{\"who\": \"Jos"), 0xE9, .. Encoding.UTF8.GetBytes("\"}\n")]);

        using var key = KoraInfra.TestCases.ReleaseFixtures.NewKey();
        var refused = Assert.Throws<InputRefusedException>(() => new DeployAuditLog(path, TimeProvider.System, key).Verify());

        Assert.Equal(("deploy-audit.jsonl", 2), (refused.Problem.Source, refused.Problem.Line));
        Assert.Contains("not UTF-8 at byte 28", refused.Problem.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_are_read_as_the_audit_log_always_read_them()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kora-audit-").FullName, "log.jsonl");
        File.WriteAllText(path, "\uFEFFa\r\nb\n\nc\n");

        Assert.Equal(File.ReadAllLines(path), BoundedInput.ReadLines(path, InputLimits.AuditLog));
    }

    [Fact]
    public void The_committed_review_fixtures_read_within_the_limits()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "tests", "KoraInfra.Platform.Tests", "Policy", "Fixtures"), "*.json*"))
        {
            var (snapshot, _) = SnapshotReader.Read(BoundedInput.ReadFile(file, InputLimits.Snapshot), Path.GetFileName(file));

            Assert.NotEmpty(snapshot.Resources);
        }
    }
}
