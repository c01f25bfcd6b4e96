// INTERIM stand-in for `evaluate()` of src/engine (issue 2, written in parallel). It covers only the
// gates the audit can fill from tenant exports (tenant/mailbox switch, authentication policies,
// security defaults, Conditional Access, sign-in error codes, the Basic-auth timeline) so the audit
// works end to end today. Delete this file and point readiness.ts at src/engine when it lands: the
// audit has no diagnosis logic of its own beyond this seam.
import type { Case } from "../case/schema.js";
import type { CauseId, Diagnosis, Evidence, Finding, RetirementPhase } from "../engine/types.js";

export function retirementPhase(asOf: string): RetirementPhase {
  if (asOf >= "2027-01-01") return "disabled-by-default";
  if (asOf >= "2026-12-01") return "change-imminent";
  return "before-change";
}

const SIGNIN_CAUSES: Record<number, CauseId> = {
  50126: "wrong-credentials",
  50053: "account-locked",
  50057: "account-disabled",
  50055: "password-expired",
  53003: "conditional-access",
  50076: "per-user-mfa",
  50074: "per-user-mfa",
};

export function interimEvaluate(c: Case): Diagnosis {
  const asOf = c.asOf ?? "1970-01-01";
  const phase = retirementPhase(asOf);
  const causes: Finding[] = [];
  const unknowns: Diagnosis["unknowns"] = [];
  const fact = (path: Extract<Evidence, { kind: "fact" }>["path"], value: unknown): Evidence => {
    const source = c.sources?.[path];
    return source ? { kind: "fact", path, value, source } : { kind: "fact", path, value };
  };
  const basic = c.device?.auth === "basic";
  const tenant = c.tenant?.smtpClientAuthenticationDisabled;
  const mailbox = c.account?.smtpClientAuthenticationDisabled;
  if (mailbox === true) {
    causes.push({ id: "mailbox-smtp-auth-disabled", status: "blocking", affects: "all", evidence: [fact("account.smtpClientAuthenticationDisabled", true)] });
  } else if (mailbox === null || mailbox === undefined) {
    if (tenant === true && mailbox === null) {
      causes.push({
        id: "tenant-smtp-auth-disabled",
        status: "blocking",
        affects: "all",
        evidence: [fact("tenant.smtpClientAuthenticationDisabled", true), fact("account.smtpClientAuthenticationDisabled", null)],
      });
    } else if (mailbox === undefined) unknowns.push("account.smtpClientAuthenticationDisabled");
    else if (tenant === undefined) unknowns.push("tenant.smtpClientAuthenticationDisabled");
  }
  if (basic) {
    const policy = c.account?.authenticationPolicy !== undefined && c.account.authenticationPolicy !== null ? c.account.authenticationPolicy : c.account?.authenticationPolicy === null ? c.tenant?.defaultAuthenticationPolicy : undefined;
    if (policy && !policy.allowBasicAuthSmtp) {
      causes.push({ id: "auth-policy-blocks-basic", status: "blocking", affects: "basic", evidence: [fact(c.account?.authenticationPolicy ? "account.authenticationPolicy" : "tenant.defaultAuthenticationPolicy", policy)] });
    } else if (policy === undefined) unknowns.push("account.authenticationPolicy");
    if (c.tenant?.securityDefaultsEnabled === true) {
      causes.push({ id: "security-defaults", status: "blocking", affects: "basic", evidence: [fact("tenant.securityDefaultsEnabled", true)] });
    } else if (c.tenant?.securityDefaultsEnabled === undefined) unknowns.push("tenant.securityDefaultsEnabled");
    if (phase === "disabled-by-default") {
      const reenabled = c.tenant?.basicAuthSmtpReenabled;
      causes.push({
        id: "basic-auth-retired",
        status: reenabled === true ? "warning" : reenabled === undefined ? "possible" : "blocking",
        affects: "basic",
        evidence: [{ kind: "timeline", phase, asOf }],
      });
    } else {
      causes.push({ id: "basic-auth-retired", status: "warning", affects: "basic", evidence: [{ kind: "timeline", phase, asOf }] });
    }
  }
  const latest = c.account?.signIns?.[0];
  if (latest && latest.errorCode !== 0) {
    const id = SIGNIN_CAUSES[latest.errorCode];
    if (id && !causes.some((f) => f.id === id)) {
      const ev: Evidence = { kind: "signin", at: latest.at, errorCode: latest.errorCode };
      if (latest.failureReason !== undefined) ev.failureReason = latest.failureReason;
      causes.push({ id, status: "possible", affects: "basic", evidence: [ev] });
    }
  }
  const order = { blocking: 0, possible: 1, warning: 2 } as const;
  causes.sort((a, b) => order[a.status] - order[b.status]);
  const verdict = causes.some((f) => f.status === "blocking") ? "blocked" : unknowns.length === 0 && !causes.some((f) => f.status === "possible") ? "clear" : "undetermined";
  return { verdict, asOf, causes, unknowns, info: [], retirement: phase };
}
