// What a what-if change gives up. A change that switches a protection off (security defaults, per-user MFA, a Conditional
// Access block, an authentication policy that refuses Basic) is shown with the hole it opens, as the fix plan shows it beside
// the step that makes it (persona round 8 #4: "security defaults off" read only as a blocking cause removed).
import type { FactPath } from "../case/facts.js";
import type { WeakeningStepId } from "../plan/alternatives.js";

/** A change as what-if records it (src/whatif/index.ts): the fact, its value before and after. */
interface Change {
  readonly path: FactPath;
  readonly from: unknown;
  readonly to: unknown;
}

/** An authentication policy that lets Basic through for SMTP (a policy value: { name, allowBasicAuthSmtp }). */
const allowsBasic = (v: unknown): boolean => typeof v === "object" && v !== null && (v as { allowBasicAuthSmtp?: unknown }).allowBasicAuthSmtp === true;

/** The protections a fact holds, with the plan's step that gives each up (its "opens" text says what that costs). */
const PROTECTIONS: ReadonlyArray<{ path: FactPath; step: WeakeningStepId; givenUp: (from: unknown, to: unknown) => boolean }> = [
  { path: "tenant.securityDefaultsEnabled", step: "security-defaults-replace", givenUp: (from, to) => to === false && from !== false },
  { path: "account.perUserMfaState", step: "account-per-user-mfa", givenUp: (from, to) => to === "disabled" && from !== "disabled" },
  { path: "account.legacyAuthBlockedByConditionalAccess", step: "account-ca-exclusion", givenUp: (from, to) => to === false && from !== false },
  { path: "account.authenticationPolicy", step: "account-auth-policy", givenUp: (from, to) => allowsBasic(to) && !allowsBasic(from) },
];

/** The changes that give a protection up, each with the plan's step whose cost it pays. */
export function protectionsGivenUp(changes: readonly Change[]): { path: FactPath; step: WeakeningStepId }[] {
  return PROTECTIONS.filter((p) => changes.some((c) => c.path === p.path && p.givenUp(c.from, c.to))).map(({ path, step }) => ({ path, step }));
}
