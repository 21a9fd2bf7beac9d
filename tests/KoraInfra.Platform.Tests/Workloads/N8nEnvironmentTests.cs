using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Tests.Workloads;

public sealed class N8nEnvironmentTests
{
    public static TheoryData<string> Stacks => WorkloadStacks.All;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_variable_is_one_n8n_documents_and_appears_once_per_process(string stack)
    {
        foreach (var process in WorkloadStacks.Plan(stack).N8n.Processes)
        {
            Assert.All(process.Environment, v => Assert.True(N8nDocumentedVariables.IsDocumented(v.Name), $"{process.Name}: {v.Name} is not a documented n8n variable"));
            Assert.Equal(process.Environment.Count, process.Environment.Select(v => v.Name).Distinct().Count());
            Assert.All(process.Environment, v => Assert.True(v.Value is not null ^ v.Runtime is not null, $"{v.Name} needs exactly one of a value or a runtime source"));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Credentials_reach_n8n_only_as_files_from_the_mounted_secret(string stack)
    {
        foreach (var process in WorkloadStacks.Plan(stack).N8n.Processes)
        {
            var names = process.Environment.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var credential in N8nDocumentedVariables.Credentials)
            {
                Assert.DoesNotContain(credential, names);
                Assert.Contains(credential + N8nDocumentedVariables.FileSuffix, names);
            }

            Assert.All(
                process.Environment.Where(v => v.Name.EndsWith("_FILE", StringComparison.Ordinal)),
                v => Assert.StartsWith(N8nSecrets.MountPath + "/", v.Value, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void No_variable_looks_like_a_secret_literal_to_the_policy_pack(string stack)
    {
        foreach (var process in WorkloadStacks.Plan(stack).N8n.Processes)
        {
            Assert.All(
                process.Environment.Where(v => v.Value is not null),
                v => Assert.False(SecretLiteralDetector.LooksLikeSecret(v.Name, v.Value!), $"{process.Name}: {v.Name} would be reported as a secret literal (KORA-044)"));
        }

        // The exemption covers file paths, not a credential itself.
        Assert.True(SecretLiteralDetector.LooksLikeSecret("DB_POSTGRESDB_PASSWORD", "n8n"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_process_runs_in_queue_mode_on_postgres_and_redis_with_the_same_encryption_key(string stack)
    {
        var processes = WorkloadStacks.Plan(stack).N8n.Processes.ToList();

        foreach (var process in processes)
        {
            var env = WorkloadStacks.Variables(process);
            Assert.Equal("queue", env["EXECUTIONS_MODE"].Value);
            Assert.Equal("postgresdb", env["DB_TYPE"].Value);
            Assert.Equal(RuntimeValue.DatabaseHost, env["DB_POSTGRESDB_HOST"].Runtime);
            Assert.Equal("5432", env["DB_POSTGRESDB_PORT"].Value);
            Assert.Equal("n8n", env["DB_POSTGRESDB_DATABASE"].Value);
            Assert.Equal("true", env["DB_POSTGRESDB_SSL_ENABLED"].Value);
            Assert.Equal("true", env["DB_POSTGRESDB_SSL_REJECT_UNAUTHORIZED"].Value);
            Assert.Equal(RuntimeValue.RedisHost, env["QUEUE_BULL_REDIS_HOST"].Runtime);
            Assert.Equal("6380", env["QUEUE_BULL_REDIS_PORT"].Value);
            Assert.Equal("true", env["QUEUE_BULL_REDIS_TLS"].Value);
            Assert.Equal("true", env["N8N_METRICS"].Value);
            Assert.Equal("false", env["N8N_DIAGNOSTICS_ENABLED"].Value);
            Assert.Equal("true", env["N8N_BLOCK_ENV_ACCESS_IN_NODE"].Value);
        }

        Assert.Single(processes.Select(p => WorkloadStacks.Variables(p)["N8N_ENCRYPTION_KEY_FILE"].Value).Distinct());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Only_workers_turn_on_the_queue_health_check_and_only_http_servers_know_the_public_url(string stack)
    {
        var n8n = WorkloadStacks.Plan(stack).N8n;
        var host = WorkloadStacks.Settings(stack).Workloads.N8nHost;

        var worker = WorkloadStacks.Variables(n8n.Worker);
        Assert.Equal("true", worker["QUEUE_HEALTH_CHECK_ACTIVE"].Value);
        Assert.Equal("5678", worker["QUEUE_HEALTH_CHECK_PORT"].Value);
        Assert.False(worker.ContainsKey("WEBHOOK_URL"));

        foreach (var server in new[] { n8n.Main, n8n.Webhook }.OfType<N8nProcessPlan>())
        {
            var env = WorkloadStacks.Variables(server);
            Assert.False(env.ContainsKey("QUEUE_HEALTH_CHECK_ACTIVE"));
            Assert.Equal($"https://{host}/", env["WEBHOOK_URL"].Value);
            Assert.Equal(host, env["N8N_HOST"].Value);
            Assert.Equal("https", env["N8N_PROTOCOL"].Value);
        }
    }

    [Theory]
    [InlineData("dev", "false", "72", "debug")]
    [InlineData("staging", "true", "168", "info")]
    [InlineData("prod", "true", "720", "info")]
    public void Main_hands_production_webhooks_to_processors_where_they_exist_and_keeps_history_per_environment(string stack, string disabled, string hours, string logLevel)
    {
        var main = WorkloadStacks.Variables(WorkloadStacks.Plan(stack).N8n.Main);

        Assert.Equal(disabled, main["N8N_DISABLE_PRODUCTION_MAIN_PROCESS"].Value);
        Assert.Equal("true", main["OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS"].Value);
        Assert.Equal(hours, main["EXECUTIONS_DATA_MAX_AGE"].Value);
        Assert.Equal(logLevel, main["N8N_LOG_LEVEL"].Value);
        Assert.Equal("true", main["N8N_METRICS_INCLUDE_QUEUE_METRICS"].Value);
    }

    [Fact]
    public void The_in_cluster_queue_is_reached_by_name_without_tls()
    {
        var plan = WorkloadsPlan.For(WorkloadStacks.DevOnExistingCluster(), WorkloadStacks.Namespace);
        var env = WorkloadStacks.Variables(plan.N8n.Worker);

        Assert.Equal("n8n-redis.kora.svc.cluster.local", env["QUEUE_BULL_REDIS_HOST"].Value);
        Assert.Equal("6379", env["QUEUE_BULL_REDIS_PORT"].Value);
        Assert.Equal("false", env["QUEUE_BULL_REDIS_TLS"].Value);
    }

    [Fact]
    public void The_catalogue_names_its_source_and_accepts_file_forms_of_documented_names_only()
    {
        Assert.All(N8nDocumentedVariables.All, entry =>
        {
            Assert.Equal("https", entry.Value.Scheme);
            Assert.Equal("docs.n8n.io", entry.Value.Host);
        });
        Assert.True(N8nDocumentedVariables.IsDocumented("DB_POSTGRESDB_PASSWORD_FILE"));
        Assert.False(N8nDocumentedVariables.IsDocumented("DB_POSTGRES_PASSWORD"));
        Assert.False(N8nDocumentedVariables.IsDocumented("QUEUE_BULL_REDIS_TLS_FILE_FILE"));
        Assert.All(N8nDocumentedVariables.Credentials, c => Assert.True(N8nDocumentedVariables.All.ContainsKey(c)));
    }
}
