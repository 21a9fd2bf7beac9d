using System.Text.Json.Nodes;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Policy.Serving;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Platform.Tests.Policy;

public sealed class PolicyServerTests
{
    private const string Redis = """{ "type": "azure-native:redis:Redis", "urn": "urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis", "inputs": { "enableNonSslPort": true, "minimumTlsVersion": "1.2", "publicNetworkAccess": "Disabled", "tags": { "environment": "prod", "owner": "devops", "data-classification": "confidential", "cost-center": "x" } } }""";

    private static readonly PolicyServer Server = new("prod", new FakeTimeProvider(CompliantPlatform.Now));

    private static JsonObject Answer(string line, long number = 1) => JsonNode.Parse(Server.Answer(line, number))!.AsObject();

    [Fact]
    public void A_resource_request_is_judged_by_the_per_resource_rules_and_names_the_urn()
    {
        var answer = Answer($$"""{ "id": 7, "op": "resource", "resource": {{Redis}} }""");

        Assert.Equal(7, answer["id"]!.GetValue<int>());
        var verdict = answer["verdict"]!;
        Assert.True(verdict["blocked"]!.GetValue<bool>());
        var violation = Assert.Single(verdict["violations"]!.AsArray());
        Assert.Equal("KORA-030", violation!["ruleId"]!.GetValue<string>());
        Assert.Equal("mandatory", violation["level"]!.GetValue<string>());
        Assert.Equal("urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis", violation["urn"]!.GetValue<string>());
    }

    [Fact]
    public void A_stack_request_is_judged_by_the_stack_rules_only()
    {
        var answer = Answer($$"""{ "id": "s1", "op": "stack", "resources": [ {{Redis}} ] }""");

        var violations = answer["verdict"]!["violations"]!.AsArray();
        // The open non-TLS port is the resource policy's finding; the stack is told about the missing manifest.
        Assert.Contains(violations, v => v!["ruleId"]!.GetValue<string>() == "KORA-001");
        Assert.DoesNotContain(violations, v => v!["ruleId"]!.GetValue<string>() == "KORA-030");
        Assert.Equal("s1", answer["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{ \"id\": 1, \"op\": \"resource\" ", "request on line 4: not valid JSON")]
    [InlineData("[1, 2]", "request on line 4: not a JSON object")]
    [InlineData("{ \"id\": 1 }", "request on line 4: no 'op'")]
    [InlineData("{ \"id\": 1, \"op\": \"evaluate\" }", "op 'evaluate' is not one kora serves; expected 'resource' or 'stack'")]
    [InlineData("{ \"id\": 1, \"op\": \"resource\", \"resource\": [] }", "op 'resource' needs a 'resource' object")]
    [InlineData("{ \"id\": 1, \"op\": \"resource\", \"resource\": { \"inputs\": {} } }", "has no 'type' and 'urn'")]
    [InlineData("{ \"id\": 1, \"op\": \"stack\", \"resources\": {} }", "op 'stack' needs a 'resources' array")]
    [InlineData("{ \"id\": 1, \"stack\": \"dev\", \"op\": \"stack\", \"resources\": [] }", "stack 'dev', but this server judges stack 'prod'")]
    [InlineData("{ \"id\": 1, \"op\": \"stack\", \"op\": \"resource\" }", "the key 'op' twice in one object")]
    public void A_bad_request_gets_an_error_line_naming_where_and_what_is_expected(string line, string expected)
    {
        var answer = Answer(line, 4);

        Assert.Null(answer["verdict"]);
        Assert.Contains(expected, answer["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_keeps_the_request_id_when_it_could_be_read()
    {
        var answer = Answer("""{ "id": 42, "op": "nope" }""");

        Assert.Equal(42, answer["id"]!.GetValue<int>());
        Assert.NotNull(answer["error"]);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("1.50", "1.50")]
    [InlineData("\"r-1\"", "\"r-1\"")]
    [InlineData("{ \"run\": [ 1, \"caf\u00e9\" ] }", "{\"run\":[1,\"caf\\u00E9\"]}")]
    [InlineData("null", "null")]
    public void An_answer_gives_the_request_id_back_as_compact_JSON(string id, string written)
    {
        var answer = Server.Answer($$"""{ "id": {{id}}, "op": "nope" }""", 3);

        Assert.StartsWith($$"""{"id":{{written}},"error":""", answer, StringComparison.Ordinal);
        Assert.Equal("request on line 3: op 'nope' is not one kora serves; expected 'resource' or 'stack'", JsonNode.Parse(answer)!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("7", "7")]
    [InlineData("{ \"name\": \"dev\" }", "{\"name\":\"dev\"}")]
    public void A_stack_that_is_no_text_is_named_by_its_JSON(string stack, string named)
    {
        var answer = Answer($$"""{ "id": 1, "stack": {{stack}}, "op": "stack", "resources": [] }""", 2);

        Assert.Equal($"request on line 2: stack '{named}', but this server judges stack 'prod'; start one 'kora policy serve --stack' per stack", answer["error"]!.GetValue<string>());
    }

    [Fact]
    public void A_null_stack_is_no_stack()
    {
        var answer = Answer($$"""{ "id": 1, "stack": null, "op": "resource", "resource": {{Redis}} }""");

        Assert.NotNull(answer["verdict"]);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_as_input_not_parsed()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", PolicyServer.Limits.MaxDepth + 5)) + "1" + new string('}', PolicyServer.Limits.MaxDepth + 5);

        var answer = Answer(deep, 2);

        Assert.Contains("nested more than", answer["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_is_one_line()
    {
        Assert.DoesNotContain('\n', Server.Answer($$"""{ "id": 1, "op": "resource", "resource": {{Redis}} }""", 1));
    }

    [Fact]
    public void The_line_reader_skips_an_over_long_line_and_reads_on()
    {
        var limits = InputLimits.Snapshot with { MaxBytes = 10 };
        var reader = new BoundedLineReader(new StringReader("short\r\nthis line is far too long\n\nlast"), limits);

        Assert.Equal(("short", false, 1L), (reader.ReadLine(out var a), a, reader.LineNumber));
        Assert.Equal((string.Empty, true, 2L), (reader.ReadLine(out var b), b, reader.LineNumber));
        Assert.Equal((string.Empty, false, 3L), (reader.ReadLine(out var c), c, reader.LineNumber));
        Assert.Equal(("last", false, 4L), (reader.ReadLine(out var d), d, reader.LineNumber));
        Assert.Null(reader.ReadLine(out _));
    }

    [Fact]
    public void Too_long_names_the_line_and_the_limit()
    {
        var answer = JsonNode.Parse(PolicyServer.TooLong(9))!;

        Assert.Contains("request on line 9: longer than 256 MiB", answer["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
