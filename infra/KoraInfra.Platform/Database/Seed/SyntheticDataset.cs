namespace KoraInfra.Platform.Database.Seed;

/// <summary>A tenant row of the registry.</summary>
public sealed record SeedTenant(Guid Id, string Slug, string DisplayName);

/// <summary>A contact of one tenant.</summary>
public sealed record SeedContact(Guid TenantId, Guid Id, string DisplayName, string Phone, string Email, DateTimeOffset CreatedAt);

/// <summary>An automation flow of one tenant.</summary>
public sealed record SeedFlow(Guid TenantId, Guid Id, string Name, string Status, DateTimeOffset CreatedAt);

/// <summary>One execution of a flow for a contact, with the fields the plan's structured logs carry.</summary>
public sealed record SeedFlowExecution(Guid TenantId, Guid Id, Guid CorrelationId, Guid ContactId, Guid FlowId, string Status, DateTimeOffset Ts);

/// <summary>Everything one seed run loads, in load order.</summary>
public sealed record SyntheticDataset(
    IReadOnlyList<SeedTenant> Tenants,
    IReadOnlyList<SeedContact> Contacts,
    IReadOnlyList<SeedFlow> Flows,
    IReadOnlyList<SeedFlowExecution> FlowExecutions);

/// <summary>How much data per tenant.</summary>
/// <param name="Tenants">Number of tenants.</param>
/// <param name="ContactsPerTenant">Contacts per tenant.</param>
/// <param name="FlowsPerTenant">Flows per tenant.</param>
/// <param name="ExecutionsPerTenant">Flow executions per tenant.</param>
public sealed record SeedSize(int Tenants = 3, int ContactsPerTenant = 25, int FlowsPerTenant = 5, int ExecutionsPerTenant = 60)
{
    /// <summary>Throws when a count is outside what a seed should load.</summary>
    public void Validate()
    {
        if (Tenants is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Tenants), Tenants, "tenants must be between 1 and 100");
        }

        if (ContactsPerTenant < 1 || FlowsPerTenant < 1 || ExecutionsPerTenant < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ContactsPerTenant), "each tenant needs at least one contact and one flow");
        }
    }
}
