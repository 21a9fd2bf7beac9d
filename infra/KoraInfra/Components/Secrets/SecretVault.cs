using KoraInfra.Platform.Secrets;
using Pulumi;
using Pulumi.AzureNative.KeyVault;
using Pulumi.AzureNative.KeyVault.Inputs;
using Pulumi.AzureNative.Monitor;
using Pulumi.AzureNative.Monitor.Inputs;
using Pulumi.Random;
using Authorization = Pulumi.AzureNative.Authorization;
using ManagedIdentity = Pulumi.AzureNative.ManagedIdentity;

namespace KoraInfra.Components.Secrets;

/// <summary>
/// The environment's Key Vault, hardened as Platform decided; every catalogue secret with its
/// content type and expiry; generated values that rotate when their keepers change; the stack
/// secrets key with its rotation policy; the audit log to Log Analytics; one identity per
/// workload; and exactly the role assignments of the access plan.
/// </summary>
public sealed class SecretVault : ComponentResource
{
    // Written where no value exists yet; an operator (or the issuing component) replaces it, and
    // the program never writes over the replacement.
    private const string AwaitingValue = "awaiting-value: set by its producer";

    /// <summary>Declares the vault and everything in it.</summary>
    public SecretVault(string name, SecretVaultArgs args, ComponentResourceOptions? options = null)
        : base("kora:secrets:SecretVault", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var tags = Tagging.ToInput(args.Tags);
        var client = Authorization.GetClientConfig.Invoke();

        var vault = new Vault("vault", new VaultArgs
        {
            VaultName = plan.Vault.Name,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = tags,
            Properties = VaultProperties(plan.Vault, client.Apply(c => c.TenantId)),
        }, new CustomResourceOptions { Parent = this });

        _ = new DiagnosticSetting("vault-audit", new DiagnosticSettingArgs
        {
            Name = plan.Vault.DiagnosticSettingName,
            ResourceUri = vault.Id,
            WorkspaceId = args.LogWorkspaceId,
            Logs = plan.Vault.AuditLogCategories.Select(c => new DiagnosticsLogSettingsArgs { Category = c, Enabled = true }).ToArray(),
        }, new CustomResourceOptions { Parent = this });

        _ = DeclareStackSecretsKey(plan.StackKey, vault, args.ResourceGroupName, tags);

        var values = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        var secretIds = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (var planned in plan.Secrets)
        {
            var value = ValueOf(planned, args.IssuedSecretValues);
            if (value is not null)
            {
                values[planned.Name] = value;
            }

            secretIds[planned.Name] = DeclareSecret(planned, value, vault, args.ResourceGroupName, tags).Id;
        }

        var principals = new Dictionary<Workload, Input<string>>();
        var clientIds = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (var identity in plan.Identities)
        {
            if (identity.DeclaredByFoundation)
            {
                principals[identity.Workload] = args.PlatformRuntimePrincipalId;
                continue;
            }

            var declared = new ManagedIdentity.UserAssignedIdentity($"identity-{WorkloadNames.Segment(identity.Workload)}", new ManagedIdentity.UserAssignedIdentityArgs
            {
                ResourceName = identity.ResourceName,
                ResourceGroupName = args.ResourceGroupName,
                Location = args.Location,
                Tags = tags,
            }, new CustomResourceOptions { Parent = this });
            principals[identity.Workload] = declared.PrincipalId;
            clientIds[WorkloadNames.Segment(identity.Workload)] = declared.ClientId;
        }

        foreach (var grant in plan.Grants)
        {
            _ = new Authorization.RoleAssignment($"grant-{grant.LogicalName}", new Authorization.RoleAssignmentArgs
            {
                PrincipalId = grant.Grantee.Kind == GranteeKind.Group ? grant.Grantee.GroupObjectId!.Value.ToString("D") : principals[grant.Grantee.Workload!.Value],
                PrincipalType = grant.Grantee.Kind == GranteeKind.Group ? Authorization.PrincipalType.Group : Authorization.PrincipalType.ServicePrincipal,
                RoleDefinitionId = client.Apply(c => grant.Role.DefinitionResourceId(c.SubscriptionId)),
                Scope = grant.SecretName is { } secret ? secretIds[secret] : vault.Id,
                Description = $"{grant.Role.Name} for {grant.Grantee.Name} (KoraInfra access plan)",
            }, new CustomResourceOptions { Parent = this });
        }

        VaultName = vault.Name;
        VaultId = vault.Id;
        VaultUri = Output.Create(plan.Vault.Uri);
        SecretValues = values;
        WorkloadClientIds = clientIds;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vaultName"] = VaultName,
            ["vaultId"] = VaultId,
            ["vaultUri"] = VaultUri,
        });
    }

    /// <summary>The vault's name.</summary>
    public Output<string> VaultName { get; }

    /// <summary>The vault's resource id.</summary>
    public Output<string> VaultId { get; }

    /// <summary>The vault's data-plane address.</summary>
    public Output<string> VaultUri { get; }

    /// <summary>
    /// The current value of every secret the program writes, by catalogue name, each marked
    /// secret: consumers declared in the same <c>up</c> (the database roles, n8n) receive a rotated
    /// value in that same <c>up</c>.
    /// </summary>
    public IReadOnlyDictionary<string, Output<string>> SecretValues { get; }

    /// <summary>The client ids of the identities this component declares, by workload segment (for workload identity).</summary>
    public IReadOnlyDictionary<string, Output<string>> WorkloadClientIds { get; }

    private static VaultPropertiesArgs VaultProperties(VaultPlan plan, Output<string> tenantId) => new()
    {
        TenantId = tenantId,
        Sku = new SkuArgs
        {
            Family = SkuFamily.A,
            Name = plan.Sku == VaultSku.Premium ? SkuName.Premium : SkuName.Standard,
        },
        EnableRbacAuthorization = plan.RbacAuthorization,
        EnableSoftDelete = plan.SoftDelete,
        SoftDeleteRetentionInDays = plan.SoftDeleteRetentionDays,
        EnablePurgeProtection = plan.PurgeProtectionInput.HasValue ? (Input<bool>)plan.PurgeProtectionInput.Value : null,
        PublicNetworkAccess = plan.PublicNetworkAccessValue,
        NetworkAcls = new NetworkRuleSetArgs
        {
            DefaultAction = plan.DefaultAction == NetworkDefaultAction.Deny ? NetworkRuleAction.Deny : NetworkRuleAction.Allow,
            Bypass = plan.BypassAzureServices ? NetworkRuleBypassOptions.AzureServices : NetworkRuleBypassOptions.None,
        },
        EnabledForDeployment = false,
        EnabledForDiskEncryption = false,
        EnabledForTemplateDeployment = false,
    };

    private Key DeclareStackSecretsKey(KeyRotationPlan key, Vault vault, Input<string> resourceGroupName, Dictionary<string, string> tags)
    {
        var properties = new KeyPropertiesArgs
        {
            Kty = key.KeyType,
            KeySize = key.KeySize,
            RotationPolicy = new RotationPolicyArgs
            {
                Attributes = new KeyRotationPolicyAttributesArgs { ExpiryTime = key.ExpiryTime },
                LifetimeActions =
                {
                    new LifetimeActionArgs
                    {
                        Action = new ActionArgs
                        {
                            Type = key.Action == KeyLifetimeAction.Rotate ? KeyRotationPolicyActionType.Rotate : KeyRotationPolicyActionType.Notify,
                        },
                        Trigger = new TriggerArgs { TimeBeforeExpiry = key.TimeBeforeExpiry },
                    },
                },
            },
        };
        foreach (var operation in key.Operations)
        {
            properties.KeyOps.Add(operation);
        }

        return new Key("stack-secrets-key", new KeyArgs
        {
            KeyName = key.Name,
            VaultName = vault.Name,
            ResourceGroupName = resourceGroupName,
            Tags = tags,
            Properties = properties,
        }, new CustomResourceOptions { Parent = this });
    }

    private Output<string>? ValueOf(PlannedSecret planned, IReadOnlyDictionary<string, Output<string>> issued)
    {
        switch (planned.Definition.Production)
        {
            case SecretProduction.GeneratedByPulumi:
                var passwordArgs = new RandomPasswordArgs
                {
                    Length = planned.Definition.GeneratedLength,

                    // Letters and digits only: values end up in connection strings and URLs;
                    // the length carries the entropy.
                    Special = false,
                };
                if (planned.Definition.MinimumOfEachCharacterClass > 0)
                {
                    // Set only for passwords: the n8n key's generator must keep its inputs, or it is replaced.
                    passwordArgs.MinUpper = planned.Definition.MinimumOfEachCharacterClass;
                    passwordArgs.MinLower = planned.Definition.MinimumOfEachCharacterClass;
                    passwordArgs.MinNumeric = planned.Definition.MinimumOfEachCharacterClass;
                }

                if (planned.Keepers.Count > 0)
                {
                    // Set only when there are keepers: an empty map would differ from a generator
                    // that never had any, and replace a value that must be kept.
                    passwordArgs.Keepers = planned.Keepers.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
                }

                var passwordOptions = new CustomResourceOptions { Parent = this };
                if (planned.Definition.FormerGeneratorName is { } former)
                {
                    passwordOptions.Aliases.Add(new Alias { Name = former, NoParent = true });
                }

                var password = new RandomPassword($"value-{planned.Name}", passwordArgs, passwordOptions);

                // The engine marks `result` secret; saying so here keeps it secret everywhere it flows.
                return Output.CreateSecret(password.Result);
            case SecretProduction.IssuedByAzure:
                return issued.TryGetValue(planned.Name, out var value) ? Output.CreateSecret(value) : null;
            default:
                return null;
        }
    }

    private Secret DeclareSecret(PlannedSecret planned, Output<string>? value, Vault vault, Input<string> resourceGroupName, Dictionary<string, string> tags)
    {
        var resourceOptions = new CustomResourceOptions { Parent = this };
        if (value is null)
        {
            // The producer's value must survive every later `up`: the program creates the secret
            // (so role assignments have a scope and the content type is set) and never rewrites it.
            resourceOptions.IgnoreChanges.Add("properties");
        }

        return new Secret($"secret-{planned.Name}", new SecretArgs
        {
            SecretName = planned.Name,
            VaultName = vault.Name,
            ResourceGroupName = resourceGroupName,
            Tags = tags,
            Properties = new SecretPropertiesArgs
            {
                Value = value ?? Output.Create(AwaitingValue),
                ContentType = planned.Definition.ContentType,
                Attributes = new SecretAttributesArgs
                {
                    Enabled = true,
                    Expires = checked((int)planned.ExpiresUnixSeconds),
                },
            },
        }, resourceOptions);
    }
}
