// Gate 9 — Entra sign-in log records with client app "Authenticated SMTP" (Basic), newest first
// (domain.md C8, §6.1). The newest record decides; an older failure followed by a success is history.
import type { NoteKey } from "../keys.js";
import { basicOnly, inference, type Ctx } from "../context.js";
import { knownToPass } from "../passes.js";
import type { CauseId, Evidence } from "../types.js";

const SIGNIN_CAUSES: Record<number, { ids: CauseId[]; status: "blocking" | "possible" }> = {
  50126: { ids: ["wrong-credentials"], status: "blocking" },
  50053: { ids: ["account-locked"], status: "blocking" },
  50057: { ids: ["account-disabled"], status: "blocking" },
  50055: { ids: ["password-expired"], status: "blocking" },
  53003: { ids: ["conditional-access"], status: "blocking" },
  // MFA required: per-user MFA or a Conditional Access policy, the record alone does not say which.
  50076: { ids: ["per-user-mfa", "conditional-access"], status: "possible" },
  50074: { ids: ["per-user-mfa", "conditional-access"], status: "possible" },
};

export function signInsGate(ctx: Ctx): void {
  const newest = ctx.account.signIns?.[0];
  // These records are Basic sign-ins; they say nothing about an OAuth device.
  if (!newest || !basicOnly(ctx).applies) return;
  const evidence: Evidence =
    newest.failureReason !== undefined
      ? { kind: "signin", at: newest.at, errorCode: newest.errorCode, failureReason: newest.failureReason }
      : { kind: "signin", at: newest.at, errorCode: newest.errorCode };
  if (newest.errorCode === 0) {
    ctx.out.info("signin-succeeded", [evidence, inference("inference.signinSucceeded", { at: newest.at })]);
    return;
  }
  const mapped = SIGNIN_CAUSES[newest.errorCode];
  if (!mapped) {
    ctx.out.info("signin-failure-unmapped", [evidence]);
    return;
  }
  // A later 235 in the pasted reply is newer evidence than the log.
  const status = ctx.authPassed ? "possible" : mapped.status;
  // An ambiguous record (MFA required) is narrowed by the facts; a single cause stands on its own and
  // only gets a note when a recorded setting disagrees.
  const open = mapped.ids.length > 1 ? mapped.ids.filter((id) => !knownToPass(ctx, id)) : [];
  const ids = open.length ? open : mapped.ids;
  for (const id of ids) {
    const contradicted = knownToPass(ctx, id);
    const notes: NoteKey[] = ["note.signinNewest"];
    if (mapped.ids.length > 1) notes.push("note.mfaOrCa");
    if (contradicted) notes.push("note.evidenceContradictsSetting");
    ctx.out.add(id, status, [evidence, ...(contradicted ?? [])], { notes });
  }
}
