// Tenant settings a pasted reply proves (its decisive finding names them), for a case file that leaves them unknown: the
// simulations keep them proved, and the what-if says what the reply showed beside "unknown".
import type { FactPath } from "../case/facts.js";
import type { CauseId, Diagnosis } from "../engine/types.js";

const TENANT_FACT_OF: Partial<Record<CauseId, readonly [FactPath, unknown]>> = {
  "security-defaults": ["tenant.securityDefaultsEnabled", true],
  "tenant-smtp-auth-disabled": ["tenant.smtpClientAuthenticationDisabled", true],
};

/** The tenant settings the reply proved, by fact path (a blocking finding with the reply as evidence). */
export function factsProvedByReply(d: Pick<Diagnosis, "causes">): ReadonlyMap<FactPath, unknown> {
  const proved = new Map<FactPath, unknown>();
  for (const f of d.causes) {
    const fact = TENANT_FACT_OF[f.id];
    if (fact && f.status === "blocking" && f.evidence.some((e) => e.kind === "reply")) proved.set(fact[0], fact[1]);
  }
  return proved;
}
