import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findKora, listRules } from "../kora";
import * as fs from "node:fs";
import { RunningPack, TestResource, urnOf } from "./harness";

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

    test("reports a per-resource violation against the resource's URN as the engine registers it", async () => {
        const redis: TestResource = {
            type: "azure-native:redis:Redis",
            name: "redis",
            props: { enableNonSslPort: true, minimumTlsVersion: "1.2", publicNetworkAccess: "Disabled", tags: tags("prod") },
        };
        const diagnostics = await pack.analyze("prod", redis);

        const tls = diagnostics.find(d => d.policy === "KORA-030");
        assert.ok(tls, JSON.stringify(diagnostics));
        assert.equal(tls.level, "mandatory");
        assert.equal(tls.urn, "urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis");
        assert.match(tls.message, /enableNonSslPort is true/);
        // Only the resource's own rules answer here: the missing manifest is the stack's question.
        assert.deepEqual(diagnostics.map(d => d.policy), ["KORA-030"]);
    });

    test("the stack policies judge what needs the stack, and do not repeat the resource policies", async () => {
        const redis: TestResource = {
            type: "azure-native:redis:Redis",
            name: "redis",
            props: { enableNonSslPort: true, minimumTlsVersion: "1.2", publicNetworkAccess: "Disabled", tags: tags("prod") },
        };
        const diagnostics = await pack.analyzeStack("prod", [redis]);

        // Prod without a release manifest: a direct deploy, refused.
        assert.ok(diagnostics.some(d => d.policy === "KORA-001" && d.level === "mandatory"), JSON.stringify(diagnostics));
        assert.ok(!diagnostics.some(d => d.policy === "KORA-030"), JSON.stringify(diagnostics));
    });

    test("a Kubernetes resource on the default provider is refused as it registers", async () => {
        const namespace: TestResource = {
            type: "kubernetes:core/v1:Namespace",
            name: "kora",
            props: { metadata: { name: "kora" } },
            provider: { type: "pulumi:providers:kubernetes", name: "default_4_32_0", urn: "urn:pulumi:prod::kora-infra::pulumi:providers:kubernetes::default_4_32_0" },
        };
        const diagnostics = await pack.analyze("prod", namespace);
        assert.deepEqual(diagnostics.map(d => [d.policy, d.urn]), [["KORA-003", urnOf("prod", namespace)]]);
    });

    test("one kora policy serve answers every question of the run", async () => {
        for (let i = 0; i < 5; i++) {
            await pack.analyze("prod", { type: "azure-native:redis:Redis", name: `redis-${i}`, props: { tags: tags("prod") } });
        }
        await pack.analyzeStack("prod", []);
        const servers = childCommands(pack.pid).filter(c => c.includes("policy\0serve"));
        assert.equal(servers.length, 1, JSON.stringify(childCommands(pack.pid)));
    });
});

// The command lines of a process's children (Linux /proc), NUL-separated as the kernel keeps them.
function childCommands(pid: number): string[] {
    return fs.readdirSync("/proc")
        .filter(entry => /^[0-9]+$/.test(entry))
        .flatMap(entry => {
            try {
                const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
                const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
                return parent === pid ? [fs.readFileSync(`/proc/${entry}/cmdline`, "utf8")] : [];
            } catch {
                return [];
            }
        });
}

describe("the pack in dev", () => {
    let pack: RunningPack;
    before(async () => { pack = await RunningPack.start("dev"); });
    after(() => pack.stop());

    test("disables the promotion rule and only advises on public endpoints", async () => {
        const policies = await pack.policies();
        assert.equal(policies.find(p => p.name === "KORA-001")?.level, "disabled");

        const resources: TestResource[] = [
            { type: "azure-native:redis:Redis", name: "redis", props: { enableNonSslPort: false, minimumTlsVersion: "1.2", publicNetworkAccess: "Enabled", tags: { ...tags("dev"), "data-classification": "synthetic" } } },
            { type: "kubernetes:core/v1:Namespace", name: "kora", props: { metadata: { name: "kora" } }, provider: k8sProvider("dev") },
        ];
        const perResource = (await Promise.all(resources.map(r => pack.analyze("dev", r)))).flat();
        assert.deepEqual(perResource.map(d => [d.policy, d.level, d.urn]), [["KORA-031", "advisory", urnOf("dev", resources[0])]]);
        assert.deepEqual(await pack.analyzeStack("dev", resources), []);
    });
});
