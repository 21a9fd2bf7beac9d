// The bridge to the `kora` tool: the rules live in C# (KoraInfra.Platform/Policy) and are
// evaluated there; this module only finds kora, lists the rules in force for a stack, and asks
// one long-lived `kora policy serve` for verdicts on each resource and on the whole stack.
import { ChildProcessWithoutNullStreams, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as readline from "readline";

export type Level = "advisory" | "mandatory" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";

export type Scope = "resource" | "stack";

export interface KoraRule {
    id: string;
    title: string;
    rationale: string;
    severity: Severity;
    level: Level;
    /** resource: judged per resource (validateResource); stack: needs the whole stack (validateStack). */
    scope: Scope;
}

export interface KoraViolation {
    ruleId: string;
    level: Level;
    severity: Severity;
    urn: string | null;
    message: string;
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

/** A verdict as `kora policy serve` answers it (docs/policy.md): the violations and errors of the rules asked. */
export interface ServeVerdict {
    stack: string;
    blocked: boolean;
    violations: KoraViolation[];
    errors: { ruleId: string; level: Level; message: string }[];
}

type Pending = { resolve: (v: ServeVerdict) => void; reject: (e: Error) => void };

/**
 * One `kora policy serve --stack <stack>` for the pack's whole run: started on the first question,
 * asked over JSON lines, answers matched to questions by id. It ends when the pack's process does
 * (its standard input closes).
 */
export class KoraServer {
    private child: ChildProcessWithoutNullStreams | undefined;
    private readonly pending = new Map<number, Pending>();
    private nextId = 1;
    private stderr = "";

    constructor(private readonly kora: KoraCommand, private readonly stack: string) {}

    /** The per-resource rules' verdict on one resource, as the engine registers it. */
    resource(resource: ResourceInput): Promise<ServeVerdict> {
        return this.ask({ op: "resource", resource });
    }

    /** The stack rules' verdict on every resource of the stack. */
    stackVerdict(resources: ResourceInput[]): Promise<ServeVerdict> {
        return this.ask({ op: "stack", resources });
    }

    /** Ends the server (the tests; the engine simply ends the pack's process). */
    close(): void {
        this.child?.stdin.end();
    }

    private ask(request: Record<string, unknown>): Promise<ServeVerdict> {
        const child = this.start();
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            child.stdin.write(JSON.stringify({ id, ...request }) + "\n");
        });
    }

    private start(): ChildProcessWithoutNullStreams {
        if (this.child) {
            return this.child;
        }
        const child = spawn(this.kora.command, [...this.kora.args, "policy", "serve", "--stack", this.stack], { stdio: ["pipe", "pipe", "pipe"] });
        child.stderr.setEncoding("utf8").on("data", d => (this.stderr += d));
        child.stdin.on("error", () => { /* the exit handler below reports why kora went away */ });
        readline.createInterface({ input: child.stdout }).on("line", line => this.answer(line));
        const fail = (why: string) => {
            const error = new Error(`kora policy serve --stack ${this.stack} ${why}: ${this.stderr}`);
            for (const p of this.pending.values()) {
                p.reject(error);
            }
            this.pending.clear();
            this.child = undefined;
        };
        child.on("error", e => fail(`could not run (${e.message})`));
        child.on("exit", code => fail(`exited (${code})`));
        // A server with no question outstanding must not keep the pack's process alive.
        child.unref();
        this.child = child;
        return child;
    }

    private answer(line: string): void {
        let message: { id?: number; verdict?: ServeVerdict; error?: string };
        try {
            message = JSON.parse(line);
        } catch {
            return;
        }
        const pending = typeof message.id === "number" ? this.pending.get(message.id) : undefined;
        if (!pending) {
            return;
        }
        this.pending.delete(message.id!);
        if (message.verdict) {
            pending.resolve(message.verdict);
        } else {
            pending.reject(new Error(`kora policy serve refused the request: ${message.error}`));
        }
    }
}
