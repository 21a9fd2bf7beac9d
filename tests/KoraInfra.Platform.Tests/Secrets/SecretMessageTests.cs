using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>
/// The exact words an operator or reviewer reads when the secrets capability refuses something:
/// each catalogue rule, an emergency rotation that names no secret or the future, a pending
/// compromised credential, and the names the vault's grants and keys are declared under.
/// </summary>
public sealed class SecretMessageTests
{
    private static SecretDefinition Entry(string name = "postgres-app-password") =>
        new(name, "postgresql", "a test secret", [Workload.PlatformRuntime], RotationPolicy.Every(30), SecretProduction.GeneratedByPulumi, SecretCatalogue.PasswordContentType);

    private static string Problem(SecretDefinition entry) =>
        Assert.Single(Assert.Throws<InvalidSecretCatalogueException>(() => SecretCatalogue.Create([entry])).Problems);

    [Fact]
    public void Each_catalogue_rule_names_the_secret_what_is_wrong_and_what_is_expected()
    {
        Assert.Equal("secret 'bad name!': not a Key Vault secret name; expected 1-127 letters, digits or hyphens", Problem(Entry("bad name!")));
        Assert.Equal("secret 'x': no owner service; expected the service the credential belongs to", Problem(Entry("x") with { OwnerService = " " }));
        Assert.Equal("secret 'x': no content type; expected what the value is, e.g. 'text/plain; kind=password'", Problem(Entry("x") with { ContentType = "" }));
        Assert.Equal(
            "secret 'x': rotation period of 91 days exceeds the seed's maximum of 90 days (\"rotacao periodica (max 90 dias)\"); expected 90 days or fewer",
            Problem(Entry("x") with { Rotation = RotationPolicy.Every(91) }));
        Assert.Equal("secret 'x': rotation period of 0 days; expected 1 to 90 days", Problem(Entry("x") with { Rotation = RotationPolicy.Every(0) }));
        Assert.Equal("secret 'x': excluded from rotation without a reason; expected what would break if it changed", Problem(Entry("x") with { Rotation = RotationPolicy.Never("") }));
        Assert.Equal("secret 'x': generated with 23 characters; expected at least 24", Problem(Entry("x") with { GeneratedLength = 23 }));
        Assert.Equal("secret 'x': a reader is listed twice; expected each workload once", Problem(Entry("x") with { Readers = [Workload.N8n, Workload.N8n] }));
    }

    [Fact]
    public void A_name_used_twice_ignoring_case_is_named_once_for_the_second_entry()
    {
        var ex = Assert.Throws<InvalidSecretCatalogueException>(() => SecretCatalogue.Create([Entry("app-password"), Entry("App-Password")]));

        Assert.Equal(["secret 'App-Password': the name is used twice (Key Vault names ignore case); expected one entry per secret"], ex.Problems);
        Assert.Equal(
            "the secret catalogue is invalid:" + Environment.NewLine + "  secret 'App-Password': the name is used twice (Key Vault names ignore case); expected one entry per secret",
            ex.Message);
    }

    [Fact]
    public void One_day_is_the_shortest_period_and_a_never_rotated_secret_with_a_reason_or_an_issued_short_value_is_accepted()
    {
        var catalogue = SecretCatalogue.Create(
        [
            Entry("a") with { Rotation = RotationPolicy.Every(1) },
            Entry("b") with { Rotation = RotationPolicy.Never("re-keying is impossible") },
            Entry("c") with { Production = SecretProduction.IssuedByAzure, GeneratedLength = 8 },
            Entry("d") with { GeneratedLength = 24 },
            Entry("e") with { Readers = [Workload.N8n, Workload.Responder] },
        ]);

        Assert.Equal(["a", "b", "c", "d", "e"], catalogue.Entries.Select(e => e.Name));
        Assert.Equal("'a', 'b', 'c', 'd', 'e'", catalogue.ExpectedNames);
        Assert.Null(catalogue.Find("A"));
        Assert.Equal("every 1 days", catalogue.Entries[0].Rotation.ToString());
        Assert.Equal("never (re-keying is impossible)", catalogue.Entries[1].Rotation.ToString());
    }

    [Fact]
    public void An_emergency_rotation_of_no_catalogue_secret_is_refused_by_its_index_with_the_names_expected()
    {
        var catalogue = SecretCatalogue.Create([Entry("a"), Entry("b")]);
        var now = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

        var ex = Assert.Throws<InvalidEmergencyRotationException>(() => SecretRotation.Plan(catalogue, [new EmergencyRotation("a", now), new EmergencyRotation("c", now)], now));

        Assert.Equal("kora-infra:emergencyRotations[1].name: 'c' is not a secret of the catalogue; expected one of 'a', 'b'", ex.Message);
    }

    [Fact]
    public void An_emergency_rotation_dated_after_now_is_refused_and_one_exactly_now_is_planned()
    {
        var catalogue = SecretCatalogue.Create([Entry("a")]);
        var now = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

        var ex = Assert.Throws<InvalidEmergencyRotationException>(() => SecretRotation.Plan(catalogue, [new EmergencyRotation("a", now.AddSeconds(1))], now));

        Assert.Equal("kora-infra:emergencyRotations[0].requestedAt: 2026-11-20T14:30:01Z is later than now (2026-11-20T14:30:00Z); expected the moment the rotation was requested, which cannot be in the future", ex.Message);
        Assert.Equal(now, Assert.Single(SecretRotation.Plan(catalogue, [new EmergencyRotation("a", now)], now)).LastRotation);
    }

    [Fact]
    public void A_pending_credential_blocks_promotion_naming_it_when_it_was_reported_and_what_to_do()
    {
        var reported = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.FromHours(-3));
        PendingCompromisedCredential[] pending = [new("postgres-app-password", reported), new("redis-access-key", reported.AddHours(1))];

        Assert.Null(CompromisedCredentialCheck.Failure([]));
        Assert.Equal(
            "release promotion blocked: credential 'postgres-app-password' reported compromised at 2026-11-20T17:30:00Z has not been rotated since; "
            + "credential 'redis-access-key' reported compromised at 2026-11-20T18:30:00Z has not been rotated since; "
            + "rotate it (kora-infra:emergencyRotations, a requestedAt after the report) and deploy",
            CompromisedCredentialCheck.Failure(pending));
        Assert.Equal(CompromisedCredentialCheck.Failure(pending), new CompromisedCredentialException(pending).Message);
        Assert.Equal("no compromised credential is pending", new CompromisedCredentialException([]).Message);
    }

    [Fact]
    public void A_secret_the_plan_does_not_hold_is_refused_with_the_names_it_does()
    {
        var plan = SecretsPlan.For(Stacks.Committed("dev"), new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)));

        var ex = Assert.Throws<ArgumentException>(() => plan.SecretUri("nope"));

        Assert.StartsWith("'nope' is not a secret of the catalogue; expected one of 'postgres-admin-password', ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("name", ex.ParamName);
        Assert.Equal(plan.Vault.Uri + "secrets/postgres-app-password", plan.SecretUri("postgres-app-password"));
        Assert.Equal($"https://{plan.Vault.Name}.vault.azure.net/", plan.Vault.Uri);
    }

    [Fact]
    public void Grants_are_named_after_their_grantee_and_role_or_the_secret_read()
    {
        var group = Grantee.Group("kora-prod-admins", Guid.Parse("11111111-2222-3333-4444-555555555555"));

        Assert.Equal("kora-prod-admins-key-vault-secrets-officer", new RoleGrant(group, KeyVaultRole.SecretsOfficer, null).LogicalName);
        Assert.True(new RoleGrant(group, KeyVaultRole.SecretsOfficer, null).AtVaultScope);
        Assert.Equal("n8n-reads-postgres-n8n-password", new RoleGrant(Grantee.For(Workload.N8n), KeyVaultRole.SecretsUser, "postgres-n8n-password").LogicalName);
        Assert.False(new RoleGrant(Grantee.For(Workload.N8n), KeyVaultRole.SecretsUser, "postgres-n8n-password").AtVaultScope);
        Assert.Equal(
            "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6",
            KeyVaultRole.SecretsUser.DefinitionResourceId("0000"));
    }

    [Fact]
    public void Each_workload_has_its_identity_segment_and_only_the_runtime_identity_comes_from_the_foundation()
    {
        Assert.Equal(["n8n", "migration", "platform", "responder"], WorkloadNames.All.Select(WorkloadNames.Segment));
        Assert.Equal([Workload.PlatformRuntime], WorkloadNames.All.Where(WorkloadNames.IdentityDeclaredByFoundation));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadNames.Segment((Workload)42));
    }

    [Fact]
    public void The_stack_secrets_key_lives_in_the_environments_vault()
    {
        Assert.Equal("azurekeyvault://kv-kora-prod-abc.vault.azure.net/keys/pulumi-stack-secrets", StackSecretsKey.ProviderUrl("kv-kora-prod-abc"));
    }
}
