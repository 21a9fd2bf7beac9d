using KoraInfra.Platform.Release.Gates;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// Each gate's conditions, in order, with the release plan's words for each requirement, and what
/// each one names as missing when its evidence is absent: the report is what the reviewer and the
/// pipeline read, so a condition that drops out, is renamed or loses the plan's wording fails here.
/// </summary>
public sealed class GateWordingTests
{
    [Fact]
    public void The_staging_gate_judges_the_plans_conditions_in_order()
    {
        var report = StagingDeployGate.Evaluate(Staging(), StagingContext());

        Assert.Equal(
        [
            ("merged-to-main", "merge em `main`"),
            ("required-check.lint", "required-check: Lint"),
            ("required-check.unit-integration", "required-check: Unit/Integration"),
            ("required-check.smoke-runtime", "required-check: Smoke runtime"),
            ("required-check.security-checks", "required-check: Security checks"),
            ("approval.devops-on-call", "aprovacao: devops on-call"),
            ("distinct-approvers", "cada papel aprovado por uma pessoa distinta"),
            ("artifact-by-commit", "build de artefato imutavel por commit SHA (imagens por digest)"),
            ("no-compromised-credential-pending", "credencial comprometida bloqueia promocao de release ate substituicao comprovada"),
            ("version-unclaimed", "versoes: build de main sem versao; RC apenas pelo gate de RC; GA apenas pelo gate de prod; uma vez cada"),
        ],
        Requirements(report));
    }

    [Fact]
    public void The_rc_gate_judges_the_plans_conditions_in_order()
    {
        var report = RcPromotionGate.Evaluate(Rc(), Context());

        Assert.Equal(
        [
            ("rc-tag", "release candidate marcada por tag"),
            ("staging-stable", "staging estavel"),
            ("load-approved", "carga aprovada"),
            ("soak-approved", "soak aprovado"),
            ("fault-injection-approved", "fault injection aprovado"),
            ("migration-and-rollback", "staging: migracao+rollback"),
            ("approval.qa", "aprovacao: qa + architect + devops"),
            ("approval.architect", "aprovacao: qa + architect + devops"),
            ("approval.devops", "aprovacao: qa + architect + devops"),
            ("distinct-approvers", "cada papel aprovado por uma pessoa distinta"),
            ("rc-scorecard", "scorecard RC"),
            ("rtm-p0-complete", "RTM P0 (RF/RNF -> US -> TC -> evidencia) atualizada e validada"),
            ("no-open-critical-finding", "sem finding critico aberto"),
            ("artifact-by-commit", "build de artefato imutavel por commit SHA (imagens por digest)"),
            ("runbook-evidence-linked", "vinculo entre evidencias de runbook e release candidate"),
            ("ran-in-staging", "RC de artefato que rodou em staging (mesmo commit, mesmas imagens por digest)"),
            ("no-compromised-credential-pending", "credencial comprometida bloqueia promocao de release ate substituicao comprovada"),
            ("version-unclaimed", "versoes: build de main sem versao; RC apenas pelo gate de RC; GA apenas pelo gate de prod; uma vez cada"),
        ],
        Requirements(report));
    }

    [Fact]
    public void The_prod_gate_judges_the_plans_conditions_in_order()
    {
        using var key = NewKey();
        var approvedRc = ApprovedRc(key);

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, ProdContext(approvedRc));

        Assert.Equal(
        [
            ("ga-tag", "tag GA; proibido deploy direto de branch"),
            ("from-approved-rc", "a partir de RC aprovada (qa + architect + devops, scorecard RC, RTM P0 completa, sem finding critico)"),
            ("go-no-go.po", "po + pm + devops + qa (go/no-go formal)"),
            ("go-no-go.pm", "po + pm + devops + qa (go/no-go formal)"),
            ("go-no-go.devops", "po + pm + devops + qa (go/no-go formal)"),
            ("go-no-go.qa", "po + pm + devops + qa (go/no-go formal)"),
            ("distinct-approvers", "cada papel aprovado por uma pessoa distinta"),
            ("validated-artifact", "apenas promocao de artefato ja validado (mesmo commit, mesmas imagens por digest; sem rebuild)"),
            ("no-compromised-credential-pending", "credencial comprometida bloqueia promocao de release ate substituicao comprovada"),
            ("restore-drill-within-rpo-rto", "restore drill dentro de RPO/RTO"),
            ("no-open-critical-finding", "sem finding critico aberto"),
            ("latest-stable-rc", "GA apenas da ultima RC estavel (nao recusada, nao revertida, nao substituida)"),
            ("version-unclaimed", "versoes: build de main sem versao; RC apenas pelo gate de RC; GA apenas pelo gate de prod; uma vez cada"),
        ],
        Requirements(report));
    }

    [Fact]
    public void Staging_without_evidence_names_each_missing_report()
    {
        var report = StagingDeployGate.Evaluate(Staging() with { Evidence = [] }, StagingContext());

        Assert.Equal(
        [
            ("required-check.lint", "evidence 'lint': the lint report attached to the CI job"),
            ("required-check.unit-integration", "evidence 'unit-integration': the automated test report (O1/O2/O3 + runtime)"),
            ("required-check.smoke-runtime", "evidence 'smoke-runtime': the `npm run smoke:runtime` run with health/list/execute PASS"),
            ("required-check.security-checks", "evidence 'security-checks': the OWASP/authz/RLS checklist + dependency and secret scan"),
        ],
        Missing(report));
    }

    [Fact]
    public void An_rc_without_evidence_approvals_or_records_names_each_missing_one()
    {
        var report = RcPromotionGate.Evaluate(Rc() with { Evidence = [], Approvals = [] }, Context(records: Offered()));

        Assert.Equal(
        [
            ("staging-stable", "evidence 'staging-stable': staging stable over the release window"),
            ("load-approved", "a signed 'load' evidence record bound to this release in the test's records (none found)"),
            ("soak-approved", "a signed 'soak' evidence record bound to this release in the test's records (none found)"),
            ("fault-injection-approved", "experiment 'n8n-worker-pod-kill': a signed 'fault-injection' evidence record bound to this release in the test's records (none found) | experiment 'redis-partition': a signed 'fault-injection' evidence record bound to this release in the test's records (none found)"),
            ("migration-and-rollback", "evidence 'migration-and-rollback': the migration applied and rolled back in staging"),
            ("approval.qa", "an approval by role 'qa' (who and when)"),
            ("approval.architect", "an approval by role 'architect' (who and when)"),
            ("approval.devops", "an approval by role 'devops' (who and when)"),
            ("runbook-evidence-linked", "evidence 'runbook': runbook evidence tied to this release candidate"),
        ],
        Missing(report));
    }

    [Fact]
    public void Prod_without_the_rc_manifest_approvals_or_records_names_each_missing_one()
    {
        var report = ProdDeployGate.Evaluate(Prod() with { Approvals = [] }, null, Context(records: Offered()));

        Assert.Equal(
        [
            ("from-approved-rc", "the signed manifest of the approved RC v1.4.0-rc.2"),
            ("go-no-go.po", "an approval by role 'po' (who and when)"),
            ("go-no-go.pm", "an approval by role 'pm' (who and when)"),
            ("go-no-go.devops", "an approval by role 'devops' (who and when)"),
            ("go-no-go.qa", "an approval by role 'qa' (who and when)"),
            ("validated-artifact", "the approved RC's manifest to compare the artifact with"),
            ("restore-drill-within-rpo-rto", "a signed 'restore-drill' evidence record bound to this release in the test's records (none found)"),
            ("latest-stable-rc", "an RC the 'promote-rc' gate admitted: the audit log records no promotion of v1.4.0-rc.2"),
        ],
        Missing(report));
    }

    [Fact]
    public void A_condition_reads_pass_or_fail_with_its_id_requirement_and_what_is_missing()
    {
        Assert.Equal("PASS  rc-tag: release candidate marcada por tag", new GateCondition("rc-tag", "release candidate marcada por tag", true, null).ToString());
        Assert.Equal("FAIL  rc-tag: release candidate marcada por tag -- missing: a version", new GateCondition("rc-tag", "release candidate marcada por tag", false, "a version").ToString());
    }

    private static List<(string Id, string Requirement)> Requirements(GateReport report) =>
        report.Conditions.Select(c => (c.Id, c.Requirement)).ToList();

    private static List<(string Id, string? Missing)> Missing(GateReport report) =>
        report.Failures.Select(c => (c.Id, c.Missing)).ToList();
}
