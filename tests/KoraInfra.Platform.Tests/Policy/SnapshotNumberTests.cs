using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// A snapshot read from text holds JSON elements; one built in memory (the program under mocks,
/// a test) holds CLR values. <see cref="ResourceSnapshot.Number"/> must read the same number from
/// every shape, or a rule compares "unset" instead of the value and passes or fails by accident.
/// </summary>
public sealed class SnapshotNumberTests
{
    public static TheoryData<string> Shapes => new(NumberShapes.All);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_numeric_shape_reads_as_its_value(string shape)
    {
        Assert.Equal(7d, Read(NumberShapes.Of(shape, 7)));
        Assert.Equal(35d, Read(NumberShapes.Of(shape, 35)));
        Assert.Equal(0d, Read(NumberShapes.Of(shape, 0)));
        Assert.Equal(-1d, Read(NumberShapes.Of(shape, -1)));
    }

    [Theory]
    [InlineData("double")]
    [InlineData("decimal")]
    [InlineData("parsed JSON text")]
    [InlineData("JSON element")]
    [InlineData("numeric string")]
    public void Fractions_keep_their_fraction(string shape)
    {
        Assert.Equal(34.5d, Read(NumberShapes.Of(shape, 34.5)));
    }

    [Fact]
    public void Seconds_since_the_epoch_fit_as_long()
    {
        var expires = CompliantPlatform.Now.AddDays(90).ToUnixTimeSeconds();

        Assert.Equal((double)expires, Read(JsonValue.Create(expires)));
        Assert.Equal((double)expires, Read(JsonNode.Parse(expires.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Exponent_notation_in_parsed_text_reads_as_its_value()
    {
        Assert.Equal(35d, Read(JsonNode.Parse("3.5e1")));
    }

    [Fact]
    public void Narrow_integer_and_float_shapes_read_as_their_value()
    {
        Assert.Equal(90d, Read(JsonValue.Create((short)90)));
        Assert.Equal(90d, Read(JsonValue.Create((byte)90)));
        Assert.Equal(90d, Read(JsonValue.Create(90u)));
        Assert.Equal(90d, Read(JsonValue.Create(90ul)));
        Assert.Equal(90d, Read(JsonValue.Create(90f)));
    }

    [Fact]
    public void What_is_not_a_number_reads_as_unset()
    {
        Assert.Null(Read(JsonValue.Create("seven")));
        Assert.Null(Read(JsonValue.Create(true)));
        Assert.Null(Read(new JsonObject { ["days"] = 7 }));
        Assert.Null(Read(new JsonArray(7)));
        Assert.Null(Read(null));
        Assert.Null(Read(JsonNode.Parse("\"\"")));
    }

    [Fact]
    public void A_number_is_read_from_the_outputs_when_the_inputs_lack_it()
    {
        var snapshot = new ResourceSnapshot("t", "urn:pulumi:prod::kora-infra::t::r", [], new JsonObject { ["days"] = 35 }, null, null);

        Assert.Equal(35d, snapshot.Number("days"));
    }

    private static double? Read(JsonNode? value)
    {
        var inputs = new JsonObject();
        if (value is not null)
        {
            inputs["backup"] = new JsonObject { ["days"] = value };
        }

        return new ResourceSnapshot("t", "urn:pulumi:prod::kora-infra::t::r", inputs, [], null, null).Number("backup.days");
    }
}

/// <summary>The shapes a number can take in a snapshot's JSON.</summary>
internal static class NumberShapes
{
    public static readonly string[] All = ["int", "long", "double", "decimal", "parsed JSON text", "JSON element", "numeric string"];

    public static JsonNode Of(string shape, double value) => shape switch
    {
        "int" => JsonValue.Create(checked((int)value)),
        "long" => JsonValue.Create(checked((long)value)),
        "double" => JsonValue.Create(value),
        "decimal" => JsonValue.Create((decimal)value),
        "parsed JSON text" => JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!,
        "JSON element" => JsonValue.Create(JsonDocument.Parse(value.ToString(CultureInfo.InvariantCulture)).RootElement)!,
        "numeric string" => JsonValue.Create(value.ToString(CultureInfo.InvariantCulture))!,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "not a number shape"),
    };
}
