// Gate 4b — authentication policies (domain.md C3): AllowBasicAuthSmtp:$false blocks Basic only.
// The user's assigned policy beats the organization default; null means none assigned.
import type { AuthPolicy } from "../../case/schema.js";
import { addUnlessAuthPassed, basicOnly, factEvidence, inference, type Ctx } from "../context.js";
import type { Evidence } from "../types.js";

export type EffectivePolicy =
  | { state: "known"; policy: AuthPolicy | null; scope: "user" | "default" | "none"; evidence: Evidence[] }
  | { state: "unknown" };

export function effectivePolicy(ctx: Ctx): EffectivePolicy {
  const user = ctx.account.authenticationPolicy;
  const dflt = ctx.tenant.defaultAuthenticationPolicy;
  if (user === undefined) return { state: "unknown" };
  if (user !== null) return { state: "known", policy: user, scope: "user", evidence: [factEvidence(ctx, "account.authenticationPolicy")] };
  if (dflt === undefined) return { state: "unknown" };
  const evidence = [factEvidence(ctx, "account.authenticationPolicy"), factEvidence(ctx, "tenant.defaultAuthenticationPolicy")];
  return dflt === null ? { state: "known", policy: null, scope: "none", evidence } : { state: "known", policy: dflt, scope: "default", evidence };
}

export function authPolicyGate(ctx: Ctx): void {
  const b = basicOnly(ctx);
  if (!b.applies) return;
  const { out } = ctx;
  const eff = effectivePolicy(ctx);
  if (eff.state === "unknown" && ctx.authPassed) return;
  if (eff.state === "known") {
    if (eff.policy && !eff.policy.allowBasicAuthSmtp) {
      const key = eff.scope === "user" ? "inference.policyUser" : "inference.policyDefault";
      addUnlessAuthPassed(ctx, "auth-policy-blocks-basic", b.status("blocking"), [...eff.evidence, inference(key, { name: eff.policy.name })], { notes: b.notes });
    }
    return;
  }
  const user = ctx.account.authenticationPolicy;
  const dflt = ctx.tenant.defaultAuthenticationPolicy;
  if (user === undefined) {
    // A user policy may override the default, whatever the default says.
    out.unknown("account.authenticationPolicy");
    if (dflt === undefined) out.unknown("tenant.defaultAuthenticationPolicy");
    else if (dflt !== null && !dflt.allowBasicAuthSmtp) {
      out.add("auth-policy-blocks-basic", "possible", [factEvidence(ctx, "tenant.defaultAuthenticationPolicy"), inference("inference.policyDefault", { name: dflt.name })], {
        notes: ["note.policyUserMayOverride", ...b.notes],
      });
    }
  } else {
    out.unknown("tenant.defaultAuthenticationPolicy");
  }
}
