using KoraInfra;

return await Pulumi.Deployment.RunAsync<KoraStack>().ConfigureAwait(false);
