// One CrossGuard policy per KoraInfra rule, each with the rule's id, level and severity for this
// stack, so `pulumi preview --policy-pack policy` reports violations under the same ids the
// reviewer's report and the tests use. A rule that judges one resource is a resource policy:
// the engine asks as each resource is registered, before it is created, and attributes the
// violation to that resource. A rule that needs the stack is a stack policy. One long-lived
// `kora policy serve` answers both, one question per resource and one per stack.
import { Policy, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { KoraCommand, KoraRule, KoraServer, listRules, ServeVerdict } from "./kora";
import { resourceToKora, toKora } from "./resources";

type Report = (message: string, urn?: string) => void;

function reportFor(rule: KoraRule, verdict: ServeVerdict, report: Report): void {
    for (const violation of verdict.violations.filter(v => v.ruleId === rule.id)) {
        // The URN kora names is the resource the engine asked about (validateResource) or the one
        // at fault in the stack (validateStack); the diagnostic carries it either way.
        report(`${rule.id}: ${violation.message}`, violation.urn ?? undefined);
    }
    for (const error of verdict.errors.filter(e => e.ruleId === rule.id)) {
        // A rule that could not be evaluated proved nothing: report it rather than pass silently.
        report(`${rule.id} could not be evaluated: ${error.message}`);
    }
}

export function koraPolicies(kora: KoraCommand, stack: string, server: KoraServer = new KoraServer(kora, stack)): Policy[] {
    // Every resource policy asks about the same resource in turn: one question per resource.
    const perResource = new Map<string, { key: string; verdict: Promise<ServeVerdict> }>();
    let lastStack: { key: string; verdict: Promise<ServeVerdict> } | undefined;

    return listRules(kora, stack).map((rule): ResourceValidationPolicy | StackValidationPolicy => {
        const common = {
            name: rule.id,
            description: `${rule.title}. ${rule.rationale}`,
            enforcementLevel: rule.level,
            severity: rule.severity,
        };
        if (rule.scope === "resource") {
            return {
                ...common,
                validateResource: async (args, reportViolation) => {
                    const request = resourceToKora(args);
                    const key = JSON.stringify(request);
                    let asked = perResource.get(request.urn);
                    if (asked?.key !== key) {
                        asked = { key, verdict: server.resource(request) };
                        perResource.set(request.urn, asked);
                    }
                    reportFor(rule, await asked.verdict, reportViolation);
                },
            };
        }
        return {
            ...common,
            validateStack: async (args, reportViolation) => {
                const request = args.resources.map(toKora);
                const key = JSON.stringify(request);
                if (lastStack?.key !== key) {
                    lastStack = { key, verdict: server.stackVerdict(request) };
                }
                reportFor(rule, await lastStack.verdict, reportViolation);
            },
        };
    });
}
