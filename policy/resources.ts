// Turns CrossGuard's view of a resource into kora's. During a preview some values are unknown:
// @pulumi/policy's proxy throws when one is read, so the raw values are copied and each unknown
// becomes the text "[unknown]", which no rule mistakes for a compliant value.
import { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import { ResourceInput } from "./kora";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const proxy = require("@pulumi/policy/proxy");

const unknowns = new Set<unknown>([
    proxy.unknownBooleanValue, proxy.unknownNumberValue, proxy.unknownStringValue, proxy.unknownArrayValue,
    proxy.unknownAssetValue, proxy.unknownArchiveValue, proxy.unknownObjectValue,
]);

export function plain(value: unknown): unknown {
    if (value !== null && typeof value === "object" && (value as Record<string, unknown>)[proxy.isSpecialProxy] === true) {
        value = (value as Record<string, unknown>)[proxy.getSpecialProxyTarget];
    }
    if (unknowns.has(value)) {
        return "[unknown]";
    }
    if (Array.isArray(value)) {
        return value.map(plain);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    }
    return value;
}

export function toKora(resource: PolicyResource): ResourceInput {
    return {
        type: resource.type,
        urn: resource.urn,
        inputs: plain(resource.props) as Record<string, unknown>,
        parent: resource.parent?.urn,
        provider: resource.provider?.urn,
    };
}

/** One resource as the engine registers it (validateResource), in kora's shape. */
export function resourceToKora(args: ResourceValidationArgs): ResourceInput {
    return {
        type: args.type,
        urn: args.urn,
        inputs: plain(args.props) as Record<string, unknown>,
        parent: args.opts?.parent,
        provider: args.provider?.urn,
    };
}
