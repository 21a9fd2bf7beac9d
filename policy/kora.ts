// The bridge to the `kora` tool: the rules live in C# (KoraInfra.Platform/Policy) and are
// evaluated there; this module only finds kora, lists the rules in force for a stack, and
// asks for a verdict over the stack's resources.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export type Level = "advisory" | "mandatory" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";

export interface KoraRule {
    id: string;
    title: string;
    rationale: string;
    severity: Severity;
    level: Level;
}

export interface KoraViolation {
    ruleId: string;
    level: Level;
    severity: Severity;
    urn: string | null;
    message: string;
}

export interface KoraVerdict {
    stack: string;
    blocked: boolean;
    violations: KoraViolation[];
    errors: { ruleId: string; level: Level; message: string }[];
}

export interface ResourceInput {
    type: string;
    urn: string;
    inputs: Record<string, unknown>;
    parent?: string;
    provider?: string;
}

/** How to start kora: a command and the arguments that come before kora's own. */
export interface KoraCommand {
    command: string;
    args: string[];
}

/**
 * KORA_CLI names kora: an executable, or a kora.dll run with `dotnet`. Without it, the build
 * output next to this pack is used (the same checkout as the pack, so `pulumi preview
 * --policy-pack policy` works after `dotnet build`), and then a `kora` on PATH (the installed
 * .NET tool: `dotnet tool install --global kora`).
 */
export function findKora(env: NodeJS.ProcessEnv = process.env, packDir: string = __dirname): KoraCommand {
    const configured = env.KORA_CLI;
    if (configured) {
        if (fs.existsSync(configured)) {
            return asCommand(configured);
        }
        throw new Error(`KORA_CLI is '${configured}', which does not exist; point it at the kora executable or kora.dll`);
    }
    const built = ["Release", "Debug"]
        .map(c => path.join(packDir, "..", "infra", "KoraInfra.Cli", "bin", c, "net10.0", "kora.dll"))
        .find(candidate => fs.existsSync(candidate));
    const installed = built ? undefined : onPath("kora", env);
    if (built ?? installed) {
        return asCommand((built ?? installed)!);
    }
    throw new Error("kora is neither built nor installed: run 'dotnet build infra/KoraInfra.Cli -c Release' or "
        + "'dotnet tool install --global kora --add-source <dir with the kora package>', or set KORA_CLI to the kora executable");
}

function asCommand(file: string): KoraCommand {
    return file.endsWith(".dll") ? { command: "dotnet", args: [file] } : { command: file, args: [] };
}

/** The first executable named `name` in the PATH directories (with Windows' extensions there). */
function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
    const extensions = process.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD").split(";") : [""];
    for (const dir of (env.PATH ?? "").split(path.delimiter).filter(d => d.length > 0)) {
        for (const extension of extensions) {
            const candidate = path.join(dir, name + extension);
            try {
                fs.accessSync(candidate, fs.constants.X_OK);
                if (fs.statSync(candidate).isFile()) {
                    return candidate;
                }
            } catch {
                // Not here: the next directory.
            }
        }
    }
    return undefined;
}

/** The rules and their levels in a stack (`kora policy rules`). Synchronous: a pack declares its policies when it loads. */
export function listRules(kora: KoraCommand, stack: string): KoraRule[] {
    const result = spawnSync(kora.command, [...kora.args, "policy", "rules", "--stack", stack], { encoding: "utf8" });
    if (result.error || result.status !== 0) {
        throw new Error(`kora policy rules --stack ${stack} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`);
    }
    return (JSON.parse(result.stdout) as { rules: KoraRule[] }).rules;
}

/** The verdict over a stack's resources (`kora policy eval`, JSON on stdin and stdout). */
export function evaluate(kora: KoraCommand, stack: string, resources: ResourceInput[]): Promise<KoraVerdict> {
    return new Promise((resolve, reject) => {
        const child = spawn(kora.command, [...kora.args, "policy", "eval", "--stack", stack], { stdio: ["pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", d => (stdout += d));
        child.stderr.setEncoding("utf8").on("data", d => (stderr += d));
        child.on("error", reject);
        child.on("close", code => {
            // 0: passes; 1: a mandatory rule is violated (the verdict is on stdout all the same).
            if (code === 0 || code === 1) {
                try {
                    resolve(JSON.parse(stdout) as KoraVerdict);
                } catch (e) {
                    reject(new Error(`kora policy eval wrote no verdict: ${stderr || stdout}`));
                }
            } else {
                reject(new Error(`kora policy eval failed (exit ${code}): ${stderr}`));
            }
        });
        child.stdin.end(JSON.stringify({ stack, resources }));
    });
}
