using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Tests.Policy;

// KORA-044 judges values, with the name only as a hint. Every credential-shaped value here is
// generated at run time from random bytes or assembled from pieces, so the repository's secret
// scan never sees one: nothing secret-looking is committed, not even a fake.
public sealed class NoSecretLiteralsTests
{
    private const string Deployment = "kubernetes:apps/v1:Deployment";
    private const string ConfigMap = "kubernetes:core/v1:ConfigMap";

    /// <summary>(where, name, value, words the violation must say about why).</summary>
    /// <remarks>
    /// Not enumerated at discovery: the values are random, so each discovery would name different
    /// test cases and a runner that discovers once and runs later (mutation testing) would find none.
    /// </remarks>
    public static TheoryData<string, string, string, string> Secrets()
    {
        // A generated key, but not one that starts with '/': such a value is a path by design
        // (SecretShapeTests pins that), and one key in 64 would start so.
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(36));
        while (random.StartsWith('/'))
        {
            random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(36));
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + "Q!";
        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var claims = Base64Url("{\"sub\":\"" + Guid.NewGuid() + "\"}");
        return new()
        {
            { "env", "N8N_ENCRYPTION", random, "high-entropy string (48 characters" },
            { "configmap", "SETTINGS_BLOB", random, "high-entropy string" },
            { "env", "DATABASE_URL", $"postgresql://kora:{password}@db.internal:5432/kora", "URL with a password" },
            { "configmap", "REDIS", $"redis://:{password}@cache:6380/0", "URL with a password" },
            { "env", "DB", $"Host=db;Database=kora;Username=kora;Password={password}", "connection string with Password=" },
            { "configmap", "STORAGE", $"DefaultEndpointsProtocol=https;AccountName=kora;AccountKey={random}", "connection string with AccountKey=" },
            { "configmap", "SIGNING", string.Concat("-----BEGIN ", "EC PRIVATE KEY-----\n", random, "\n-----END ", "EC PRIVATE KEY-----"), "PEM private key" },
            { "env", "SESSION", $"{header}.{claims}.{Base64Url(random)}", "JSON Web Token" },
            { "env", "AWS_ID", string.Concat("AK", "IA", RandomUpper(16)), "AWS access key id" },
            { "configmap", "CI", string.Concat("gh", "p_", RandomAlnum(36)), "GitHub token" },
            { "env", "BLOB", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)), "Azure storage account key" },
            { "env", "AES_KEY_HEX", Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant(), "hexadecimal string (48 characters)" },
            { "env", "DB_PASSWORD", "hunter2", "its name 'DB_PASSWORD' names a credential" },
        };
    }

    /// <summary>(where, name, value): settings whose names merely sound like credentials, and plain values.</summary>
    public static TheoryData<string, string, string> Settings() => new()
    {
        { "env", "TOKEN_TTL_SECONDS", "3600" },
        { "env", "PASSWORD_MIN_LENGTH", "12" },
        { "configmap", "TOKEN_TTL_SECONDS", "3600" },
        { "configmap", "PASSWORD_MIN_LENGTH", "12" },
        { "env", "SECRET_ROTATION_INTERVAL", "90d" },
        { "env", "API_KEY_REQUIRED", "true" },
        { "env", "DB_POSTGRESDB_PASSWORD_FILE", "/run/secrets/n8n/db-password" },
        { "env", "TOKEN_ISSUER", "https://login.microsoftonline.com/common/v2.0" },
        { "env", "DATABASE_URL", "postgresql://db.internal:5432/kora?sslmode=require" },
        { "env", "DB_PASSWORD", "$(DB_PASSWORD_FROM_SECRET)" },
        { "env", "GIT_COMMIT", "2a1e2cd9f8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3" },
        { "env", "IMAGE", "n8nio/n8n@sha256:" + new string('a', 32) + new string('0', 32) },
        { "env", "N8N_HOST", "n8n.staging.koraos.example.com" },
        { "env", "VAULT_GROUP", "6f1c1e7c-2b1d-4a7e-9d53-8a8f0c3e2b11" },
        { "configmap", "RELEASE", "kora-tools-1.4.0-2a1e2cd9f8b7" },
        { "configmap", "N8N_RUNNERS_AUTH_TOKEN_FILE", "/run/secrets/n8n/runners-token" },
        { "env", "TOOLS_IMAGE", "ghcr.io/koraos/kora-tools" },
    };

    [Theory]
    [MemberData(nameof(Secrets), DisableDiscoveryEnumeration = true)]
    public void A_secret_looking_value_is_a_violation_that_says_why_without_the_value(string where, string name, string value, string why)
    {
        var evaluation = With(where, name, value).Evaluate();

        var violation = Assert.Single(evaluation.Violations);
        Assert.Equal("KORA-044", violation.RuleId);
        Assert.Contains(why, violation.Message, StringComparison.Ordinal);
        Assert.Contains(name, violation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, violation.Message, StringComparison.Ordinal);
        Assert.True(evaluation.IsBlocked);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_setting_whose_name_sounds_secret_passes_on_its_value(string where, string name, string value)
    {
        var evaluation = With(where, name, value).Evaluate();

        Assert.Empty(evaluation.Violations);
    }

    [Fact]
    public void Random_keys_of_every_common_alphabet_are_caught_whatever_their_name()
    {
        // Statistical, so judged over many keys: the rule may miss a rare unlucky one, never most.
        var caught = Enumerable.Range(0, 200).Count(_ =>
            With("env", "N8N_SETTING", Convert.ToBase64String(RandomNumberGenerator.GetBytes(36))).Evaluate().Violations.Count == 1);

        Assert.True(caught >= 190, $"only {caught} of 200 random 48-character keys were caught");
    }

    private static CompliantPlatform With(string where, string name, string value)
    {
        var platform = new CompliantPlatform("staging");
        return where == "env"
            ? platform.Container(Deployment, c => c["env"]!.AsArray().Add(new JsonObject { ["name"] = name, ["value"] = value }))
            : platform.Set(ConfigMap, "data." + name, value);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string RandomUpper(int length) => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);

    private static string RandomAlnum(int length) => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);
}
