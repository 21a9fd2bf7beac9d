using KoraInfra;
using KoraInfra.OfflinePlan;

// `plan` runs the program offline under mocks (see OfflinePlan/PlanCommand.cs); anything else
// is a real deployment driven by the Pulumi engine.
if (args is ["plan", ..])
{
    return await PlanCommand.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false);
}

return await Pulumi.Deployment.RunAsync<KoraStack>().ConfigureAwait(false);
