// Pulumi deployments are process-wide (Deployment.Instance, PULUMI_CONFIG): test runs must be serial.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
