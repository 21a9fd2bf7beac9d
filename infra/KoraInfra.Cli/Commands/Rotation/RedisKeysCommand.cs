using System.CommandLine;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands.Rotation;

/// <summary>
/// <c>kora rotation redis-keys</c>: the rotation run's Redis step, before its <c>up</c>. It reads the
/// vault's current <c>redis-access-key</c> and the cache's keys, and regenerates at most one key:
/// the one this version moves consumers to (nobody holds it yet), or, once the overlap is over, the
/// one they held before. The <c>up</c> that follows writes the plan's key to the vault and restarts
/// the consumers with it. No key value is printed.
/// </summary>
internal static class RedisKeysCommand
{
    /// <summary>The environment variable the subscription is read from when <c>--subscription</c> is not given.</summary>
    public const string SubscriptionVariable = "AZURE_SUBSCRIPTION_ID";

    public static Command Create(KoraServices services)
    {
        var stack = new Option<string>("--stack") { Description = "The stack: dev, staging or prod.", Required = true };
        var subscription = new Option<string?>("--subscription") { Description = $"The Azure subscription id of the stack (default: ${SubscriptionVariable})." };
        var endOverlap = new Option<bool>("--end-overlap") { Description = "Regenerate the previous key now, before the 24-hour overlap ends (an emergency, once every consumer restarted with the new key)." };
        var dir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var command = new Command("redis-keys", "Before the rotation run's up: regenerate the Redis key consumers move to, or the one they left once the overlap is over.")
        {
            stack, subscription, endOverlap, dir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(stack)!;
            var settings = Settings(name, parse.GetValue(dir));
            var output = parse.InvocationConfiguration.Output;
            var plan = SecretsPlan.For(settings, services.Time);
            if (RedisKeyRotationPlan.For(plan, settings) is not { } rotation)
            {
                output.WriteLine($"ok: {name}'s queue is an in-cluster Redis on an existing cluster; it has no Azure key to rotate");
                return ExitCodes.Ok;
            }

            var id = parse.GetValue(subscription) ?? Environment.GetEnvironmentVariable(SubscriptionVariable);
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new UsageException($"the Azure subscription of {name} is not given; expected --subscription <id> or ${SubscriptionVariable}");
            }

            var cache = services.Azure.Cache(id, settings.Names.Name(ResourceKind.ResourceGroup), rotation.Cache);
            var vault = services.Azure.Vault(new Uri(plan.Vault.Uri));
            var step = await RedisKeyRotator.RunAsync(rotation, cache, vault, services.Time.GetUtcNow(), parse.GetValue(endOverlap), cancellationToken).ConfigureAwait(false);
            output.WriteLine(step.Action switch
            {
                RedisKeyAction.RegenerateStandby or RedisKeyAction.RegeneratePrevious => $"regenerated  {step.Key!.Value.Label()} key of {rotation.Cache}: {step.Reason}",
                RedisKeyAction.Refuse => $"refused: {step.Reason}",
                _ => $"ok: {step.Reason}",
            });
            return step.Action == RedisKeyAction.Refuse ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static StackSettings Settings(string stack, string? projectDir)
    {
        if (!StackNames.TryParse(stack, out _))
        {
            throw new UsageException($"unknown stack '{stack}'; expected dev, staging or prod");
        }

        var file = Path.Combine(ProjectDirectory.Resolve(projectDir), StackFiles.FileName(stack));
        if (!File.Exists(file))
        {
            throw new UsageException($"stack file '{file}' does not exist; the Redis rotation of {stack} is read from it");
        }

        var result = StackFiles.Validate(file);
        return result.IsValid
            ? result.Require()
            : throw new UsageException($"{StackFiles.FileName(stack)} is invalid; run 'kora validate --stack {stack}': " + string.Join("; ", result.Problems));
    }
}
