import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findKora, listRules } from "../kora";
import { RunningPack, TestResource } from "./harness";

const kora = findKora();
const k8sProvider = (stack: string) => ({
    type: "pulumi:providers:kubernetes",
    name: `k8s-${stack}`,
    urn: `urn:pulumi:${stack}::kora-infra::pulumi:providers:kubernetes::k8s-${stack}`,
});
const tags = (stack: string) => ({ environment: stack, owner: "devops", "data-classification": "confidential", "cost-center": "koraos-platform" });

describe("the pack in prod", () => {
    let pack: RunningPack;
    before(async () => { pack = await RunningPack.start("prod"); });
    after(() => pack.stop());

    test("declares one policy per kora rule, with the rule's level in prod", async () => {
        const policies = await pack.policies();
        const rules = listRules(kora, "prod");
        assert.deepEqual(policies.map(p => p.name).sort(), rules.map(r => r.id).sort());
        assert.equal(policies.find(p => p.name === "KORA-001")?.level, "mandatory");
        assert.equal(policies.find(p => p.name === "KORA-013")?.level, "mandatory");
    });

    test("reports each violation under its rule id, level and resource", async () => {
        const redis: TestResource = {
            type: "azure-native:redis:Redis",
            name: "redis",
            props: { enableNonSslPort: true, minimumTlsVersion: "1.2", publicNetworkAccess: "Disabled", tags: tags("prod") },
        };
        const diagnostics = await pack.analyzeStack("prod", [redis]);

        const tls = diagnostics.find(d => d.policy === "KORA-030");
        assert.ok(tls, JSON.stringify(diagnostics));
        assert.equal(tls.level, "mandatory");
        assert.equal(tls.urn, "urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis");
        assert.match(tls.message, /enableNonSslPort is true/);
        // Prod without a release manifest: a direct deploy, refused.
        assert.ok(diagnostics.some(d => d.policy === "KORA-001" && d.level === "mandatory"));
    });

    test("a Kubernetes resource on the default provider is refused", async () => {
        const diagnostics = await pack.analyzeStack("prod", [{
            type: "kubernetes:core/v1:Namespace",
            name: "kora",
            props: { metadata: { name: "kora" } },
            provider: { type: "pulumi:providers:kubernetes", name: "default_4_32_0", urn: "urn:pulumi:prod::kora-infra::pulumi:providers:kubernetes::default_4_32_0" },
        }]);
        assert.ok(diagnostics.some(d => d.policy === "KORA-003"), JSON.stringify(diagnostics));
    });
});

describe("the pack in dev", () => {
    let pack: RunningPack;
    before(async () => { pack = await RunningPack.start("dev"); });
    after(() => pack.stop());

    test("disables the promotion rule and only advises on public endpoints", async () => {
        const policies = await pack.policies();
        assert.equal(policies.find(p => p.name === "KORA-001")?.level, "disabled");

        const diagnostics = await pack.analyzeStack("dev", [
            { type: "azure-native:redis:Redis", name: "redis", props: { enableNonSslPort: false, minimumTlsVersion: "1.2", publicNetworkAccess: "Enabled", tags: { ...tags("dev"), "data-classification": "synthetic" } } },
            { type: "kubernetes:core/v1:Namespace", name: "kora", props: { metadata: { name: "kora" } }, provider: k8sProvider("dev") },
        ]);
        assert.deepEqual(diagnostics.map(d => [d.policy, d.level]), [["KORA-031", "advisory"]]);
    });
});
