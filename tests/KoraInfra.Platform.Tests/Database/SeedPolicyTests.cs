using KoraInfra.Platform.Database.Seed;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Tests.Database;

public sealed class SeedPolicyTests
{
    [Fact]
    public void Dev_gets_fixtures_and_staging_gets_masked_data_with_reset()
    {
        Assert.Equal(SeedMode.DevFixtures, SeedPolicy.ModeFor(EnvironmentProfiles.Dev));
        Assert.Equal(SeedMode.StagingMaskedWithReset, SeedPolicy.ModeFor(EnvironmentProfiles.Staging));
    }

    [Fact]
    public void Prod_is_refused_because_it_holds_real_tenant_data()
    {
        var ex = Assert.Throws<SeedRefusedException>(() => SeedPolicy.ModeFor(EnvironmentProfiles.Prod));
        Assert.Contains("prod", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RLS", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("psql-kora-prod-brs.postgres.database.azure.com")]
    [InlineData("PSQL-KORA-PROD-BRS")]
    [InlineData("prod.db.internal")]
    public void A_host_named_like_a_prod_server_is_refused_whatever_the_stack(string host)
    {
        var ex = Assert.Throws<SeedRefusedException>(() => SeedPolicy.EnsureNotProdServer(host));
        Assert.Contains(host, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("psql-kora-staging-brs.postgres.database.azure.com")]
    [InlineData("127.0.0.1")]
    [InlineData("production-like-dev-box")]
    public void Other_hosts_may_be_seeded(string host)
    {
        SeedPolicy.EnsureNotProdServer(host);
    }

    [Fact]
    public void Generation_is_a_pure_function_of_seed_size_and_mode()
    {
        var size = new SeedSize(2, 5, 2, 8);
        var a = SyntheticDataGenerator.Generate(1, size, SeedMode.DevFixtures);
        var b = SyntheticDataGenerator.Generate(1, size, SeedMode.DevFixtures);
        Assert.Equal(a.Tenants, b.Tenants);
        Assert.Equal(a.Contacts, b.Contacts);
        Assert.Equal(a.Flows, b.Flows);
        Assert.Equal(a.FlowExecutions, b.FlowExecutions);
        Assert.All(a.FlowExecutions, e => Assert.True(e.Ts <= SyntheticDataGenerator.ReferenceDate));
    }

    [Fact]
    public void Staging_data_carries_no_unmasked_contact_details()
    {
        var data = SyntheticDataGenerator.Generate(3, new SeedSize(2, 10, 2, 5), SeedMode.StagingMaskedWithReset);
        Assert.All(data.Contacts, c =>
        {
            Assert.Contains("****", c.Phone, StringComparison.Ordinal);
            Assert.EndsWith("@example.invalid", c.Email, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Executions_only_reference_their_own_tenants_contacts_and_flows()
    {
        var data = SyntheticDataGenerator.Generate(9, new SeedSize(3, 4, 2, 10), SeedMode.DevFixtures);
        var contacts = data.Contacts.ToDictionary(c => c.Id, c => c.TenantId);
        var flows = data.Flows.ToDictionary(f => f.Id, f => f.TenantId);
        Assert.All(data.FlowExecutions, e =>
        {
            Assert.Equal(e.TenantId, contacts[e.ContactId]);
            Assert.Equal(e.TenantId, flows[e.FlowId]);
        });
    }
}
