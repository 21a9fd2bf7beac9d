// The KoraInfra CrossGuard pack: `pulumi preview --policy-pack policy --stack <stack>`.
import * as pulumi from "@pulumi/pulumi";
import { PolicyPack } from "@pulumi/policy";
import { findKora } from "./kora";
import { koraPolicies } from "./policies";

// The engine tells the pack its stack; KORA_STACK lets a test or a pipeline say it explicitly.
const stack = process.env.KORA_STACK || pulumi.getStack();
if (!stack) {
    throw new Error("the policy pack cannot tell which stack it checks: run it through 'pulumi preview --stack <stack> --policy-pack policy' or set KORA_STACK");
}

new PolicyPack("kora-policy", {
    description: "KoraInfra policy rules (KORA-nnn), evaluated by kora.",
    policies: koraPolicies(findKora(), stack),
});
