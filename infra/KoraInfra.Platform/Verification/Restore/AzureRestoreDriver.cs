using System.Globalization;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Verification.FaultInjection;
using Npgsql;

namespace KoraInfra.Platform.Verification.Restore;

/// <summary>
/// The restore drill in Azure, driven with the Azure CLI logged in as the pipeline's identity:
/// <c>az postgres flexible-server restore</c> (<see cref="AzureRestoreRequest"/>) into a throwaway
/// server, which the command waits for, a private endpoint for it where the stack's server has one
/// (<see cref="AzureRestoreReach"/>), then the endpoint and the server deleted, always.
/// The copy is reached with the source's own connection string, only its host changed: a
/// point-in-time restore copies the roles with their passwords, so the login that reads every
/// tenant on the source reads every tenant on the copy, and no new secret is made for a drill.
/// </summary>
public sealed class AzureRestoreDriver : IRestoreDriver
{
    // The restore is bounded by the P0 recovery SLA: a restore slower than that fails the drill anyway.
    private static readonly TimeSpan RestoreTimeout = RecoveryObjectives.MaximumRto;
    private static readonly TimeSpan DeleteTimeout = TimeSpan.FromMinutes(30);
    private readonly string _az;
    private readonly AzureRestoreRequest _plan;
    private readonly string _sourceConnection;
    private readonly TimeSpan _backupRetention;
    private readonly TimeProvider _time;
    private readonly AzureRestoreReach? _reach;
    private bool _restoreSent;
    private bool _endpointSent;

    /// <summary>Drives <paramref name="az"/> (a name on PATH or a path).</summary>
    /// <param name="az">The Azure CLI.</param>
    /// <param name="plan">Resource group, source server, region and drill tag; its restore point is replaced by the drill's.</param>
    /// <param name="sourceConnection">The source database's connection string (a login that sees every tenant's rows).</param>
    /// <param name="backupRetention">The source's point-in-time restore window.</param>
    /// <param name="time">The clock the restore point is checked against.</param>
    /// <param name="reach">The private endpoint the copy needs to be reached; null where the source takes public traffic.</param>
    public AzureRestoreDriver(string az, AzureRestoreRequest plan, string sourceConnection, TimeSpan backupRetention, TimeProvider time, AzureRestoreReach? reach = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(az);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(sourceConnection);
        ArgumentNullException.ThrowIfNull(time);
        _az = az;
        _plan = plan;
        _sourceConnection = sourceConnection;
        _backupRetention = backupRetention;
        _time = time;
        _reach = reach;
    }

    /// <inheritdoc />
    public string Name => "azure";

    /// <summary>
    /// The driver for a stack, from its own plans: the resource group and flexible server it declares,
    /// its region and backup retention; the throwaway server is tagged with the drill's start time.
    /// </summary>
    /// <exception cref="ArgumentException">The subscription is not a GUID.</exception>
    public static AzureRestoreDriver For(StackSettings settings, string? subscriptionId, string az, string sourceConnection, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var server = settings.Names.Name(ResourceKind.PostgreSqlServer);
        if (string.IsNullOrWhiteSpace(subscriptionId) || !Guid.TryParse(subscriptionId, out var subscription))
        {
            throw new ArgumentException($"the Azure restore drill needs the subscription id of '{server}'; found '{subscriptionId}', expected a GUID (--subscription or AZURE_SUBSCRIPTION_ID)", nameof(subscriptionId));
        }

        var resourceGroup = settings.Names.Name(ResourceKind.ResourceGroup);
        var now = time.GetUtcNow();
        var plan = new AzureRestoreRequest(
            resourceGroup,
            $"/subscriptions/{subscription:D}/resourceGroups/{resourceGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{server}",
            settings.Region.Name,
            now,
            now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        var retention = TimeSpan.FromDays(TenantDatabasePlan.BackupRetentionDays(settings.Environment.Name));
        return new AzureRestoreDriver(az, plan, sourceConnection, retention, time, ReachOf(settings));
    }

    // Where the stack's server has a private endpoint, the copy gets one in the same subnet and zone.
    private static AzureRestoreReach? ReachOf(StackSettings settings)
    {
        var network = NetworkPlan.For(settings);
        return network?.EndpointFor("postgres") is { } endpoint && network.Subnet(SubnetRole.PrivateEndpoints) is { } subnet
            ? new AzureRestoreReach(network.VirtualNetworkName, subnet.Name, endpoint.GroupId, endpoint.ZoneName, endpoint.ZoneConfigName)
            : null;
    }

    /// <summary>The throwaway server's name.</summary>
    public string TargetServerName => _plan.TargetServerName;

    /// <summary>The subscription of the source server, from its ARM id (the throwaway server lands there too).</summary>
    public string Subscription => _plan.SourceServerId.Split('/') is [_, "subscriptions", var id, ..] ? id : string.Empty;

    /// <summary>Fails with what to install when the Azure CLI does not run; nothing is started.</summary>
    public async Task CheckAvailableAsync(CancellationToken cancellationToken)
    {
        var (code, output) = await ToolProcess.RunAsync(_az, AzureFailoverInjector.Install, ["version", "--output", "none"], null, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new FaultInjectorException($"'{_az} version' failed (exit {code}): {output}; {AzureFailoverInjector.Install}");
        }
    }

    /// <inheritdoc />
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        // Azure backs the server up continuously; there is no backup to take, only a source to check.
        var problems = _plan.Problems(_time.GetUtcNow(), _backupRetention).Where(p => !p.Contains("restore point", StringComparison.Ordinal)).ToList();
        return problems.Count == 0 ? Task.CompletedTask : throw new InvalidOperationException(string.Join("; ", problems));
    }

    /// <inheritdoc />
    public async Task<string> RestoreAsync(DateTimeOffset target, CancellationToken cancellationToken)
    {
        var request = _plan with { RestorePoint = target };
        var problems = request.Problems(_time.GetUtcNow(), _backupRetention);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        // From here a server may exist even when az fails or is cancelled, so teardown deletes it.
        _restoreSent = true;
        string[] arguments = [.. request.AzCliArguments, "--subscription", Subscription, "--query", "fullyQualifiedDomainName", "--output", "tsv"];
        var (code, output) = await ToolProcess.RunAsync(_az, AzureFailoverInjector.Install, arguments, null, RestoreTimeout, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"the point-in-time restore of {request.SourceServerId} to {request.RestorePointUtc} into {request.TargetServerName} failed (exit {code}): {output}");
        }

        var host = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (string.IsNullOrEmpty(host) || host.Any(char.IsWhiteSpace) || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new InvalidOperationException($"the restore of {request.TargetServerName} did not return the server's host name (fullyQualifiedDomainName); az printed '{output}'");
        }

        if (_reach is { } reach)
        {
            await ReachAsync(reach, request, cancellationToken).ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(_sourceConnection) { Host = host }.ConnectionString;
    }

    /// <inheritdoc />
    public async Task TeardownAsync()
    {
        if (!_restoreSent)
        {
            return;
        }

        // Not the drill's token: a cancelled drill must still remove what it started. The endpoint
        // goes first (a server with a connected endpoint is still deleted, but the endpoint would stay).
        var problems = new List<string>();
        if (_endpointSent)
        {
            var endpoint = AzureRestoreReach.EndpointName(_plan.TargetServerName);
            await DeleteAsync(["network", "private-endpoint", "delete", "--subscription", Subscription, "--resource-group", _plan.ResourceGroup, "--name", endpoint], $"the throwaway private endpoint {endpoint}", problems).ConfigureAwait(false);
        }

        await DeleteAsync(["postgres", "flexible-server", "delete", "--subscription", Subscription, "--resource-group", _plan.ResourceGroup, "--name", _plan.TargetServerName, "--yes"], $"the throwaway server {_plan.TargetServerName}", problems).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }
    }

    private async Task ReachAsync(AzureRestoreReach reach, AzureRestoreRequest request, CancellationToken cancellationToken)
    {
        var endpoint = AzureRestoreReach.EndpointName(request.TargetServerName);
        var serverId = request.SourceServerId[..(request.SourceServerId.LastIndexOf('/') + 1)] + request.TargetServerName;
        _endpointSent = true;
        string[][] steps =
        [
            ["network", "private-endpoint", "create", "--subscription", Subscription, "--resource-group", request.ResourceGroup, "--name", endpoint, "--location", request.Location,
                "--vnet-name", reach.VirtualNetwork, "--subnet", reach.Subnet, "--private-connection-resource-id", serverId, "--group-id", reach.GroupId, "--connection-name", request.TargetServerName, "--output", "none"],
            ["network", "private-endpoint", "dns-zone-group", "create", "--subscription", Subscription, "--resource-group", request.ResourceGroup, "--endpoint-name", endpoint,
                "--name", "default", "--private-dns-zone", reach.ZoneName, "--zone-name", reach.ZoneConfigName, "--output", "none"],
        ];
        foreach (var step in steps)
        {
            var (code, output) = await ToolProcess.RunAsync(_az, AzureFailoverInjector.Install, step, null, DeleteTimeout, cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                throw new InvalidOperationException($"the restored server {request.TargetServerName} could not be given its private endpoint {endpoint} in {reach.VirtualNetwork}/{reach.Subnet} ('az {string.Join(' ', step.Take(4))}' exit {code}): {output}");
            }
        }
    }

    private async Task DeleteAsync(string[] arguments, string what, List<string> problems)
    {
        var (code, output) = await ToolProcess.RunAsync(_az, AzureFailoverInjector.Install, arguments, null, DeleteTimeout, CancellationToken.None).ConfigureAwait(false);
        if (code != 0 && !output.Contains("ResourceNotFound", StringComparison.OrdinalIgnoreCase) && !output.Contains("was not found", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{what} in {_plan.ResourceGroup} could not be deleted (exit {code}): {output}; delete it by hand (az {string.Join(' ', arguments)})");
        }
    }
}
