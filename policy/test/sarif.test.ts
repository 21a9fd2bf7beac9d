import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { findKora } from "../kora";
import { repoRoot } from "./harness";

// The SARIF 2.1.0 schema (rtm.5, the published one) as shipped by Microsoft's SARIF tooling.
const schema = JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
const fixtures = path.join(repoRoot, "tests", "KoraInfra.Platform.Tests", "Policy", "Fixtures");

for (const fixture of ["stack-export.prod.json", "preview.staging.json", "events.prod.jsonl"]) {
    test(`kora policy report --format sarif validates against the SARIF 2.1.0 schema (${fixture})`, () => {
        const kora = findKora();
        const run = spawnSync(kora.command, [...kora.args, "policy", "report", "--input", path.join(fixtures, fixture), "--format", "sarif"], { encoding: "utf8" });
        assert.equal(run.status, 1, run.stderr); // each fixture holds a mandatory violation
        const sarif = JSON.parse(run.stdout) as { runs: { results: unknown[] }[] };
        assert.ok(sarif.runs[0].results.length > 0);

        // The schema's "language" pattern is not valid in Unicode mode; SARIF validators read it as a plain regex.
        const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats(ajv);
        const valid = ajv.validate(schema, sarif);
        assert.ok(valid, JSON.stringify(ajv.errors, null, 2));
    });
}
