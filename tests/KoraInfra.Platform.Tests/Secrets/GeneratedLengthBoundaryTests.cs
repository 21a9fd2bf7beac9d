using KoraInfra.Platform.Secrets;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>A value the program generates is at least 24 characters; one it does not generate has no such length to judge.</summary>
public sealed class GeneratedLengthBoundaryTests
{
    [Theory]
    [InlineData(24)]
    [InlineData(25)]
    public void A_generated_secret_of_24_characters_or_more_is_accepted(int length)
    {
        var catalogue = SecretCatalogue.Create([Entry(SecretProduction.GeneratedByPulumi, length)]);

        Assert.Equal(length, catalogue.Entries[0].GeneratedLength);
    }

    [Fact]
    public void A_generated_secret_of_23_characters_is_refused_naming_the_length()
    {
        var ex = Assert.Throws<InvalidSecretCatalogueException>(() => SecretCatalogue.Create([Entry(SecretProduction.GeneratedByPulumi, 23)]));

        Assert.Equal("secret 'redis-access-key': generated with 23 characters; expected at least 24", Assert.Single(ex.Problems));
    }

    [Theory]
    [InlineData(SecretProduction.IssuedByAzure)]
    [InlineData(SecretProduction.ProvidedByOperator)]
    public void A_secret_the_program_does_not_generate_is_not_judged_by_length(SecretProduction production)
    {
        var catalogue = SecretCatalogue.Create([Entry(production, 8)]);

        Assert.Single(catalogue.Entries);
    }

    private static SecretDefinition Entry(SecretProduction production, int length) =>
        new("redis-access-key", "redis", "test entry", [Workload.N8n], RotationPolicy.Every(90), production, "text/plain; kind=access-key") { GeneratedLength = length };
}
