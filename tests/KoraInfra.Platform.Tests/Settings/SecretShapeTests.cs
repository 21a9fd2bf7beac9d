using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// Each shape the secret detector recognises, with the reason it gives, and the look-alikes on
/// the other side of each of its limits (length, digits, case, entropy, key name). Every
/// credential-shaped value is assembled at run time, so the repository's own secret scan never
/// sees one.
/// </summary>
public sealed class SecretShapeTests
{
    // 32 distinct characters, mixed case and digits: 5.0 bits per character.
    private const string Distinct32 = "Q7xK2mZp9LwR4tYb8NcV1hJd6FsG3aEu";

    private static string? Why(string key, string value) => SecretLiteralDetector.Judge(key, value);

    private static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1))[..length];

    [Fact]
    public void Private_keys_urls_with_passwords_and_connection_strings_are_named()
    {
        Assert.Equal("it holds a PEM private key block", Why("note", "-----BEGIN EC " + "PRIVATE KEY-----\nMHc"));
        Assert.Equal("it holds a PEM private key block", Why("note", "-----BEGIN " + "PRIVATE KEY-----"));
        Assert.Equal("it is a URL with a password in it (scheme://user:password@host)", Why("note", "postgres://kora:" + "pw123" + "@db.example.com/kora"));
        Assert.Equal("it is a connection string with Password=", Why("note", "Host=db;Password=" + "pw123"));
        Assert.Equal("it is a connection string with AccountKey=", Why("note", "AccountName=a; AccountKey =" + "Zm9v"));
        Assert.Equal("it is a connection string with client_secret=", Why("note", "client_secret=" + "abc"));
    }

    [Fact]
    public void A_password_that_is_a_reference_is_not_a_secret()
    {
        Assert.Null(Why("note", "postgres://kora:${PG_PASSWORD}@db.example.com/kora"));
        Assert.Null(Why("note", "Host=db;Password=${PG_PASSWORD}"));
        Assert.Null(Why("note", "Host=db;Password=$(PG_PASSWORD)"));
        Assert.Null(Why("note", "Host=db;Passwords=x"));
    }

    [Fact]
    public void Tokens_are_named_by_vendor()
    {
        Assert.Equal("it is a JSON Web Token", Why("note", "eyJ" + "hbGciOiJIUzI1NiJ9" + ".eyJ" + "zdWIiOiIxMjM0In0" + ".c2ln"));
        Assert.Equal("it has the form of an AWS access key id", Why("note", "AKIA" + "ABCDEFGHIJKLMNOP"));
        Assert.Equal("it has the form of an AWS access key id", Why("note", "ASIA" + "ABCDEFGHIJKLMNO7"));
        Assert.Equal("it has the form of a Slack token", Why("note", "xox" + "b-1234567890"));
        Assert.Equal("it has the form of a Stripe secret key", Why("note", "sk_" + "live_" + "abcdefghijklmnop"));
        Assert.Equal("it has the form of a GitLab token", Why("note", "glpat" + "-abcdefghijklmnopqrst"));
        Assert.Equal("it has the form of a GitHub token", Why("note", "gh" + "s_abcdefghijklmnopqrst"));
        Assert.Equal("it has the form of a GitHub token", Why("note", "github" + "_pat_abcdefghijklmnopqrstuv"));
        Assert.Equal("it has the form of an Azure storage account key (88 base64 characters)", Why("note", Repeat("ab+/", 86) + "=="));
    }

    [Fact]
    public void Vendor_prefixes_too_short_to_be_tokens_are_not_named()
    {
        Assert.Null(Why("note", "AKIA" + "ABCDEFGHIJKLMNO"));
        Assert.Null(Why("note", "xox" + "b-123456789"));
        Assert.Null(Why("note", "gh" + "s_abcdefghijklmnopqrs"));
        Assert.Null(Why("note", Repeat("ab+/", 85) + "=="));
    }

    [Fact]
    public void The_shortest_value_of_each_form_is_still_recognised()
    {
        // A form's regex runs only on a value with that form's marker and length: these are the
        // shortest values each form matches, so a guard that asked more would drop them.
        Assert.Equal("it is a URL with a password in it (scheme://user:password@host)", Why("note", "a://u:" + "p@h"));
        Assert.Equal("it is a connection string with pwd=", Why("note", "pwd=" + "x"));
        Assert.Equal("it is a JSON Web Token", Why("note", "eyJ" + "abcdefgh.abcdefgh."));
        Assert.Equal("it has the form of a Slack token", Why("note", "xox" + "b-123456789-"));
        Assert.Equal("it has the form of an Azure storage account key (88 base64 characters)", Why("note", Repeat("ab+/", 86) + "==\n"));
        Assert.Equal("it holds a PEM private key block", Why("note", "-----BEGIN " + "PRIVATE KEY-----"));
    }

    [Fact]
    public void A_value_without_any_form_s_marker_or_length_is_not_a_secret_under_a_plain_name()
    {
        Assert.Null(Why("note", "a:/" + "/u:p@"));
        Assert.Null(Why("note", "a:/u:" + "p@h"));
        Assert.Null(Why("note", "pwd:" + "x"));
        Assert.Null(Why("note", "eyj" + "abcdefgh.abcdefgh."));
        Assert.Null(Why("note", Repeat("ab+/", 86) + "==\n\n"));
        Assert.Null(Why("note", "----BEGIN " + "PRIVATE KEY----"));
    }

    [Fact]
    public void Long_hex_is_a_key_from_32_characters_with_letters_and_digits_unless_its_name_says_digest()
    {
        var hex33 = Repeat("0a1b2c3d", 33);

        Assert.Equal("it is a long hexadecimal string (33 characters), the form of a key", Why("note", hex33));
        Assert.Equal("it is a long hexadecimal string (40 characters), the form of a key", Why("note", Repeat("0A1B2C3D", 40)));
        Assert.Null(Why("note", hex33[..31]));

        // 32 hex digits are also a GUID written without dashes: an id, a plain setting.
        Assert.Null(Why("note", hex33[..32]));
        Assert.Null(Why("note", Repeat("0123456789", 40)));
        Assert.Null(Why("note", Repeat("abcdef", 40)));
        Assert.Null(Why("commitSha", hex33));
        Assert.Null(Why("imageDigest", hex33));
        Assert.Null(Why("note", "sha256:" + Repeat("0a1b2c3d", 64)));
    }

    [Fact]
    public void A_random_string_of_24_characters_or_more_is_a_generated_key()
    {
        Assert.Equal("it is a high-entropy string (32 characters, 5.0 bits per character), the form of a generated key or token", Why("note", Distinct32));
        Assert.Equal("it is a high-entropy string (24 characters, 4.6 bits per character), the form of a generated key or token", Why("note", Distinct32[..24]));
        Assert.Null(Why("note", Distinct32[..23]));
    }

    [Fact]
    public void A_random_string_needs_two_digits_letters_mixed_case_or_many_digits_and_entropy()
    {
        // One digit only.
        Assert.Null(Why("note", "QwxKzmZpbLwRqtYbgNcVahJd"));
        Assert.Equal("it is a high-entropy string (24 characters, 4.4 bits per character), the form of a generated key or token", Why("note", "QwxKzmZpbLwRqtYb8NcV1hJd"));

        // Lower case with few digits is not mixed; with a fifth of digits, or a '+' or '=', it is.
        Assert.Null(Why("note", "qwxkzmzpblwrqtyb8ncv1hjd"));
        Assert.NotNull(Why("note", "qwxkzmzpblwrqty58nc41h3d"));
        Assert.NotNull(Why("note", "qwxkzmzpblwrqtyb8ncv1hj+"));
        Assert.NotNull(Why("note", "qwxkzmzpblwrqtyb8ncv1hj="));

        // Low entropy.
        Assert.Null(Why("note", Repeat("aB12", 32)));

        // No letter at all.
        Assert.Null(Why("note", "+" + Repeat("1234567890", 30)));
    }

    [Fact]
    public void Identifiers_hosts_paths_and_urls_are_not_random_keys()
    {
        Assert.Null(Why("note", "kora-tools-1.4.0-2a1e2cd9f8b7"));
        Assert.Null(Why("note", "N8N_RUNNERS_AUTH_TOKEN_FILE"));
        Assert.Null(Why("note", "api7.kora2.example9.com"));
        Assert.Null(Why("note", "/var/lib/" + Distinct32));
        Assert.Null(Why("note", "https://example.com/" + Distinct32));
        Assert.Null(Why("note", Repeat(Distinct32, 4097)));
    }

    [Theory]
    [InlineData("wMBnTJEFnkyAE+ghvFCoiJuskkMp4G/eLVzkKYeAhVWKJuxZ", "48 characters, 4.9 bits")]
    [InlineData("wMBnTJEFnkyAE+ghvFCoiJuskkMpxG/eLVzkKYeAhVWKJuxZ", "48 characters, 4.9 bits")]
    public void A_long_base64_key_is_a_generated_key_with_fewer_than_two_digits(string key, string what)
    {
        Assert.Equal($"it is a high-entropy string ({what} per character), the form of a generated key or token", Why("note", key));
    }

    [Theory]
    [InlineData("QwxKzmZpbLwRqtYbgNcVahJdQwxKzmZpbLwRq+Y")]
    [InlineData("QwxKzmZpbLwRqtYbgNcVahJdQwxKzmZpbLwRqtYbgNcV")]
    [InlineData("/opt/Kora/Data/Tenants/Inbox/Attachments/Archive")]
    [InlineData("qwxkzmzpblwrqtybgncvahjdqwxkzmzpblwrqtybgncvahjd")]
    [InlineData("QWXKZMZPBLWRQTYBGNCVAHJDQWXKZMZPBLWRQTYBGNCVAHJD")]
    [InlineData("QwxKzmZpbLwRqtYbgNcVahJd.QwxKzmZpbLwRqtYbgNcVahJd")]
    public void A_long_string_with_fewer_than_two_digits_is_a_key_only_in_both_cases_the_base64_alphabet_and_a_digit_plus_or_equals_from_40_characters(string value)
    {
        Assert.Null(Why("note", value));
    }

    [Fact]
    public void A_random_segment_of_a_longer_value_is_found()
    {
        Assert.Equal("it is a high-entropy string (32 characters, 5.0 bits per character), the form of a generated key or token", Why("note", $"key {Distinct32} here"));
        Assert.Equal("it is a high-entropy string (35 characters, 5.0 bits per character), the form of a generated key or token", Why("note", "ab-" + Distinct32));
    }

    [Theory]
    [InlineData("adminPassword", "x")]
    [InlineData("db_passwd", "x")]
    [InlineData("PWD", "x")]
    [InlineData("clientSecret", "x")]
    [InlineData("apiKey", "x")]
    [InlineData("api-key", "x")]
    [InlineData("ACCESS_KEY", "x")]
    [InlineData("connectionString", "x")]
    [InlineData("privateKey", "x")]
    [InlineData("kubeconfig", "x")]
    [InlineData("credentials", "x")]
    [InlineData("webhookToken", "not a setting")]
    public void A_name_that_names_a_credential_makes_any_other_value_a_secret(string key, string value)
    {
        Assert.Equal($"its name '{key}' names a credential and the value is not a number, duration, flag, path, URL or reference", Why(key, value));
    }

    [Theory]
    [InlineData("passwordFile", "x")]
    [InlineData("tokenSecretName", "x")]
    [InlineData("passwordSecretRef", "x")]
    [InlineData("secretProvider", "x")]
    [InlineData("tokenUri", "x")]
    [InlineData("secretRotationDays", "x")]
    [InlineData("tokenPeriod", "x")]
    [InlineData("clientSecretId", "x")]
    [InlineData("secretNames", "x")]
    [InlineData("tokenTtl", "3600")]
    [InlineData("tokenTtl", "-1.5e3")]
    [InlineData("tokenTtl", "15m")]
    [InlineData("tokenTtl", "90d")]
    [InlineData("passwordMinLength", "12")]
    [InlineData("tokenLimit", "64Mi")]
    [InlineData("tokenShare", "50%")]
    [InlineData("tokenAuth", "true")]
    [InlineData("tokenAuth", "Disabled")]
    [InlineData("tokenAuth", "optional")]
    [InlineData("tokenAuth", "  none  ")]
    [InlineData("tokenFrom", "00000000-0000-0000-0000-000000000001")]
    [InlineData("tokenFrom", "${TOKEN}")]
    [InlineData("tokenFrom", "$(TOKEN)")]
    [InlineData("tokenFrom", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/t)")]
    [InlineData("tokenFrom", "azurekeyvault://kv/token")]
    [InlineData("tokenFrom", "secretref://token")]
    [InlineData("tokenFrom", "/run/secrets/token")]
    [InlineData("tokenFrom", "./token")]
    [InlineData("tokenFrom", "https://example.com/token")]
    [InlineData("tokenFrom", "")]
    public void A_credential_name_with_a_reference_name_or_a_plain_setting_is_not_a_secret(string key, string value)
    {
        Assert.Null(Why(key, value));
    }

    [Theory]
    [InlineData("tokenFrom", "/run/secrets/my token")]
    [InlineData("tokenFrom", "https://example.com/my token")]
    [InlineData("tokenFrom", "./a b")]
    public void A_path_or_url_with_a_space_is_not_plainly_a_setting(string key, string value)
    {
        Assert.NotNull(Why(key, value));
    }

    [Fact]
    public void The_detector_reads_the_name_of_a_nested_key_or_list_from_its_last_segment()
    {
        var problems = new List<SettingsProblem>();
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader("db:\n  adminPassword: x\n  passwordFile: /run/x\nci:\n  - y\nplain: ok\n"));
        var node = new SettingNode(yaml.Documents[0].RootNode, new SourceLocation("Pulumi.dev.yaml", 10), IsSecret: false);

        SecretLiteralDetector.Inspect("kora-infra:tags", node, problems);

        var problem = Assert.Single(problems);
        Assert.Equal("kora-infra:tags.db.adminPassword", problem.Key);
        Assert.Equal(new SourceLocation("Pulumi.dev.yaml", 2), problem.Location);
        Assert.Equal("a secret value in clear text (its name 'adminPassword' names a credential and the value is not a number, duration, flag, path, URL or reference)", problem.Found);
        Assert.Equal("no secret in a stack file: store it with 'pulumi config set --secret' or in the environment's vault and reference it by name", problem.Expected);
    }

    [Fact]
    public void A_list_under_a_credential_name_is_judged_by_that_name()
    {
        var problems = new List<SettingsProblem>();
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader("- ok\n- x\n"));

        SecretLiteralDetector.Inspect("kora-infra:apiTokens", new SettingNode(yaml.Documents[0].RootNode, new SourceLocation("Pulumi.dev.yaml", 4), IsSecret: false), problems);

        Assert.Equal(["kora-infra:apiTokens[0]", "kora-infra:apiTokens[1]"], problems.Select(p => p.Key));
        Assert.Equal([1, 2], problems.Select(p => p.Location.Line));
    }

    [Fact]
    public void A_value_given_as_a_secret_is_not_inspected()
    {
        var problems = new List<SettingsProblem>();
        var node = new SettingNode(new YamlDotNet.RepresentationModel.YamlScalarNode("x"), new SourceLocation("Pulumi.dev.yaml", 3), IsSecret: true);

        SecretLiteralDetector.Inspect("kora-infra:adminPassword", node, problems);

        Assert.Empty(problems);
        Assert.True(SecretLiteralDetector.LooksLikeSecret("adminPassword", "x"));
        Assert.False(SecretLiteralDetector.LooksLikeSecret("adminPassword", "12"));
    }
}
