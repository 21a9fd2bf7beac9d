using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// Each kind of value a key takes (text, whole number, choice, mapping, list of mappings, list of
/// text, tags, secret) given in the wrong shape or just outside its bounds, one change to a
/// committed stack file at a time: exactly one problem, in exactly these words.
/// </summary>
public sealed class SettingValueShapeTests
{
    private static string[] Problems(string stack, string find, string replacement)
    {
        var text = File.ReadAllText(Repository.StackFile(stack));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' must occur once in Pulumi.{stack}.yaml");
        var changed = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
        return StackSettingsBinder.Bind(StackFileReader.Read($"Pulumi.{stack}.yaml", changed)).Problems
            .Select(p => $"{p.Key} | {p.Found} | {p.Expected}").ToArray();
    }

    [Theory]
    // Whole numbers: each bound of nodeCount and maxNodeCount, at it and one beyond it.
    [InlineData("staging", "nodeCount: 2\n", "nodeCount: 2\n", null)]
    [InlineData("staging", "nodeCount: 2\n    maxNodeCount: 5", "nodeCount: 50\n    maxNodeCount: 100", null)]
    [InlineData("staging", "nodeCount: 2\n    maxNodeCount: 5", "nodeCount: 51\n    maxNodeCount: 100", "kora-infra:cluster.nodeCount | 51, which is out of range | a whole number from 2 to 50")]
    [InlineData("staging", "maxNodeCount: 5", "maxNodeCount: 101", "kora-infra:cluster.maxNodeCount | 101, which is out of range | a whole number from 2 to 100")]
    [InlineData("staging", "maxNodeCount: 5", "maxNodeCount: 1", "kora-infra:cluster.maxNodeCount | 1, which is out of range | a whole number from 2 to 100")]
    [InlineData("staging", "maxNodeCount: 5", "maxNodeCount: 2", null)]
    [InlineData("staging", "maxNodeCount: 5", "maxNodeCount: +5", null)]
    [InlineData("staging", "maxNodeCount: 5", "maxNodeCount: -5", "kora-infra:cluster.maxNodeCount | -5, which is out of range | a whole number from 2 to 100")]
    [InlineData("staging", "maxNodeCount: 5", "maxNodeCount: 5.0", "kora-infra:cluster.maxNodeCount | '5.0', which is not a whole number | a whole number from 2 to 100")]
    [InlineData("staging", "maxNodeCount: 5", "maxNodeCount: [5]", "kora-infra:cluster.maxNodeCount | a list | a whole number from 2 to 100")]
    [InlineData("staging", "maxNodeCount: 5", "maxNodeCount:", "kora-infra:cluster.maxNodeCount | '', which is not a whole number | a whole number from 2 to 100")]
    [InlineData("dev", "nodeCount: 1\n    maxNodeCount: 3", "nodeCount: 3\n    maxNodeCount: 3", null)]
    [InlineData("dev", "nodeCount: 1\n    maxNodeCount: 3", "nodeCount: 0\n    maxNodeCount: 3", "kora-infra:cluster.nodeCount | 0, which is out of range | a whole number from 1 to 50")]
    // Text: a mapping, an empty value, a value that does not fit.
    [InlineData("dev", "kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: {a: b}", "kora-infra:namingPrefix | a mapping | 2-8 lowercase letters or digits, starting with a letter")]
    [InlineData("dev", "kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: \"\"", "kora-infra:namingPrefix | a empty value | 2-8 lowercase letters or digits, starting with a letter")]
    [InlineData("dev", "kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: k", "kora-infra:namingPrefix | 'k' | 2-8 lowercase letters or digits, starting with a letter")]
    [InlineData("dev", "kora-infra:namingPrefix: kora", "kora-infra:namingPrefix: 1kora", "kora-infra:namingPrefix | '1kora' | 2-8 lowercase letters or digits, starting with a letter")]
    // A secret that does not fit is never echoed.
    [InlineData("dev", "kora-infra:namingPrefix: kora", "kora-infra:namingPrefix:\n    secure: v1:AAAAciphertext", "kora-infra:namingPrefix | a value that does not fit | 2-8 lowercase letters or digits, starting with a letter")]
    // A choice names every allowed value.
    [InlineData("dev", "kora-infra:sizingTier: small", "kora-infra:sizingTier: Small", "kora-infra:sizingTier | 'Small' | one of 'small', 'medium', 'large'")]
    [InlineData("staging", "kora-infra:sizingTier: medium", "kora-infra:sizingTier: large", null)]
    [InlineData("staging", "kora-infra:sizingTier: medium", "kora-infra:sizingTier: small", "kora-infra:sizingTier | 'small', smaller than staging allows | 'medium' or larger")]
    // A mapping given as a list.
    [InlineData("dev", "  kora-infra:workloads:\n    # A version tag is allowed in dev only.\n    n8nImage: n8nio/n8n:2.19.5\n    n8nHost: n8n.dev.koraos.example.com\n", "  kora-infra:workloads: [a]\n", "kora-infra:workloads | a list | a mapping of named values")]
    // A list of mappings given as a mapping, and an item that is not a mapping.
    [InlineData("dev", "    receivers:\n", "    receivers: {}\n    oldReceivers:\n", "kora-infra:alerting.receivers | a mapping | a list of mappings\nkora-infra:alerting.oldReceivers | an unknown key | one of 'kora-infra:alerting.receivers'")]
    [InlineData("dev", "    receivers:\n", "    receivers:\n      - just-a-name\n", "kora-infra:alerting.receivers[0] | a plain value | a mapping")]
    // A tag that is not text, an empty tag value, and tag names at their limits.
    [InlineData("dev", "cost-center: koraos-engineering", "cost-center: [koraos-engineering]", "kora-infra:tags.cost-center | a list | a plain text value\nkora-infra:tags.cost-center | no value (the tag is missing) | every stack sets environment, owner, data-classification, cost-center")]
    [InlineData("dev", "cost-center: koraos-engineering", "cost-center: \"\"", "kora-infra:tags.cost-center | a value of 0 characters | 1-256 characters (Azure's limit)")]
    [InlineData("dev", "cost-center: koraos-engineering", "cost-center: koraos-engineering\n    Team: kora", "kora-infra:tags.Team | tag name 'Team' | 1-64 lowercase letters, digits or hyphens")]
    [InlineData("dev", "cost-center: koraos-engineering", "cost-center: koraos-engineering\n    -team: kora", "kora-infra:tags.-team | tag name '-team' | 1-64 lowercase letters, digits or hyphens")]
    [InlineData("dev", "environment: dev\n    owner", "environment: staging\n    owner", "kora-infra:tags.environment | 'staging' | 'dev'")]
    [InlineData("staging", "owner: devops", "owner: qa", null)]
    [InlineData("staging", "data-classification: masked", "data-classification: confidential", "kora-infra:tags.data-classification | 'confidential' | 'masked': staging holds masked + synthetic data with deterministic reset")]
    // Dev is paged too, but needs no management step.
    [InlineData("dev", "      - name: dev-devops\n        level: devops", "      - name: dev-devops\n        level: management", "kora-infra:alerting | 1 receiver(s) at levels superadmin and devops | at least two, so that every critical alert reaches two receivers (redundant notification)")]
    [InlineData("dev", "        level: devops", "        level: DevOps", "kora-infra:alerting.receivers[1].level | 'DevOps' | one of 'superadmin', 'devops', 'management'")]
    [InlineData("dev", "        channel: webhook\n        urlSecretName: alert-devops-webhook-url", "        channel: pager\n        urlSecretName: alert-devops-webhook-url", "kora-infra:alerting.receivers[1].channel | 'pager' | one of 'webhook', 'email'")]
    [InlineData("dev", "urlSecretName: alert-devops-webhook-url", "urlSecretName: alert_devops", "kora-infra:alerting.receivers[1].urlSecretName | 'alert_devops' | the name of the Key Vault secret that holds the webhook URL (1-127 letters, digits or hyphens)")]
    [InlineData("dev", "urlSecretName: alert-devops-webhook-url", "urlSecretName: alert-devops-webhook-url\n        address: devops@example.com", "kora-infra:alerting.receivers[1].address | an unknown key | one of 'kora-infra:alerting.receivers[1].name', 'kora-infra:alerting.receivers[1].level', 'kora-infra:alerting.receivers[1].channel', 'kora-infra:alerting.receivers[1].urlSecretName'")]
    [InlineData("dev", "- name: dev-devops", "- name: d", "kora-infra:alerting.receivers[1].name | 'd' | 2-40 lowercase letters, digits or hyphens")]
    [InlineData("dev", "  kora-infra:alerting:\n    receivers:\n", "  kora-infra:alerting:\n    pagers: []\n    receivers:\n", "kora-infra:alerting.pagers | an unknown key | one of 'kora-infra:alerting.receivers'")]
    public void A_value_in_the_wrong_shape_is_one_problem_in_these_words(string stack, string find, string replacement, string? problem)
    {
        Assert.Equal(problem is null ? [] : problem.Split('\n'), Problems(stack, find, replacement));
    }

    [Fact]
    public void An_email_receiver_needs_an_address_and_refuses_a_webhook_secret()
    {
        var problems = Problems("dev", "channel: webhook\n        urlSecretName: alert-devops-webhook-url", "channel: email\n        urlSecretName: alert-devops-webhook-url");

        Assert.Equal(
            [
                "kora-infra:alerting.receivers[1].address | no value (the key is missing) | an e-mail address such as 'devops-oncall@example.com'",
                "kora-infra:alerting.receivers[1].urlSecretName | an unknown key | one of 'kora-infra:alerting.receivers[1].name', 'kora-infra:alerting.receivers[1].level', 'kora-infra:alerting.receivers[1].channel', 'kora-infra:alerting.receivers[1].address'",
            ],
            problems);
    }

    [Fact]
    public void Tags_stop_at_the_fifty_azure_allows_counting_koraInfras_own()
    {
        string WithExtraTags(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"\n    extra-{i:00}: x"));

        Assert.Empty(Problems("dev", "cost-center: koraos-engineering", "cost-center: koraos-engineering" + WithExtraTags(44)));
        Assert.Equal(
            ["kora-infra:tags | 49 tags | at most 48 (Azure allows 50 per resource, 2 are KoraInfra's)"],
            Problems("dev", "cost-center: koraos-engineering", "cost-center: koraos-engineering" + WithExtraTags(45)));
    }

    [Fact]
    public void A_tag_value_may_hold_256_characters_not_257()
    {
        Assert.Empty(Problems("dev", "cost-center: koraos-engineering", "cost-center: " + new string('c', 256)));
        Assert.Equal(
            ["kora-infra:tags.cost-center | a value of 257 characters | 1-256 characters (Azure's limit)"],
            Problems("dev", "cost-center: koraos-engineering", "cost-center: " + new string('c', 257)));
    }

    [Fact]
    public void A_tag_name_may_hold_64_characters_not_65()
    {
        Assert.Empty(Problems("dev", "cost-center: koraos-engineering", "cost-center: koraos-engineering\n    " + new string('t', 64) + ": x"));
        Assert.Equal(
            [$"kora-infra:tags.{new string('t', 65)} | tag name '{new string('t', 65)}' | 1-64 lowercase letters, digits or hyphens"],
            Problems("dev", "cost-center: koraos-engineering", "cost-center: koraos-engineering\n    " + new string('t', 65) + ": x"));
    }

    [Fact]
    public void A_missing_tag_and_a_wrong_one_are_both_reported()
    {
        Assert.Equal(
            [
                "kora-infra:tags.owner | no value (the tag is missing) | every stack sets environment, owner, data-classification, cost-center",
                "kora-infra:tags.environment | 'prod' | 'dev'",
            ],
            Problems("dev", "    environment: dev\n    owner: engineering\n", "    environment: prod\n"));
    }

    [Fact]
    public void A_kubeconfig_beside_an_unreadable_cluster_section_is_not_judged_again()
    {
        Assert.Equal(
            ["kora-infra:cluster | a plain value | a mapping of named values"],
            Problems("dev", "  kora-infra:cluster:\n    mode: managed\n    kubernetesVersion: \"1.31\"\n    nodeCount: 1\n    maxNodeCount: 3\n", "  kora-infra:cluster: managed\n  kora-infra:kubeconfig:\n    secure: v1:AAAA\n"));
    }

    [Fact]
    public void A_cluster_without_a_mode_names_the_mode_and_not_its_other_keys()
    {
        Assert.Equal(
            ["kora-infra:cluster.mode | no value (the key is missing) | one of 'managed', 'existing'"],
            Problems("dev", "    mode: managed\n", string.Empty));
    }
}
