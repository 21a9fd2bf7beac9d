// One CrossGuard stack policy per KoraInfra rule, each with the rule's id, level and severity
// for this stack, so `pulumi preview --policy-pack policy` reports violations under the same
// ids the reviewer's report and the tests use. One kora evaluation serves every policy.
import { PolicyResource, ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { evaluate, KoraCommand, KoraVerdict, listRules } from "./kora";
import { toKora } from "./resources";

export function koraPolicies(kora: KoraCommand, stack: string): StackValidationPolicy[] {
    let last: { key: string; verdict: Promise<KoraVerdict> } | undefined;
    const verdictFor = (resources: PolicyResource[]): Promise<KoraVerdict> => {
        const request = resources.map(toKora);
        const key = JSON.stringify(request);
        if (last?.key !== key) {
            last = { key, verdict: evaluate(kora, stack, request) };
        }
        return last.verdict;
    };

    return listRules(kora, stack).map(rule => ({
        name: rule.id,
        description: `${rule.title}. ${rule.rationale}`,
        enforcementLevel: rule.level,
        severity: rule.severity,
        validateStack: async (args, reportViolation: ReportViolation) => {
            const verdict = await verdictFor(args.resources);
            for (const violation of verdict.violations.filter(v => v.ruleId === rule.id)) {
                reportViolation(`${rule.id}: ${violation.message}`, violation.urn ?? undefined);
            }
            for (const error of verdict.errors.filter(e => e.ruleId === rule.id)) {
                // A rule that could not be evaluated proved nothing: report it rather than pass silently.
                reportViolation(`${rule.id} could not be evaluated: ${error.message}`);
            }
        },
    }));
}
