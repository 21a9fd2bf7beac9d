using System.Diagnostics;
using System.Text.Json.Nodes;
using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Security;

/// <summary>
/// The dependency scan's verdict (scripts/lib/dependency-verdict.mjs) on scanner outputs shaped as
/// `dotnet list package --vulnerable --format json` and `npm audit --json` print them, built here.
/// </summary>
public sealed class DependencyVerdictTests
{
    private const string Today = "2026-12-01";
    private const string Advisory = "https://github.com/advisories/GHSA-0000-test-0001";

    [Theory]
    [InlineData("High")]
    [InlineData("Critical")]
    public void A_high_or_critical_nuget_advisory_fails_the_scan_naming_package_and_advisory(string severity)
    {
        var run = Verdict(Allowlist(), Nuget("Some.Package", severity));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"FAIL: nuget infra/X.csproj: Some.Package 1.0.0: {severity.ToLowerInvariant()} advisory {Advisory}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moderate_advisory_is_reported_without_failing()
    {
        var run = Verdict(Allowlist(), Nuget("Some.Package", "Moderate"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("below high: reported, not blocking", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpired_allowlist_entry_with_a_reason_lets_the_advisory_pass()
    {
        var run = Verdict(Allowlist(Entry("nuget", "Some.Package", "2027-01-31")), Nuget("Some.Package", "High"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("allowed by the allowlist", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_entry_fails_even_when_nothing_needs_it()
    {
        var run = Verdict(Allowlist(Entry("nuget", "Some.Package", "2026-11-30")), Nuget(null, null));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expired on 2026-11-30", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_reason_fails_and_allows_nothing()
    {
        var entry = Entry("nuget", "Some.Package", "2027-01-31");
        entry.Remove("reason");

        var run = Verdict(Allowlist(entry), Nuget("Some.Package", "High"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no 'reason'", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL: nuget infra/X.csproj: Some.Package", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_npm_audit_service_that_does_not_answer_is_said_plainly_not_passed_silently()
    {
        var npm = new JsonObject { ["message"] = "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk", ["error"] = new JsonObject { ["summary"] = string.Empty } };

        var run = Verdict(Allowlist(), Nuget(null, null), ("npm:policy", npm));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("NOT SCANNED: npm policy: the registry's audit service did not answer (405 Method Not Allowed", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 not scanned", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_high_npm_advisory_fails_the_scan()
    {
        var npm = new JsonObject
        {
            ["auditReportVersion"] = 2,
            ["vulnerabilities"] = new JsonObject
            {
                ["some-lib"] = new JsonObject { ["severity"] = "high", ["range"] = "<1.2.3", ["via"] = new JsonArray(new JsonObject { ["severity"] = "high", ["url"] = Advisory }) },
            },
            ["metadata"] = new JsonObject { ["vulnerabilities"] = new JsonObject { ["high"] = 1 } },
        };

        var run = Verdict(Allowlist(), Nuget(null, null), ("npm:tools/secretlint", npm));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"FAIL: npm tools/secretlint: some-lib <1.2.3: high advisory {Advisory}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_allowlist_is_well_formed_and_unexpired()
    {
        var run = Verdict(File.ReadAllText(Path.Combine(Repository.Root, ".config", "dependency-allowlist.json")), Nuget(null, null));

        Assert.Equal(0, run.ExitCode);
    }

    private static JsonObject Entry(string ecosystem, string package, string expires) => new()
    {
        ["ecosystem"] = ecosystem,
        ["package"] = package,
        ["advisory"] = Advisory,
        ["reason"] = "not reachable from kora: the vulnerable API is never called",
        ["expires"] = expires,
    };

    private static string Allowlist(params JsonObject[] entries) => new JsonObject { ["entries"] = new JsonArray(entries) }.ToJsonString();

    private static (string, JsonNode) Nuget(string? package, string? severity)
    {
        var framework = new JsonObject { ["framework"] = "net10.0" };
        if (package is not null)
        {
            framework["transitivePackages"] = new JsonArray(new JsonObject
            {
                ["id"] = package,
                ["resolvedVersion"] = "1.0.0",
                ["vulnerabilities"] = new JsonArray(new JsonObject { ["severity"] = severity, ["advisoryurl"] = Advisory }),
            });
        }

        return ("nuget:infra/X.csproj", new JsonObject
        {
            ["version"] = 1,
            ["projects"] = new JsonArray(new JsonObject { ["path"] = "infra/X.csproj", ["frameworks"] = new JsonArray(framework) }),
        });
    }

    private static KoraRun Verdict(string allowlist, params (string Report, JsonNode Json)[] reports)
    {
        var dir = Directory.CreateTempSubdirectory("kora-scan-").FullName;
        var allowlistPath = Path.Combine(dir, "allowlist.json");
        File.WriteAllText(allowlistPath, allowlist);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "lib", "dependency-verdict.mjs"));
        start.ArgumentList.Add(allowlistPath);
        start.ArgumentList.Add(Today);
        for (var i = 0; i < reports.Length; i++)
        {
            var file = Path.Combine(dir, $"report-{i}.json");
            File.WriteAllText(file, reports[i].Json.ToJsonString());
            start.ArgumentList.Add($"{reports[i].Report}={file}");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start: install Node.js 20 (Debian package nodejs)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the verdict did not finish within 30 s");
        return new KoraRun(process.ExitCode, output.Result, error.Result);
    }
}
