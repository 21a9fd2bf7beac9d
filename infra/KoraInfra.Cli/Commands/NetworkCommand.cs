using System.CommandLine;
using KoraInfra.Cli.Commands.Network;

namespace KoraInfra.Cli.Commands;

/// <summary><c>kora network plan</c>: the environment's private network as the program will declare it.</summary>
public static class NetworkCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services) => new("network", "The environments' private networks: address plans, subnets, NSGs, private endpoints.")
    {
        NetworkPlanCommand.Create(services),
    };
}
