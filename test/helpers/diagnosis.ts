// Small builders for plan and report tests: a Diagnosis with chosen causes, without the engine.
import type { Case } from "../../src/case/schema.js";
import type { CauseId, CauseStatus, Diagnosis, Evidence, Finding } from "../../src/engine/types.js";

export function finding(id: CauseId, status: CauseStatus = "blocking", evidence?: Evidence[]): Finding {
  return {
    id,
    status,
    evidence: evidence ?? [{ kind: "inference", messageKey: "test.inferred" }],
    affects: "all",
  };
}

export function diagnosis(causes: Finding[], extra: Partial<Diagnosis> = {}): Diagnosis {
  return {
    verdict: causes.some((c) => c.status === "blocking") ? "blocked" : causes.length ? "undetermined" : "clear",
    asOf: "2026-11-22",
    causes,
    unknowns: [],
    info: [],
    retirement: "before-change",
    ...extra,
  };
}

export function deviceCase(extra: Partial<Case> = {}): Case {
  return {
    schema: "smtp-auth-doctor/case@1",
    asOf: "2026-11-22",
    device: { host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", username: "mfp@contoso.com", from: "mfp@contoso.com" },
    ...extra,
  };
}
