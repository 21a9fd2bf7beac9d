using System.Text.Json;
using System.Text.Json.Serialization;
using KoraInfra.Cli.Output.Reports;

namespace KoraInfra.Cli.Output;

/// <summary>
/// The JSON shapes of kora's reports (docs/cli.md), generated at build time: camelCase, indented,
/// every field always present (null rather than missing), no reflection at run time.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ValidateReport))]
[JsonSerializable(typeof(GateCheckReport))]
[JsonSerializable(typeof(AuditVerifyReport))]
[JsonSerializable(typeof(SecretsReport))]
[JsonSerializable(typeof(NetworkPlanReport))]
internal sealed partial class KoraJsonContext : JsonSerializerContext;
