using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Input;

/// <summary>
/// Every command that reads a file, handed what a careless or hostile user could hand it: each
/// answers with one line naming the file and an exit code of its own (1 findings, 2 unusable
/// input), never a stack trace and never "a defect in kora".
/// </summary>
public sealed class CommandInputTests
{
    public static TheoryData<string, string> Inputs() => new()
    {
        { "garbage", "not json at all\n" },
        { "empty", string.Empty },
        { "deep", new string('[', 5000) + new string(']', 5000) },
        { "wrong shape", "{\"version\": 3, \"deployment\": {\"resources\": \"x\"}}" },
        { "null", "null" },
        { "not utf-8", "\u00ff\u00fe{}" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Policy_report_refuses_bad_input_as_a_usage_error(string name, string content)
    {
        var file = Write(name, content);

        var run = Kora.Run("policy", "report", "--input", file);

        AssertRefused(run, Path.GetFileName(file));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Gate_check_refuses_bad_evidence_as_a_usage_error(string name, string content)
    {
        var file = Write(name, content);

        var run = Kora.Run("gate", "check", "--evidence", file);

        AssertRefused(run, Path.GetFileName(file));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Audit_verify_reports_a_bad_log_as_findings_or_unusable_input(string name, string content)
    {
        var file = Write(name, content);

        var run = Kora.Run("audit", "verify", "--audit-log", file, "--key-file", VerificationKeyFile());

        // An empty log without a head is a log nothing was written to yet: intact.
        Assert.Contains(run.ExitCode, name == "empty" ? new[] { ExitCodes.Ok } : [ExitCodes.Findings, ExitCodes.UsageError]);
        AssertNoDefect(run);
    }

    [Theory]
    [InlineData("policy", "report", "--input")]
    [InlineData("gate", "check", "--evidence")]
    [InlineData("audit", "verify", "--audit-log")]
    public void A_file_that_is_not_utf8_is_named_at_its_byte(string command, string verb, string option)
    {
        var file = Write("not utf-8", "\u00ff\u00fe{}");

        // The audit log is read only with the release key that verifies its signatures.
        var run = command == "audit" ? Kora.Run(command, verb, option, file, "--key-file", VerificationKeyFile()) : Kora.Run(command, verb, option, file);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("not UTF-8 at byte 0", run.Error, StringComparison.Ordinal);
        AssertNoDefect(run);
    }

    [Fact]
    public void A_directory_given_as_a_file_is_a_usage_error()
    {
        var dir = Directory.CreateTempSubdirectory("kora-input-").FullName;

        foreach (var args in new[] { new[] { "policy", "report", "--input", dir }, ["gate", "check", "--evidence", dir], ["audit", "verify", "--audit-log", dir, "--key-file", VerificationKeyFile()] })
        {
            var run = Kora.Run(args);

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            AssertNoDefect(run);
        }
    }

    [Fact]
    public void An_output_directory_that_cannot_be_written_is_a_usage_error()
    {
        var file = Write("a-file", "x");

        var run = Kora.Run("alerts", "render", "--stack", "dev", "--out", Path.Combine(file, "rules"), "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        AssertNoDefect(run);
    }

    private static void AssertRefused(KoraRun run, string fileName)
    {
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(fileName, run.Error, StringComparison.Ordinal);
        AssertNoDefect(run);
    }

    private static void AssertNoDefect(KoraRun run)
    {
        Assert.DoesNotContain("defect", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.All, StringComparison.Ordinal);
    }

    // A public key made at run time: enough to read a log, never to sign one.
    private static string VerificationKeyFile()
    {
        using var key = KoraInfra.TestCases.ReleaseFixtures.NewKey();
        var path = Path.Combine(Directory.CreateTempSubdirectory("kora-input-key-").FullName, "release.pub.pem");
        File.WriteAllText(path, key.ExportSubjectPublicKeyInfoPem());
        return path;
    }

    private static string Write(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kora-input-").FullName, name.Replace(' ', '-') + ".json");

        // "not utf-8" is written as Latin-1 bytes, so the file holds bytes no UTF-8 decoder accepts.
        File.WriteAllBytes(path, name == "not utf-8" ? System.Text.Encoding.Latin1.GetBytes(content) : System.Text.Encoding.UTF8.GetBytes(content));
        return path;
    }
}
