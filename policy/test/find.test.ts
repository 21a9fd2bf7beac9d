import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, test } from "node:test";
import { findKora } from "../kora";

// A scratch checkout: a pack directory beside an optional kora build output, and a PATH directory
// that may hold an installed kora (what `dotnet tool install` puts there: an executable file).
function scratch(options: { built?: boolean; installed?: boolean }) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kora-find-"));
    const packDir = path.join(root, "policy");
    fs.mkdirSync(packDir);
    const dll = path.join(root, "infra", "KoraInfra.Cli", "bin", "Release", "net10.0", "kora.dll");
    if (options.built) {
        fs.mkdirSync(path.dirname(dll), { recursive: true });
        fs.writeFileSync(dll, "");
    }
    const tools = path.join(root, "tools");
    fs.mkdirSync(tools);
    const installed = path.join(tools, process.platform === "win32" ? "kora.EXE" : "kora");
    if (options.installed) {
        fs.writeFileSync(installed, "");
        fs.chmodSync(installed, 0o755);
    }
    return { packDir, dll, tools, installed, env: { PATH: [path.join(root, "empty"), tools].join(path.delimiter) } };
}

describe("finding kora", () => {
    test("an installed kora on PATH is used when there is no build output", () => {
        const s = scratch({ installed: true });
        assert.deepEqual(findKora(s.env, s.packDir), { command: s.installed, args: [] });
    });

    test("the build output next to the pack comes before an installed kora", () => {
        const s = scratch({ built: true, installed: true });
        assert.deepEqual(findKora(s.env, s.packDir), { command: "dotnet", args: [s.dll] });
    });

    test("KORA_CLI wins over both", () => {
        const s = scratch({ built: true, installed: true });
        assert.deepEqual(findKora({ ...s.env, KORA_CLI: s.installed }, s.packDir), { command: s.installed, args: [] });
    });

    test("a file named kora that is not executable is not a kora", () => {
        const s = scratch({});
        fs.writeFileSync(s.installed, "");
        assert.throws(() => findKora(s.env, s.packDir), /neither built nor installed.*dotnet tool install/);
    });

    test("neither built nor installed names both ways to get kora", () => {
        const s = scratch({});
        assert.throws(() => findKora(s.env, s.packDir), /dotnet build infra\/KoraInfra.Cli.*dotnet tool install/);
    });
});
