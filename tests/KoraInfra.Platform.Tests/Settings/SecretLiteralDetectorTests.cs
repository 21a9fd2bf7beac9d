using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Settings;

// Credential-shaped values are assembled from pieces so that the repository's own secret scan
// never sees one: no secret-looking literal is committed, not even a fake.
public sealed class SecretLiteralDetectorTests
{
    [Theory]
    [InlineData("adminPassword", "x")]
    [InlineData("apiKey", "abc")]
    [InlineData("webhookToken", "abc")]
    [InlineData("connectionString", "Server=x")]
    [InlineData("note", "-----BEGIN RSA " + "PRIVATE KEY-----")]
    [InlineData("note", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zm9vYmFy")]
    [InlineData("note", "Host=db;Password=s3cr3t")]
    [InlineData("note", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc")]
    [InlineData("note", "ghp" + "_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("note", "AKIA" + "ABCDEFGHIJKLMNOP")]
    public void Credentials_are_recognised_by_key_or_by_shape(string key, string value) =>
        Assert.True(SecretLiteralDetector.LooksLikeSecret(key, value));

    [Theory]
    [InlineData("urlSecretName", "alert-devops-webhook-url")]
    [InlineData("secretRotationDays", "90")]
    [InlineData("passwordSecretRef", "pg-admin")]
    [InlineData("location", "brazilsouth")]
    [InlineData("cost-center", "koraos-platform")]
    public void References_to_secrets_are_not_secrets(string key, string value) =>
        Assert.False(SecretLiteralDetector.LooksLikeSecret(key, value));
}
