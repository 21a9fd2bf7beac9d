using System.Globalization;
using Bogus;

namespace KoraInfra.Platform.Database.Seed;

/// <summary>
/// Generates synthetic tenant data with Bogus from a fixed seed: the same seed, size and mode give
/// the same rows, down to the byte. Nothing reads the clock or a shared random source: dates are
/// offsets from <see cref="ReferenceDate"/> and every value comes from one seeded randomizer.
/// </summary>
public static class SyntheticDataGenerator
{
    /// <summary>The fixed "now" every generated date is relative to.</summary>
    public static DateTimeOffset ReferenceDate { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] FlowStatuses = ["draft", "active", "paused", "archived"];
    private static readonly string[] ExecutionStatuses = ["queued", "running", "succeeded", "failed", "cancelled"];

    /// <summary>Generates the dataset.</summary>
    public static SyntheticDataset Generate(int seed, SeedSize size, SeedMode mode)
    {
        ArgumentNullException.ThrowIfNull(size);
        size.Validate();

        var faker = new Faker("pt_BR") { Random = new Randomizer(seed) };
        var tenants = new List<SeedTenant>();
        var contacts = new List<SeedContact>();
        var flows = new List<SeedFlow>();
        var executions = new List<SeedFlowExecution>();

        for (var t = 1; t <= size.Tenants; t++)
        {
            var tenant = new SeedTenant(faker.Random.Uuid(), $"tenant-{t:000}", $"{faker.Company.CompanyName()} (synthetic)");
            tenants.Add(tenant);

            for (var c = 1; c <= size.ContactsPerTenant; c++)
            {
                contacts.Add(mode == SeedMode.DevFixtures
                    ? new SeedContact(tenant.Id, faker.Random.Uuid(), faker.Name.FullName(), Phone(faker), $"contact{c:0000}@{tenant.Slug}.example.com", Past(faker, 365))
                    : new SeedContact(tenant.Id, faker.Random.Uuid(), $"Contato {c:0000}", MaskedPhone(faker), $"masked+{faker.Random.AlphaNumeric(10)}@example.invalid", Past(faker, 365)));
            }

            for (var f = 1; f <= size.FlowsPerTenant; f++)
            {
                flows.Add(new SeedFlow(tenant.Id, faker.Random.Uuid(), $"{faker.Hacker.Verb()} {faker.Hacker.Noun()} {f:00}", faker.PickRandom(FlowStatuses), Past(faker, 180)));
            }

            var tenantContacts = contacts.Where(x => x.TenantId == tenant.Id).ToList();
            var tenantFlows = flows.Where(x => x.TenantId == tenant.Id).ToList();
            for (var e = 0; e < size.ExecutionsPerTenant; e++)
            {
                executions.Add(new SeedFlowExecution(
                    tenant.Id,
                    faker.Random.Uuid(),
                    faker.Random.Uuid(),
                    faker.PickRandom(tenantContacts).Id,
                    faker.PickRandom(tenantFlows).Id,
                    faker.PickRandom(ExecutionStatuses),
                    Past(faker, 30)));
            }
        }

        return new SyntheticDataset(tenants, contacts, flows, executions);
    }

    // Whole seconds: what PostgreSQL stores is exactly what was generated.
    private static DateTimeOffset Past(Faker faker, int days) =>
        ReferenceDate.AddSeconds(-faker.Random.Int(0, days * 24 * 3600));

    private static string Phone(Faker faker) =>
        string.Create(CultureInfo.InvariantCulture, $"+55 {faker.Random.Int(11, 99)} 9{faker.Random.Int(1000, 9999)}-{faker.Random.Int(1000, 9999)}");

    private static string MaskedPhone(Faker faker) =>
        string.Create(CultureInfo.InvariantCulture, $"+55 {faker.Random.Int(11, 99)} 9****-{faker.Random.Int(1000, 9999)}");
}
