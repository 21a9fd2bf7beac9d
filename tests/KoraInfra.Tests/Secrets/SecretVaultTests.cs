using System.Collections.Immutable;
using System.Globalization;
using KoraInfra.Components.Secrets;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using KoraInfra.Tests.Support;
using Pulumi;
using Pulumi.Utilities;

namespace KoraInfra.Tests.Secrets;

public sealed class SecretVaultTests
{
    private const string VaultType = "azure-native:keyvault:Vault";
    private const string SecretType = "azure-native:keyvault:Secret";
    private const string RoleAssignmentType = "azure-native:authorization:RoleAssignment";
    private const string PasswordType = "random:index/randomPassword:RandomPassword";
    private const string KubernetesSecretType = "kubernetes:core/v1:Secret";
    private const string ServerType = "azure-native:dbforpostgresql:Server";
    private const string GeneratorPrefix = "value-";
    private const string MockIdPrefix = "/subscriptions/sub-kora/resourceGroups/rg/providers/";

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    private static ImmutableDictionary<string, object?> Child(ImmutableDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) && value is ImmutableDictionary<string, object?> child ? child : ImmutableDictionary<string, object?>.Empty;

    private static string SecretId(string name) => $"{MockIdPrefix}{SecretType}/secret-{name}";

    private static string RoleId(string guid) => $"/subscriptions/sub-kora/providers/Microsoft.Authorization/roleDefinitions/{guid}";

    private static StackSettings Settings(string stack) => StackFiles.Validate(Repository.StackFile(stack)).Require();

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("dev", false, "Enabled", "Allow", "standard")]
    [InlineData("staging", true, "Disabled", "Deny", "standard")]
    [InlineData("prod", true, "Disabled", "Deny", "premium")]
    public async Task The_vault_is_hardened_for_its_environment(string stack, bool purgeProtection, string publicAccess, string defaultAction, string sku)
    {
        var run = await StackRun.RunAsync(stack);

        var vault = run.Named(VaultType, "vault");
        Assert.Equal($"kv-kora-{stack}-brs", vault.Text("vaultName"));
        var properties = vault.Map("properties");
        Assert.True(properties["enableRbacAuthorization"] is true, "RBAC authorization must be on");
        Assert.False(properties.ContainsKey("accessPolicies"), "RBAC only: no access policy");
        Assert.True(properties["enableSoftDelete"] is true, "soft delete must be on");
        Assert.Equal(90d, properties["softDeleteRetentionInDays"]);
        Assert.Equal(purgeProtection, properties.TryGetValue("enablePurgeProtection", out var purge) && purge is true);
        Assert.Equal(publicAccess, properties["publicNetworkAccess"]);
        Assert.Equal(defaultAction, Child(properties, "networkAcls")["defaultAction"]);
        Assert.Equal(sku, Child(properties, "sku")["name"]);
        Assert.Equal("tenant-kora", properties["tenantId"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_vault_its_secrets_key_and_grants_pass_the_policy_packs_mandatory_rules(string stack)
    {
        var run = await StackRun.RunAsync(stack);
        var snapshot = run.Snapshot();
        var ours = snapshot.Resources
            .Where(r => r.Type.StartsWith("azure-native:keyvault:", StringComparison.Ordinal) || r.Type is RoleAssignmentType or "azure-native:monitor:DiagnosticSetting")
            .Select(r => r.Urn)
            .ToHashSet(StringComparer.Ordinal);

        var evaluation = PolicyEngine.Evaluate(snapshot, DateTimeOffset.UtcNow);

        Assert.Contains(snapshot.Resources, r => r.Type == VaultType);
        Assert.DoesNotContain(evaluation.Violations, v => v.Level == EnforcementLevel.Mandatory && v.ResourceUrn is { } urn && ours.Contains(urn));
        Assert.Empty(evaluation.Errors);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_audit_log_goes_to_the_environments_log_analytics_workspace(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var setting = run.Named("azure-native:monitor:DiagnosticSetting", "vault-audit");
        var workspace = run.Named("azure-native:operationalinsights:Workspace", "log-workspace");
        Assert.Equal($"{MockIdPrefix}{VaultType}/vault", setting.Text("resourceUri"));
        Assert.Equal($"{MockIdPrefix}{workspace.Type}/{workspace.Name}", setting.Text("workspaceId"));
        var log = (ImmutableDictionary<string, object?>)Assert.Single(setting.List("logs"))!;
        Assert.Equal("AuditEvent", log["category"]);
        Assert.True(log["enabled"] is true, "the audit log must be enabled");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_secret_has_a_content_type_and_an_expiry_within_its_period(string stack)
    {
        var before = DateTimeOffset.UtcNow;
        var run = await StackRun.RunAsync(stack);
        var catalogue = SecretCatalogue.For(Settings(stack).AlertReceivers);

        var secrets = run.OfType(SecretType).ToList();
        Assert.Equal(catalogue.Entries.Select(e => e.Name).Order(StringComparer.Ordinal), secrets.Select(s => s.Text("secretName")).Order(StringComparer.Ordinal));
        Assert.All(secrets, secret =>
        {
            var entry = catalogue.Find(secret.Text("secretName")!)!;
            var properties = secret.Map("properties");
            Assert.Equal(entry.ContentType, properties["contentType"]);
            var attributes = Child(properties, "attributes");

            // A secret never rotated still expires: at the end of a review window of the seed's maximum.
            var days = entry.Rotation.PeriodDays ?? SecretCatalogue.MaximumRotationDays;
            var expires = DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(attributes["expires"], CultureInfo.InvariantCulture));
            Assert.True(expires > before, $"{entry.Name} expires in the past ({expires:O})");
            Assert.True(expires - before <= TimeSpan.FromDays(days), $"{entry.Name} expires {expires:O}, beyond its {days}-day period");
            Assert.Equal(0, expires.ToUnixTimeSeconds() % 86400);
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Generated_values_are_kept_by_their_rotation_window_and_written_to_their_secret(string stack)
    {
        var now = DateTimeOffset.UtcNow;
        var run = await StackRun.RunAsync(stack);
        var catalogue = SecretCatalogue.For(Settings(stack).AlertReceivers);

        // The vault's generators only: other capabilities may generate values of their own (the
        // in-cluster Redis of dev generates `redis-password`, which the vault receives as an issued value).
        var passwords = run.OfType(PasswordType).Where(p => p.Name.StartsWith(GeneratorPrefix, StringComparison.Ordinal)).ToList();
        var generated = catalogue.Entries.Where(e => e.Production == SecretProduction.GeneratedByPulumi).ToList();
        Assert.Equal(generated.Count, passwords.Count);
        foreach (var entry in generated)
        {
            var password = Assert.Single(passwords, p => p.Name == $"value-{entry.Name}");
            if (entry.Rotation.PeriodDays is { } days)
            {
                Assert.Equal(RotationWindow.Containing(now, days).Id, password.Map("keepers")["window"]);
            }
            else
            {
                Assert.False(password.Inputs.ContainsKey("keepers"), $"{entry.Name} is never rotated: no keeper may change it");
            }

            Assert.True(password.Inputs["special"] is false, "generated values avoid special characters");
            var secret = Assert.Single(run.OfType(SecretType), s => s.Text("secretName") == entry.Name);
            Assert.Equal(run.GeneratedValues[password.Name], secret.Map("properties")["value"]);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task N8n_reads_exactly_the_values_the_vault_holds(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var credentials = Assert.Single(run.OfType(KubernetesSecretType), s => s.Map("metadata").TryGetValue("name", out var name) && Equals(name, "n8n-credentials"));
        var files = credentials.Map("stringData");
        foreach (var name in new[] { SecretCatalogue.N8nEncryptionKey, SecretCatalogue.PostgresN8nPassword, SecretCatalogue.RedisAccessKey })
        {
            var vaultSecret = Assert.Single(run.OfType(SecretType), s => s.Text("secretName") == name);
            Assert.Equal(vaultSecret.Map("properties")["value"], files[name]);
            Assert.StartsWith("fake-", (string)files[name]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_n8n_key_keeps_the_generator_it_had_before_the_vault()
    {
        var run = await StackRun.RunAsync("staging");

        var generator = Assert.Single(run.OfType(PasswordType), p => p.Name == "value-n8n-encryption-key");
        Assert.False(generator.Inputs.ContainsKey("keepers"), "no keeper may ever change the key");
        Assert.Equal(48d, generator.Inputs["length"]);
        Assert.True(generator.Inputs["special"] is false, "the inputs it had before the vault existed");
        Assert.DoesNotContain(run.OfType(PasswordType), p => p.Name == "n8n-encryption-key");
    }

    [Fact]
    public async Task Each_identity_holds_exactly_its_minimal_role_assignments()
    {
        var run = await StackRun.RunAsync("prod");
        var groups = Settings("prod").Secrets.AccessGroups;
        const string SecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

        // Other capabilities may assign roles elsewhere; on the vault and its secrets, only these exist.
        var onVault = run.OfType(RoleAssignmentType).Where(r => r.Text("scope")!.Contains(":keyvault:", StringComparison.Ordinal)).ToList();
        string[] vaultRoles = [SecretsUser, "00482a5a-887f-4fb3-b363-3b7fe8e74483", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"];
        Assert.DoesNotContain(
            run.OfType(RoleAssignmentType).Except(onVault),
            r => vaultRoles.Any(role => r.Text("roleDefinitionId")!.EndsWith(role, StringComparison.Ordinal)));
        var byPrincipal = onVault
            .GroupBy(r => (r.Text("principalId")!, r.Text("principalType")!))
            .ToDictionary(g => g.Key, g => g.Select(r => (Role: r.Text("roleDefinitionId"), Scope: r.Text("scope"))).OrderBy(a => a.Scope, StringComparer.Ordinal).ToList());

        static List<(string?, string?)> Reads(params string[] secrets) =>
            secrets.Select(s => ((string?)RoleId(SecretsUser), (string?)SecretId(s))).OrderBy(a => a.Item2, StringComparer.Ordinal).ToList();

        var expected = new Dictionary<(string, string), List<(string?, string?)>>
        {
            [(groups.DevopsGroupObjectId.ToString("D"), "Group")] = [(RoleId("00482a5a-887f-4fb3-b363-3b7fe8e74483"), $"{MockIdPrefix}{VaultType}/vault")],
            [(groups.SecurityGroupObjectId.ToString("D"), "Group")] = [(RoleId("b86a8fe4-44ce-4948-aee5-eccb2c155cd7"), $"{MockIdPrefix}{VaultType}/vault")],
            [("principal-identity-n8n", "ServicePrincipal")] = Reads("n8n-encryption-key", "n8n-owner-password", "postgres-n8n-password", "redis-access-key"),
            [("principal-identity-migration", "ServicePrincipal")] = Reads("postgres-migrator-password"),
            [("principal-platform-identity", "ServicePrincipal")] = Reads(
                "alert-devops-pager-url", "alert-devops-webhook-url", "alert-management-webhook-url", "alert-superadmin-webhook-url", "postgres-app-password", "redis-access-key", "responder-webhook-token"),
            [("principal-identity-responder", "ServicePrincipal")] = Reads("responder-api-token", "responder-db-password", "responder-webhook-token"),
        };
        Assert.Equal(expected.Keys.Order(), byPrincipal.Keys.Order());
        foreach (var (principal, assignments) in expected)
        {
            Assert.Equal(assignments, byPrincipal[principal]);
        }
    }

    [Fact]
    public async Task The_workloads_identities_are_declared_beside_the_foundations()
    {
        var run = await StackRun.RunAsync("staging");

        var names = run.OfType("azure-native:managedidentity:UserAssignedIdentity").Select(r => r.Text("resourceName")).ToList();
        Assert.Contains("id-kora-staging-brs-n8n", names);
        Assert.Contains("id-kora-staging-brs-migration", names);
        Assert.Single(names, n => n == "id-kora-staging-brs-platform");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task No_secret_value_appears_in_any_non_secret_input_or_output(string stack)
    {
        var run = await StackRun.RunAsync(stack);
        var values = run.GeneratedValues.Values.ToList();
        Assert.NotEmpty(values);

        // Inputs: a generated value is only ever the value of a vault secret, of a Kubernetes
        // Secret (whose data the Kubernetes provider keeps secret), or the PostgreSQL server's
        // administrator password (a secret input, and a secret output by AdditionalSecretOutputs).
        foreach (var resource in run.Recorded)
        {
            foreach (var (path, text) in Strings(resource.Inputs, string.Empty))
            {
                if (values.Any(v => text.Contains(v, StringComparison.Ordinal)))
                {
                    var allowed = (resource.Type == SecretType && path == "properties.value")
                        || (resource.Type == KubernetesSecretType && (path.StartsWith("stringData.", StringComparison.Ordinal) || path.StartsWith("data.", StringComparison.Ordinal)))
                        || (resource.Type == ServerType && path == "administratorLoginPassword");
                    Assert.True(allowed, $"{resource.Type} '{resource.Name}' carries a secret value at {path}");
                }
            }
        }

        // The values handed to consumers are secret.
        var vault = run.Component<SecretVault>("secrets");
        Assert.NotEmpty(vault.SecretValues);
        foreach (var (name, value) in vault.SecretValues)
        {
            Assert.True(await Output.IsSecretAsync(value), $"{name} is handed out unmarked");
        }

        // Outputs: no stack output and no output of the component carries a value unmarked.
        var outputs = typeof(KoraStack).GetProperties().Select(p => (Owner: (object)run.Stack, Property: p))
            .Concat(typeof(SecretVault).GetProperties().Select(p => (Owner: (object)vault, Property: p)))
            .Where(o => o.Property.PropertyType == typeof(Output<string>));
        foreach (var (owner, property) in outputs)
        {
            var output = (Output<string>)property.GetValue(owner)!;
            var text = await OutputUtilities.GetValueAsync(output) ?? string.Empty;
            if (values.Any(v => text.Contains(v, StringComparison.Ordinal)))
            {
                Assert.True(await Output.IsSecretAsync(output), $"{owner.GetType().Name}.{property.Name} carries a secret value unmarked");
            }
        }
    }

    [Fact]
    public async Task Emergency_rotation_in_the_settings_changes_exactly_the_named_generated_secrets()
    {
        var requested = Iso(DateTimeOffset.UtcNow.AddMinutes(-5));
        var before = await StackRun.RunAsync("prod");
        var after = await StackRun.RunAsync("prod", config => config.With(
            "kora-infra:emergencyRotations",
            $"[{{\"name\":\"postgres-app-password\",\"requestedAt\":\"{requested}\"}},{{\"name\":\"n8n-encryption-key\",\"requestedAt\":\"{requested}\"}}]"));

        static Dictionary<string, string> Keepers(StackRun run) => run.OfType(PasswordType).ToDictionary(
            p => p.Name,
            p => string.Join(";", p.Map("keepers").OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}")),
            StringComparer.Ordinal);
        var old = Keepers(before);
        var changed = Keepers(after).Where(k => old[k.Key] != k.Value).Select(k => k.Key).Order(StringComparer.Ordinal);

        Assert.Equal(["value-n8n-encryption-key", "value-postgres-app-password"], changed);
    }

    [Fact]
    public async Task Prod_refuses_to_deploy_while_a_compromised_credential_is_pending()
    {
        var reported = Iso(DateTimeOffset.UtcNow.AddDays(-2));

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("prod", config => config.With(
            "kora-infra:compromisedCredentials",
            $"[{{\"name\":\"alert-devops-pager-url\",\"reportedAt\":\"{reported}\"}}]")));

        var message = ex is AggregateException all ? string.Join("\n", all.Flatten().InnerExceptions.Select(e => e.Message)) : ex.Message;
        Assert.Contains("prod will not be deployed", message, StringComparison.Ordinal);
        Assert.Contains("'alert-devops-pager-url' reported compromised", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_deploys_once_the_credential_is_rotated_after_the_report()
    {
        var reported = Iso(DateTimeOffset.UtcNow.AddDays(-2));
        var rotated = Iso(DateTimeOffset.UtcNow.AddDays(-1));

        var run = await StackRun.RunAsync("prod", config => config
            .With("kora-infra:compromisedCredentials", $"[{{\"name\":\"alert-devops-pager-url\",\"reportedAt\":\"{reported}\"}}]")
            .With("kora-infra:emergencyRotations", $"[{{\"name\":\"alert-devops-pager-url\",\"requestedAt\":\"{rotated}\"}}]"));

        run.Named(VaultType, "vault");
    }

    [Fact]
    public async Task Staging_still_deploys_with_a_pending_credential_so_its_up_can_rotate_it()
    {
        var reported = Iso(DateTimeOffset.UtcNow.AddDays(-2));

        var run = await StackRun.RunAsync("staging", config => config.With(
            "kora-infra:compromisedCredentials",
            $"[{{\"name\":\"postgres-app-password\",\"reportedAt\":\"{reported}\"}}]"));

        run.Named(VaultType, "vault");
    }

    private static IEnumerable<(string Path, string Text)> Strings(object? value, string path)
    {
        switch (value)
        {
            case string text:
                yield return (path, text);
                break;
            case IReadOnlyDictionary<string, object> map:
                foreach (var (key, child) in map)
                {
                    foreach (var found in Strings(child, path.Length == 0 ? key : $"{path}.{key}"))
                    {
                        yield return found;
                    }
                }

                break;
            case System.Collections.IEnumerable list:
                var i = 0;
                foreach (var child in list)
                {
                    foreach (var found in Strings(child, $"{path}[{i++}]"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
