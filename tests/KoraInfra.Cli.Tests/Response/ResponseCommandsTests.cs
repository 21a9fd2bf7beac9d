using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Response;

/// <summary>The responder commands' usage errors and an unreachable responder: one clear line each, never a stack trace.</summary>
public sealed class ResponseCommandsTests : IDisposable
{
    private readonly string _tokenFile = Path.GetTempFileName();

    public ResponseCommandsTests() => File.WriteAllText(_tokenFile, Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_tokenFile);

    [Fact]
    public void Without_a_url_it_says_how_to_give_one()
    {
        var run = Kora.Run("incident", "list", "--token-file", _tokenFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pass --url or set KORA_RESPONDER_URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_token_file_is_named()
    {
        var run = Kora.Run("incident", "list", "--url", "http://127.0.0.1:9", "--token-file", "/nonexistent/token");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the token file '/nonexistent/token' does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_responder_is_named_as_such()
    {
        var run = Kora.Run("incident", "ack", "7", "--who", "ana", "--url", "http://127.0.0.1:9", "--token-file", _tokenFile);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the responder at http://127.0.0.1:9/ is unreachable", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("incident", "ack", "7")]
    [InlineData("incident", "resolve", "7", "--who", "ana")]
    [InlineData("safe-mode", "clear", "0b3f1a52-6c1e-4c55-9d1a-5a8c00000001", "--who", "ana")]
    public void Who_and_why_are_required(params string[] args)
    {
        var run = Kora.Run([.. args, "--url", "http://127.0.0.1:9", "--token-file", _tokenFile]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--w", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_that_is_not_an_id_is_refused()
    {
        var run = Kora.Run("safe-mode", "clear", "tenant-a", "--who", "ana", "--why", "x", "--url", "http://127.0.0.1:9", "--token-file", _tokenFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TENANT 'tenant-a' is not a tenant id; expected a UUID", run.Error, StringComparison.Ordinal);
    }
}
