using System.CommandLine;
using System.Globalization;
using KoraInfra.Cli.Output;
using KoraInfra.Cli.Output.Reports;
using KoraInfra.Cli.Output.Tables;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora secrets --stack NAME [--at TIME] [--evidence-out FILE]</c>: the stack's secret catalogue as the program will
/// declare it (rotation window, expiry, readers), the vault's role assignments, and the
/// compromised credentials still pending. Exits 1 while one is pending, so a promotion job can
/// gate on it.
/// </summary>
public static class SecretsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var stack = new Option<string?>("--stack") { Description = "The stack: dev, staging or prod." };
        var at = new Option<string?>("--at") { Description = "Plan at this UTC time (ISO 8601, e.g. 2026-12-03T00:00:00Z) instead of now." };
        var evidenceOut = new Option<string?>("--evidence-out") { Description = "Also write the pending compromised credentials as the promotion evidence part (JSON) to this file." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var json = JsonOption.Create();
        var command = new Command("secrets", "Show a stack's secrets, rotation windows, expiries and grants; fail while a compromised credential is pending.")
        {
            stack,
            at,
            evidenceOut,
            projectDir,
            json,
        };
        command.SetAction(parse => Run(
            parse.GetValue(stack),
            parse.GetValue(at),
            parse.GetValue(evidenceOut),
            ProjectDirectory.Resolve(parse.GetValue(projectDir)),
            ReportTo.For(parse.GetValue(json), services.Terminal),
            parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string? stack, string? at, string? evidenceOut, string projectDir, ReportTo to, TextWriter output)
    {
        if (stack is null || !StackNames.TryParse(stack, out _))
        {
            throw new UsageException($"name the stack with --stack; expected {StackNames.Expected}");
        }

        var now = DateTimeOffset.UtcNow;
        if (at is not null && !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
        {
            throw new UsageException($"--at '{at}' is not a time; expected ISO 8601 such as 2026-12-03T00:00:00Z");
        }

        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        var result = StackFiles.Validate(file);
        if (result.Settings is not { } settings)
        {
            if (!to.IsPlain)
            {
                Show(Empty(stack, file) with { Problems = SettingsProblemReport.From(result.Problems) }, null, to, output);
                return ExitCodes.Findings;
            }

            output.WriteLine($"FAIL  {Path.GetFileName(file)}: {result.Problems.Count} problem(s)");
            foreach (var problem in result.Problems)
            {
                output.WriteLine($"      {problem}");
            }

            return ExitCodes.Findings;
        }

        SecretsPlan plan;
        try
        {
            plan = SecretsPlan.For(settings, new FixedClock(now));
        }
        catch (InvalidEmergencyRotationException ex)
        {
            if (!to.IsPlain)
            {
                Show(Empty(stack, file) with { Error = ex.Message }, null, to, output);
                return ExitCodes.Findings;
            }

            output.WriteLine($"FAIL  {Path.GetFileName(file)}: {ex.Message}");
            return ExitCodes.Findings;
        }

        var passed = plan.PendingCompromisedCredentials.Count == 0;
        if (!to.IsPlain)
        {
            // The evidence is written first, so the report only names a file that exists.
            if (evidenceOut is not null)
            {
                WriteEvidenceFile(evidenceOut, plan);
            }

            Show(Report(plan, settings, file, evidenceOut), passed ? null : CompromisedCredentialCheck.Failure(plan.PendingCompromisedCredentials), to, output);
            return passed ? ExitCodes.Ok : ExitCodes.Findings;
        }

        Print(plan, settings, output);
        if (evidenceOut is not null)
        {
            WriteEvidence(evidenceOut, plan, output);
        }

        return passed ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static SecretsReport Empty(string stack, string file) =>
        new(stack, Path.GetFileName(file), false, [], null, null, null, [], [], 0, [], null);

    private static SecretsReport Report(SecretsPlan plan, StackSettings settings, string file, string? evidenceOut) => new(
        settings.Environment.StackName,
        Path.GetFileName(file),
        plan.PendingCompromisedCredentials.Count == 0,
        [],
        null,
        new VaultReport(plan.Vault.Name, plan.Vault.Uri),
        Iso(plan.PlannedAt),
        plan.Secrets.Select(s => new SecretReport(
            s.Name,
            s.Definition.OwnerService,
            s.Definition.Rotation.PeriodDays,
            s.Window?.Id,
            Iso(s.ExpiresAt),
            ProductionId(s.Definition.Production),
            s.Definition.Readers.Select(WorkloadNames.Segment).ToList())).ToList(),
        plan.Grants.Where(g => g.AtVaultScope).Select(g => new VaultGrantReport(g.Grantee.Name, g.Grantee.GroupObjectId?.ToString("D"), g.Role.Name)).ToList(),
        plan.Grants.Count(g => !g.AtVaultScope),
        plan.PendingCompromisedCredentials.Select(p => new PendingCredentialReport(p.Name, Iso(p.ReportedAt), CompromisedCredentialCheck.Describe(p))).ToList(),
        evidenceOut);

    private static void Show(SecretsReport report, string? failure, ReportTo to, TextWriter output)
    {
        if (to.Terminal is { } terminal)
        {
            SecretsTable.Render(report, failure, output, terminal);
        }
        else
        {
            JsonOutput.Write(output, report, c => c.SecretsReport);
        }
    }

    private static void Print(SecretsPlan plan, StackSettings settings, TextWriter output)
    {
        output.WriteLine($"stack {settings.Environment.StackName}: vault {plan.Vault.Name} ({plan.Vault.Uri}), planned at {Iso(plan.PlannedAt)}");
        output.WriteLine($"{"secret",-32} {"owner",-13} {"rotation",-14} {"window",-14} {"expires",-21} {"produced",-19} readers");
        foreach (var secret in plan.Secrets)
        {
            var definition = secret.Definition;
            var rotation = definition.Rotation.PeriodDays is { } days ? $"every {days}d" : "never";
            var readers = definition.Readers.Count == 0 ? "(admin groups only)" : string.Join(", ", definition.Readers.Select(WorkloadNames.Segment));
            output.WriteLine($"{secret.Name,-32} {definition.OwnerService,-13} {rotation,-14} {secret.Window?.Id ?? "-",-14} {Iso(secret.ExpiresAt),-21} {Produced(definition.Production),-19} {readers}");
        }

        output.WriteLine();
        foreach (var grant in plan.Grants.Where(g => g.AtVaultScope))
        {
            output.WriteLine($"grant {grant.Grantee.Name} ({grant.Grantee.GroupObjectId:D}): {grant.Role.Name} on the vault");
        }

        output.WriteLine($"grant each workload identity: Key Vault Secrets User on each secret it reads ({plan.Grants.Count(g => !g.AtVaultScope)} assignments)");
        output.WriteLine();
        if (plan.PendingCompromisedCredentials.Count == 0)
        {
            output.WriteLine("compromised credentials: none pending");
            return;
        }

        foreach (var pending in plan.PendingCompromisedCredentials)
        {
            output.WriteLine($"PENDING  {CompromisedCredentialCheck.Describe(pending)}");
        }

        output.WriteLine(CompromisedCredentialCheck.Failure(plan.PendingCompromisedCredentials));
    }

    private static void WriteEvidence(string path, SecretsPlan plan, TextWriter output)
    {
        WriteEvidenceFile(path, plan);
        output.WriteLine($"evidence: {plan.PendingCompromisedCredentials.Count} pending credential(s) written to {path}");
    }

    private static void WriteEvidenceFile(string path, SecretsPlan plan)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } directory && !Directory.Exists(directory))
        {
            throw new UsageException($"--evidence-out '{path}': the directory '{directory}' does not exist");
        }

        File.WriteAllText(full, new CompromisedCredentialEvidence(plan.PendingCompromisedCredentials).ToJson());
    }

    // The JSON's stable identifiers (the plain table keeps its words for people).
    private static string ProductionId(SecretProduction production) => production switch
    {
        SecretProduction.GeneratedByPulumi => "generated",
        SecretProduction.IssuedByAzure => "issued-by-azure",
        SecretProduction.ProvidedByOperator => "operator-provided",
        _ => production.ToString(),
    };

    private static string Produced(SecretProduction production) => production switch
    {
        SecretProduction.GeneratedByPulumi => "generated",
        SecretProduction.IssuedByAzure => "issued by Azure",
        SecretProduction.ProvidedByOperator => "operator-provided",
        _ => production.ToString(),
    };

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
