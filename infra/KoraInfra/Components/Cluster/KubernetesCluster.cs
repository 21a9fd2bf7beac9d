using System.Text;
using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Network;
using Pulumi;
using Pulumi.AzureNative.ContainerService;
using Pulumi.AzureNative.ContainerService.Inputs;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Authorization = Pulumi.AzureNative.Authorization;
using K8s = Pulumi.Kubernetes;
using KubernetesNamespace = Pulumi.Kubernetes.Core.V1.Namespace;
using KubernetesNamespaceArgs = Pulumi.Kubernetes.Types.Inputs.Core.V1.NamespaceArgs;
using ManagedIdentity = Pulumi.AzureNative.ManagedIdentity;

namespace KoraInfra.Components.Cluster;

/// <summary>
/// The cluster the workloads run on (AKS declared here, or an existing one for an ephemeral
/// environment), the one explicit Kubernetes provider every Kubernetes resource must use, and the
/// workload namespace.
/// </summary>
public sealed class KubernetesCluster : ComponentResource
{
    /// <summary>Declares the cluster, its provider and the workload namespace.</summary>
    public KubernetesCluster(string name, KubernetesClusterArgs args, ComponentResourceOptions? options = null)
        : base("kora:cluster:KubernetesCluster", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var target = plan.Kubernetes;

        Output<string> kubeconfig;
        if (plan.Cluster is { } cluster)
        {
            var network = args.Network ?? throw new ArgumentException("a managed cluster needs the environment's network plan", nameof(args));
            var aks = DeclareAks(cluster, plan, network, args);
            ClusterName = aks.Name;
            kubeconfig = UserKubeconfig(args.ResourceGroupName, aks.Name);
        }
        else
        {
            ClusterName = Output.Create(target.ExistingContext!);
            kubeconfig = args.ExistingKubeconfig
                ?? throw new ArgumentException("an existing cluster needs its kubeconfig (the secret setting kora-infra:kubeconfig)", nameof(args));
        }

        Kubeconfig = Output.CreateSecret(kubeconfig);
        var providerArgs = new K8s.ProviderArgs
        {
            KubeConfig = Kubeconfig,

            // Server-side apply lets several field managers (Helm, operators) share objects safely.
            EnableServerSideApply = true,
        };
        if (target.ExistingContext is { } context)
        {
            providerArgs.Context = context;
        }

        Provider = new K8s.Provider(target.ProviderName, providerArgs, new CustomResourceOptions { Parent = this });

        var workloadNamespace = new KubernetesNamespace("workload-namespace", new KubernetesNamespaceArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = target.WorkloadNamespace,
                Labels = target.NamespaceLabels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
            },
        }, new CustomResourceOptions { Parent = this, Provider = Provider });
        WorkloadNamespace = workloadNamespace.Metadata.Apply(m => m.Name);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clusterName"] = ClusterName,
            ["kubeconfig"] = Kubeconfig,
            ["workloadNamespace"] = WorkloadNamespace,
        });
    }

    /// <summary>The explicit provider: pass it to every Kubernetes resource.</summary>
    public K8s.Provider Provider { get; }

    /// <summary>The AKS cluster name, or the existing cluster's context.</summary>
    public Output<string> ClusterName { get; }

    /// <summary>The kubeconfig the provider uses (secret).</summary>
    public Output<string> Kubeconfig { get; }

    /// <summary>The namespace the KoraOS workloads run in.</summary>
    public Output<string> WorkloadNamespace { get; }

    private ManagedCluster DeclareAks(ClusterPlan cluster, FoundationPlan plan, NetworkPlan network, KubernetesClusterArgs args)
    {
        var tags = Tagging.ToInput(plan.Tags);
        // Fully qualified: ContainerService.Inputs has a UserAssignedIdentityArgs of its own.
        var identity = new ManagedIdentity.UserAssignedIdentity("cluster-identity", new ManagedIdentity.UserAssignedIdentityArgs
        {
            ResourceName = cluster.ControlPlaneIdentityName,
            ResourceGroupName = args.ResourceGroupName,
            Location = plan.Location,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        // The control plane joins the node subnet and its NAT gateway with its own identity.
        var vnetId = args.VirtualNetworkId ?? throw new ArgumentException("a managed cluster needs its VNet", nameof(args));
        var joinsNetwork = new Authorization.RoleAssignment("cluster-joins-network", new Authorization.RoleAssignmentArgs
        {
            PrincipalId = identity.PrincipalId,
            PrincipalType = Authorization.PrincipalType.ServicePrincipal,
            RoleDefinitionId = vnetId.Apply(id => string.Join('/', id.Split('/').Take(3)) + "/providers/Microsoft.Authorization/roleDefinitions/" + ClusterNetworkPlan.NetworkContributorRoleId),
            Scope = vnetId,
            Description = "Network Contributor for the AKS control plane on its VNet (KoraInfra network plan)",
        }, new CustomResourceOptions { Parent = this });

        var apiAccess = new ManagedClusterAPIServerAccessProfileArgs();
        foreach (var range in network.Cluster.AuthorizedRanges)
        {
            apiAccess.AuthorizedIPRanges.Add(range);
        }

        if (network.Cluster.AuthorizeNatEgress)
        {
            var egress = args.EgressIpAddress ?? throw new ArgumentException("the plan authorizes the NAT egress address, and no NAT gateway address was given", nameof(args));
            apiAccess.AuthorizedIPRanges.Add(egress.Apply(ip => ip + "/32"));
        }

        return new ManagedCluster("aks", new ManagedClusterArgs
        {
            ResourceName = cluster.Name,
            ResourceGroupName = args.ResourceGroupName,
            Location = plan.Location,
            DnsPrefix = cluster.DnsPrefix,
            KubernetesVersion = cluster.KubernetesVersion,
            NodeResourceGroup = cluster.NodeResourceGroup,
            Identity = new ManagedClusterIdentityArgs
            {
                Type = ResourceIdentityType.UserAssigned,
                UserAssignedIdentities = { identity.Id },
            },
            AgentPoolProfiles =
            {
                new ManagedClusterAgentPoolProfileArgs
                {
                    Name = cluster.SystemPoolName,
                    Mode = AgentPoolMode.System,
                    Type = AgentPoolType.VirtualMachineScaleSets,
                    OsType = OSType.Linux,
                    VmSize = cluster.NodeVmSize,
                    Count = cluster.NodeCount,
                    EnableAutoScaling = true,
                    MinCount = cluster.NodeCount,
                    MaxCount = cluster.MaxNodeCount,
                    OsDiskSizeGB = cluster.OsDiskSizeGb,
                    AvailabilityZones = cluster.AvailabilityZones.ToList(),
                    VnetSubnetID = args.NodeSubnetId ?? throw new ArgumentException("a managed cluster needs its node subnet", nameof(args)),
                    Tags = tags,
                },
            },
            AadProfile = new ManagedClusterAADProfileArgs { Managed = true, EnableAzureRBAC = cluster.EntraRbac },
            DisableLocalAccounts = cluster.DisableLocalAccounts,
            EnableRBAC = true,
            NetworkProfile = new ContainerServiceNetworkProfileArgs
            {
                NetworkPlugin = network.Cluster.NetworkPlugin,
                NetworkPluginMode = network.Cluster.NetworkPluginMode,
                NetworkDataplane = network.Cluster.NetworkDataplane,
                NetworkPolicy = network.Cluster.NetworkPolicy,
                PodCidr = network.Cluster.PodCidr,
                ServiceCidr = network.Cluster.ServiceCidr,
                DnsServiceIP = network.Cluster.DnsServiceIp,
                OutboundType = network.Cluster.OutboundType,
            },
            ApiServerAccessProfile = apiAccess,
            AddonProfiles =
            {
                ["omsagent"] = new ManagedClusterAddonProfileArgs
                {
                    Enabled = true,
                    Config = { { "logAnalyticsWorkspaceResourceID", args.LogWorkspaceId } },
                },
            },
            OidcIssuerProfile = new ManagedClusterOIDCIssuerProfileArgs { Enabled = cluster.WorkloadIdentity },
            SecurityProfile = new ManagedClusterSecurityProfileArgs
            {
                WorkloadIdentity = new ManagedClusterSecurityProfileWorkloadIdentityArgs { Enabled = cluster.WorkloadIdentity },
            },
            Sku = new ManagedClusterSKUArgs
            {
                Name = ManagedClusterSKUName.Base,
                Tier = cluster.SkuTier == ClusterSkuTier.Standard ? ManagedClusterSKUTier.Standard : ManagedClusterSKUTier.Free,
            },
            AutoUpgradeProfile = new ManagedClusterAutoUpgradeProfileArgs
            {
                UpgradeChannel = UpgradeChannel.Patch,
                NodeOSUpgradeChannel = NodeOSUpgradeChannel.NodeImage,
            },
            Tags = tags,
        }, new CustomResourceOptions { Parent = this, DependsOn = { joinsNetwork } });
    }

    // With local accounts disabled, the user credentials are an Entra ID (kubelogin "exec")
    // kubeconfig: whoever runs `pulumi up` authenticates as themselves or as the pipeline identity.
    private static Output<string> UserKubeconfig(Output<string> resourceGroupName, Output<string> clusterName) =>
        ListManagedClusterUserCredentials.Invoke(new ListManagedClusterUserCredentialsInvokeArgs
        {
            ResourceGroupName = resourceGroupName,
            ResourceName = clusterName,
            Format = "exec",
        }).Apply(credentials => Encoding.UTF8.GetString(Convert.FromBase64String(credentials.Kubeconfigs[0].Value)));
}
