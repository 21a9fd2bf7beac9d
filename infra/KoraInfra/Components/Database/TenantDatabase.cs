using KoraInfra.Platform.Database;
using KoraInfra.Platform.Database.Logins;
using Pulumi;
using PostgreSql = Pulumi.AzureNative.DBforPostgreSQL;
using PostgreSqlInputs = Pulumi.AzureNative.DBforPostgreSQL.Inputs;

namespace KoraInfra.Components.Database;

/// <summary>
/// The tenant database: an Azure Database for PostgreSQL flexible server sized and hardened by
/// Platform, its server parameters, the <c>kora</c> and <c>n8n</c> databases, and the Job that
/// migrates the schema before anything that needs it.
/// </summary>
public sealed class TenantDatabase : ComponentResource
{
    /// <summary>Declares the server, its parameters and databases, and the migration Job.</summary>
    public TenantDatabase(string name, TenantDatabaseArgs args, ComponentResourceOptions? options = null)
        : base("kora:database:TenantDatabase", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan.Server;

        // The administrator password is the vault's (postgres-admin-password): generated there,
        // rotated on its window, and leaving this component only as a secret.
        AdministratorPassword = Output.CreateSecret(args.AdministratorPassword);

        var server = DeclareServer(plan, args, AdministratorPassword);
        ServerId = server.Id;
        ServerName = server.Name;
        FullyQualifiedDomainName = server.FullyQualifiedDomainName;

        var schemaPrerequisites = new List<Resource>();
        schemaPrerequisites.AddRange(DeclareParameters(plan, args, server));
        schemaPrerequisites.AddRange(DeclareDatabases(plan, args, server));
        schemaPrerequisites.AddRange(DeclareFirewallRules(plan, args, server));

        var connection = Output.Tuple(server.FullyQualifiedDomainName, AdministratorPassword)
            .Apply(t => TenantDatabasePlan.AdministratorConnectionString(t.Item1, plan.AdministratorLogin, t.Item2));
        var migration = new SchemaMigrationJob("schema-migration", args.Plan.MigrationJob, Output.CreateSecret(connection), args, schemaPrerequisites, this);
        SchemaMigration = migration.Job;

        // The other schemas of the kora database, one after the other, on the tenant schema.
        Resource schema = migration.Job;
        foreach (var following in args.FollowingMigrations)
        {
            schema = new SchemaMigrationJob(following.Labels["app.kubernetes.io/name"], following, Output.CreateSecret(connection), args, [schema], this).Job;
        }

        // After the schema, the logins: the vault's current values on their planned slots.
        if (args.LoginRotations.Count > 0)
        {
            var rotation = new LoginRotationJob("login-rotation", LoginRotationJobPlan.For(args.Plan.MigrationJob, args.LoginRotations), connection, args.LoginPasswords, args, schema, this);
            LoginRotation = rotation.Job;
        }
        else
        {
            LoginRotation = schema;
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["serverName"] = ServerName,
            ["fullyQualifiedDomainName"] = FullyQualifiedDomainName,
            ["administratorPassword"] = AdministratorPassword,
        });
    }

    /// <summary>The server's resource id (its private endpoint connects to it).</summary>
    public Output<string> ServerId { get; }

    /// <summary>The server name.</summary>
    public Output<string> ServerName { get; }

    /// <summary>The server's host name.</summary>
    public Output<string> FullyQualifiedDomainName { get; }

    /// <summary>The generated administrator password: secret, and exposed nowhere else.</summary>
    public Output<string> AdministratorPassword { get; }

    /// <summary>The migration Job: <c>DependsOn</c> it from anything that needs the schema.</summary>
    public Resource SchemaMigration { get; }

    /// <summary>The login rotation Job: <c>DependsOn</c> it from anything that logs in with a rotated login.</summary>
    public Resource LoginRotation { get; }

    private PostgreSql.Server DeclareServer(DatabaseServerPlan plan, TenantDatabaseArgs args, Output<string> password) =>
        new("server", new PostgreSql.ServerArgs
        {
            ServerName = plan.ServerName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Plan.Location,
            Version = plan.Version,
            AdministratorLogin = plan.AdministratorLogin,
            AdministratorLoginPassword = password,
            Sku = new PostgreSqlInputs.SkuArgs
            {
                Name = plan.SkuName,
                Tier = plan.SkuTier switch
                {
                    DatabaseSkuTier.Burstable => PostgreSql.SkuTier.Burstable,
                    DatabaseSkuTier.GeneralPurpose => PostgreSql.SkuTier.GeneralPurpose,
                    _ => PostgreSql.SkuTier.MemoryOptimized,
                },
            },
            Storage = new PostgreSqlInputs.StorageArgs
            {
                StorageSizeGB = plan.StorageSizeGb,
                AutoGrow = plan.StorageAutoGrow ? PostgreSql.StorageAutoGrow.Enabled : PostgreSql.StorageAutoGrow.Disabled,
            },
            Backup = new PostgreSqlInputs.BackupArgs
            {
                BackupRetentionDays = plan.BackupRetentionDays,
                GeoRedundantBackup = plan.GeoRedundantBackup ? PostgreSql.GeographicallyRedundantBackup.Enabled : PostgreSql.GeographicallyRedundantBackup.Disabled,
            },
            HighAvailability = new PostgreSqlInputs.HighAvailabilityArgs
            {
                Mode = plan.HighAvailability == DatabaseHighAvailability.ZoneRedundant
                    ? PostgreSql.PostgreSqlFlexibleServerHighAvailabilityMode.ZoneRedundant
                    : PostgreSql.PostgreSqlFlexibleServerHighAvailabilityMode.Disabled,
            },
            Network = new PostgreSqlInputs.NetworkArgs
            {
                PublicNetworkAccess = plan.PublicNetworkAccess ? PostgreSql.ServerPublicNetworkAccessState.Enabled : PostgreSql.ServerPublicNetworkAccessState.Disabled,
            },
            AuthConfig = new PostgreSqlInputs.AuthConfigArgs
            {
                ActiveDirectoryAuth = plan.EntraAuthentication ? PostgreSql.MicrosoftEntraAuth.Enabled : PostgreSql.MicrosoftEntraAuth.Disabled,
                PasswordAuth = plan.PasswordAuthentication ? PostgreSql.PasswordBasedAuth.Enabled : PostgreSql.PasswordBasedAuth.Disabled,
            },
            Tags = Tagging.ToInput(args.Plan.Tags),
        }, new CustomResourceOptions { Parent = this, AdditionalSecretOutputs = { "administratorLoginPassword" } });

    // Azure applies one server parameter change at a time and rejects concurrent ones as "server
    // busy": each parameter waits for the previous one.
    private List<Resource> DeclareParameters(DatabaseServerPlan plan, TenantDatabaseArgs args, PostgreSql.Server server)
    {
        var declared = new List<Resource>();
        Resource previous = server;
        foreach (var parameter in plan.Parameters)
        {
            previous = new PostgreSql.Configuration($"parameter-{parameter.Name.Replace('_', '-')}", new PostgreSql.ConfigurationArgs
            {
                ConfigurationName = parameter.Name,
                Value = parameter.Value,
                Source = "user-override",
                ResourceGroupName = args.ResourceGroupName,
                ServerName = server.Name,
            }, new CustomResourceOptions { Parent = this, DependsOn = { previous } });
            declared.Add(previous);
        }

        return declared;
    }

    private List<Resource> DeclareDatabases(DatabaseServerPlan plan, TenantDatabaseArgs args, PostgreSql.Server server) =>
        plan.Databases.Select(database => (Resource)new PostgreSql.Database($"database-{database.Name}", new PostgreSql.DatabaseArgs
        {
            DatabaseName = database.Name,
            Charset = database.Charset,
            Collation = database.Collation,
            ResourceGroupName = args.ResourceGroupName,
            ServerName = server.Name,
        }, new CustomResourceOptions { Parent = this })).ToList();

    private List<Resource> DeclareFirewallRules(DatabaseServerPlan plan, TenantDatabaseArgs args, PostgreSql.Server server) =>
        plan.FirewallRules.Select(rule => (Resource)new PostgreSql.FirewallRule($"firewall-{rule.Name}", new PostgreSql.FirewallRuleArgs
        {
            FirewallRuleName = rule.Name,
            StartIpAddress = rule.StartIpAddress,
            EndIpAddress = rule.EndIpAddress,
            ResourceGroupName = args.ResourceGroupName,
            ServerName = server.Name,
        }, new CustomResourceOptions { Parent = this })).ToList();
}
