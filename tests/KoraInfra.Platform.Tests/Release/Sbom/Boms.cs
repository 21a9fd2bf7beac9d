using System.Text;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Tests.Release.Sbom;

/// <summary>
/// The smallest CycloneDX documents the reader must judge, built per test so each case changes
/// one field. The SBOMs a release binds are the real tools' (see the CLI tests).
/// </summary>
internal static class Boms
{
    public static JsonObject Of(string name, string? version, string spec = "1.6") => new()
    {
        ["bomFormat"] = "CycloneDX",
        ["specVersion"] = spec,
        ["version"] = 1,
        ["metadata"] = new JsonObject { ["component"] = new JsonObject { ["type"] = "container", ["name"] = name, ["version"] = version } },
        ["components"] = new JsonArray(new JsonObject { ["type"] = "library", ["name"] = "Npgsql", ["version"] = "9.0.3" }),
    };

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
