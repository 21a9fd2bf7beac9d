using System.Collections.Immutable;
using KoraInfra.Platform.Database;
using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.Database;

public sealed class TenantDatabaseTests
{
    private const string ServerType = "azure-native:dbforpostgresql:Server";

    public static TheoryData<string, string, string, double, double, string, string, string> ServerSettings => new()
    {
        // stack, SKU, tier, storage GB, backup days, geo-redundant backup, HA mode, public network access
        { "dev", "Standard_B1ms", "Burstable", 32, 7, "Disabled", "Disabled", "Enabled" },
        { "staging", "Standard_D2ds_v5", "GeneralPurpose", 64, 14, "Disabled", "Disabled", "Disabled" },
        { "prod", "Standard_D4ds_v5", "GeneralPurpose", 128, 35, "Enabled", "ZoneRedundant", "Disabled" },
    };

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory]
    [MemberData(nameof(ServerSettings))]
    public async Task Each_environment_gets_its_server_settings(string stack, string sku, string tier, double storageGb, double backupDays, string geoBackup, string haMode, string publicAccess)
    {
        var run = await StackRun.RunAsync(stack);

        var server = run.Named(ServerType, "server");
        Assert.Equal(sku, server.Map("sku")["name"]);
        Assert.Equal(tier, server.Map("sku")["tier"]);
        Assert.Equal(storageGb, server.Map("storage")["storageSizeGB"]);
        Assert.Equal("Enabled", server.Map("storage")["autoGrow"]);
        Assert.Equal(backupDays, server.Map("backup")["backupRetentionDays"]);
        Assert.Equal(geoBackup, server.Map("backup")["geoRedundantBackup"]);
        Assert.Equal(haMode, server.Map("highAvailability")["mode"]);
        Assert.Equal(publicAccess, server.Map("network")["publicNetworkAccess"]);
        Assert.Equal("Enabled", server.Map("authConfig")["activeDirectoryAuth"]);
        Assert.Equal("15", server.Text("version"));
        Assert.Equal($"psql-kora-{stack}-brs", server.Text("serverName"));
        Assert.Equal("kora_admin", server.Text("administratorLogin"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Tls_is_required_by_server_parameters_applied_one_after_another(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var parameters = run.OfType("azure-native:dbforpostgresql:Configuration").ToList();
        Assert.Equal(TenantDatabasePlan.Parameters.Select(p => (p.Name, p.Value)), parameters.Select(p => (p.Text("configurationName")!, p.Text("value")!)));
        Assert.Contains(parameters, p => p.Text("configurationName") == "require_secure_transport" && p.Text("value") == "on");
        Assert.Contains(parameters, p => p.Text("configurationName") == "ssl_min_protocol_version" && p.Text("value") == "TLSv1.2");
        Assert.All(parameters, p => Assert.Equal($"psql-kora-{stack}-brs", p.Text("serverName")));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_server_hosts_the_kora_and_n8n_databases(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        Assert.Equal(["kora", "n8n"], run.OfType("azure-native:dbforpostgresql:Database").Select(d => d.Text("databaseName")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_dev_opens_a_firewall_and_only_to_azure_services_and_its_allowlist()
    {
        var dev = await StackRun.RunAsync("dev");
        var prod = await StackRun.RunAsync("prod");

        var rules = dev.OfType("azure-native:dbforpostgresql:FirewallRule").ToList();
        Assert.Equal(2, rules.Count);
        var azure = Assert.Single(rules, r => r.Name == "firewall-allow-azure-services");
        Assert.Equal(("0.0.0.0", "0.0.0.0"), (azure.Text("startIpAddress"), azure.Text("endIpAddress")));
        var allowlist = Assert.Single(rules, r => r.Name == "firewall-allowlist-0");
        Assert.Equal(("203.0.113.0", "203.0.113.255"), (allowlist.Text("startIpAddress"), allowlist.Text("endIpAddress")));
        Assert.Empty(prod.OfType("azure-native:dbforpostgresql:FirewallRule"));
    }

    [Fact]
    public async Task The_administrator_password_is_the_vaults_and_no_stack_output_carries_it()
    {
        var run = await StackRun.RunAsync("prod");

        var vaultSecret = Assert.Single(run.OfType("azure-native:keyvault:Secret"), s => s.Text("secretName") == "postgres-admin-password");
        var stored = (string?)vaultSecret.Map("properties")["value"];
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.Equal(stored, run.Named(ServerType, "server").Text("administratorLoginPassword"));
        Assert.DoesNotContain(typeof(KoraStack).GetProperties(), p => p.Name.Contains("Password", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task A_job_runs_kora_db_migrate_through_the_explicit_provider(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var job = run.Named("kubernetes:batch/v1:Job", "schema-migration");
        Assert.Contains($"pulumi:providers:kubernetes::k8s-{stack}::", job.Provider, StringComparison.Ordinal);
        var metadata = job.Map("metadata");
        Assert.Equal("kora", metadata["namespace"]);
        Assert.Equal("db-migrations", ((ImmutableDictionary<string, object?>)metadata["labels"]!)["app.kubernetes.io/component"]);
        var annotations = (ImmutableDictionary<string, object?>)metadata["annotations"]!;
        Assert.Equal(MigrationSet.Fingerprint(MigrationSet.Locate(Repository.Root)), annotations[MigrationJobPlan.FingerprintAnnotation]);

        var spec = job.Map("spec");
        var pod = (ImmutableDictionary<string, object?>)((ImmutableDictionary<string, object?>)spec["template"]!)["spec"]!;
        Assert.Equal("Never", pod["restartPolicy"]);
        var container = (ImmutableDictionary<string, object?>)Assert.Single((ImmutableArray<object?>)pod["containers"]!)!;
        Assert.Equal(["db", "migrate", "--migrations", "/app/db/migrations"], ((ImmutableArray<object?>)container["args"]!).Cast<string>());
        var env = (ImmutableDictionary<string, object?>)Assert.Single((ImmutableArray<object?>)container["env"]!)!;
        Assert.Equal("KORA_DB_CONNECTION", env["name"]);
        Assert.False(env.ContainsKey("value"), "the connection string must come from a Secret, never inline");
        var securityContext = (ImmutableDictionary<string, object?>)container["securityContext"]!;
        Assert.True(securityContext["allowPrivilegeEscalation"] is false, "no privilege escalation");
        Assert.True(securityContext["readOnlyRootFilesystem"] is true, "read-only root filesystem");
        var limits = (ImmutableDictionary<string, object?>)((ImmutableDictionary<string, object?>)container["resources"]!)["limits"]!;
        Assert.Equal(["cpu", "memory"], limits.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_jobs_connection_secret_points_at_the_server_over_verified_tls()
    {
        var run = await StackRun.RunAsync("staging");

        var secret = Assert.Single(run.OfType("kubernetes:core/v1:Secret"), s => s.Map("metadata")["name"] as string == "kora-db-migrator");
        var connection = (string)secret.Map("stringData")["connection"]!;
        Assert.Contains("Host=psql-kora-staging-brs.postgres.database.azure.com", connection, StringComparison.Ordinal);
        Assert.Contains("SSL Mode=VerifyFull", connection, StringComparison.Ordinal);
        Assert.Contains("Database=kora", connection, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task A_job_after_the_migration_sets_the_vaults_passwords_on_the_planned_login_slots(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var job = Assert.Single(run.OfType("kubernetes:batch/v1:Job"), j => j.Name == "login-rotation");
        Assert.Contains($"pulumi:providers:kubernetes::k8s-{stack}::", job.Provider, StringComparison.Ordinal);
        var pod = (ImmutableDictionary<string, object?>)((ImmutableDictionary<string, object?>)job.Map("spec")["template"]!)["spec"]!;
        var container = (ImmutableDictionary<string, object?>)Assert.Single((ImmutableArray<object?>)pod["containers"]!)!;
        var args = ((ImmutableArray<object?>)container["args"]!).Cast<string>().ToList();
        Assert.Equal(["db", "rotate-logins"], args.Take(2));
        var logins = args.Skip(2).Where((_, i) => i % 2 == 1).Select(KoraInfra.Platform.Database.Logins.LoginRotation.Parse).ToList();
        Assert.Equal(["kora_app", "n8n", "kora_responder"], logins.Select(l => l.Login.Group));

        var env = ((ImmutableArray<object?>)container["env"]!).Cast<ImmutableDictionary<string, object?>>().ToList();
        Assert.Equal(["KORA_DB_CONNECTION", "KORA_LOGIN_PASSWORD_KORA_APP", "KORA_LOGIN_PASSWORD_N8N", "KORA_LOGIN_PASSWORD_KORA_RESPONDER"], env.Select(e => (string)e["name"]!));
        Assert.All(env, e => Assert.False(e.ContainsKey("value"), $"{e["name"]} must come from a Secret, never inline"));
    }
}
