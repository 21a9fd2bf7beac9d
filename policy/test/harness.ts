// Plays the Pulumi engine's part: starts the pack as a plugin process, reads the port it prints,
// and calls it over gRPC with the analyzer protocol, exactly as `pulumi preview --policy-pack`
// does. Nothing of @pulumi/policy is stubbed.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";

/* eslint-disable @typescript-eslint/no-var-requires */
const grpc = require("@grpc/grpc-js");
const services = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
export const messages = require("@pulumi/pulumi/proto/analyzer_pb");
const structs = require("google-protobuf/google/protobuf/struct_pb");
const empty = require("google-protobuf/google/protobuf/empty_pb");
/* eslint-enable @typescript-eslint/no-var-requires */

export const packDir = path.join(__dirname, "..");
export const repoRoot = path.join(packDir, "..");

export interface TestResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    provider?: { type: string; name: string; urn: string };
}

export interface Diagnostic {
    policy: string;
    level: "advisory" | "mandatory" | "disabled" | "remediate";
    urn: string;
    message: string;
}

const levels: Record<number, Diagnostic["level"]> = {};

export class RunningPack {
    private constructor(private readonly child: ChildProcess, private readonly client: any) {}

    static async start(stack: string): Promise<RunningPack> {
        const child = spawn(process.execPath, ["--import", "tsx", "index.ts"], {
            cwd: packDir,
            env: { ...process.env, KORA_STACK: stack },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.setEncoding("utf8").on("data", d => (stderr += d));
        const port = await new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`the pack printed no port within 60 s: ${stderr}`)), 60_000);
            child.stdout!.setEncoding("utf8").once("data", (d: string) => {
                clearTimeout(timer);
                resolve(d.trim().split("\n")[0]);
            });
            child.once("exit", code => reject(new Error(`the pack exited with ${code} before serving: ${stderr}`)));
        });
        for (const [name, value] of Object.entries(messages.EnforcementLevel)) {
            levels[value as number] = name.toLowerCase() as Diagnostic["level"];
        }
        return new RunningPack(child, new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()));
    }

    async policies(): Promise<{ name: string; level: Diagnostic["level"] }[]> {
        const info = await this.call<any>("getAnalyzerInfo", new empty.Empty());
        return info.getPoliciesList().map((p: any) => ({ name: p.getName(), level: levels[p.getEnforcementlevel()] }));
    }

    /** The engine's question as it registers one resource (CrossGuard validateResource policies). */
    async analyze(stack: string, r: TestResource): Promise<Diagnostic[]> {
        const request = new messages.AnalyzeRequest();
        request.setType(r.type);
        request.setName(r.name);
        request.setUrn(urnOf(stack, r));
        request.setProperties(structs.Struct.fromJavaScript(r.props));
        request.setOptions(new messages.AnalyzerResourceOptions());
        if (r.provider) {
            request.setProvider(providerOf(r.provider));
        }
        return diagnosticsOf(await this.call<any>("analyze", request));
    }

    /** The engine's question after every resource is known (CrossGuard validateStack policies). */
    async analyzeStack(stack: string, resources: TestResource[]): Promise<Diagnostic[]> {
        const request = new messages.AnalyzeStackRequest();
        request.setResourcesList(resources.map(r => {
            const resource = new messages.AnalyzerResource();
            resource.setType(r.type);
            resource.setName(r.name);
            resource.setUrn(urnOf(stack, r));
            resource.setProperties(structs.Struct.fromJavaScript(r.props));
            resource.setOptions(new messages.AnalyzerResourceOptions());
            if (r.provider) {
                resource.setProvider(providerOf(r.provider));
            }
            return resource;
        }));
        return diagnosticsOf(await this.call<any>("analyzeStack", request));
    }

    /** The pack's process id (to see which kora processes it started). */
    get pid(): number {
        return this.child.pid!;
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }

    private call<T>(method: string, request: unknown): Promise<T> {
        return new Promise((resolve, reject) =>
            this.client[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response))));
    }
}

export const urnOf = (stack: string, r: TestResource): string => `urn:pulumi:${stack}::kora-infra::${r.type}::${r.name}`;

function providerOf(p: NonNullable<TestResource["provider"]>): unknown {
    const provider = new messages.AnalyzerProviderResource();
    provider.setType(p.type);
    provider.setName(p.name);
    provider.setUrn(p.urn);
    provider.setProperties(structs.Struct.fromJavaScript({}));
    return provider;
}

function diagnosticsOf(response: any): Diagnostic[] {
    return response.getDiagnosticsList().map((d: any) => ({
        policy: d.getPolicyname(),
        level: levels[d.getEnforcementlevel()],
        urn: d.getUrn(),
        message: d.getMessage(),
    }));
}
