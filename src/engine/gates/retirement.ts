// Gate 8 — the Basic-auth retirement for SMTP AUTH (domain.md §2, C15; dates in ../timeline.ts).
// Every case that uses Basic carries it: a warning until the change, then a blocker unless an
// admin has switched Basic back on. A `550 5.7.30` reply makes it blocking at any date (reply gate).
import type { NoteKey } from "../keys.js";
import { factEvidence, inference, type Ctx } from "../context.js";
import { RETIREMENT_TIMELINE } from "../timeline.js";
import type { CauseStatus, Evidence } from "../types.js";

export function retirementGate(ctx: Ctx): void {
  // Basic explicitly, or inferred from a Basic mechanism.
  if (ctx.mode !== "basic") return;
  const { out, phase } = ctx;
  if (ctx.hve) {
    // High Volume Email keeps Basic on its own track, announced until September 2028 [S19] (M):
    // a warning until then; after it, Basic on HVE is no longer offered (no reply text published),
    // unless the server has been seen accepting it since.
    const ended = ctx.asOf > RETIREMENT_TIMELINE.hveBasicUntil.endsAfter;
    const hveEvidence: Evidence[] = [{ kind: "timeline", phase, asOf: ctx.asOf }];
    if (ctx.modeEvidence) hveEvidence.push(ctx.modeEvidence);
    if (ended && ctx.authPassed) hveEvidence.push(inference("inference.basicAcceptedAfterChange"));
    const status: CauseStatus = !ended ? "warning" : ctx.authPassed ? "possible" : "blocking";
    out.add("basic-auth-retired", status, hveEvidence, { notes: ended ? ["note.retirement.hveEnded"] : ["note.retirement.hveUntil2028"] });
    return;
  }
  const evidence: Evidence[] = [{ kind: "timeline", phase, asOf: ctx.asOf }];
  if (ctx.modeEvidence) evidence.push(ctx.modeEvidence);
  const notes: NoteKey[] = ["note.retirement.confirmed", "note.retirement.unconfirmed"];
  let status: CauseStatus = "warning";
  if (phase === "change-imminent") notes.push("note.retirement.imminent");
  if (phase === "disabled-by-default") {
    notes.push("note.retirement.reenableTemporary");
    const reenabled = ctx.tenant.basicAuthSmtpReenabled;
    // Tenants created after December 2026: Basic unavailable by default (domain.md §13).
    const created = ctx.tenant.createdDate;
    const newTenant = created === undefined ? undefined : created >= RETIREMENT_TIMELINE.newTenantsFrom.date;
    if (newTenant === true) notes.push("note.retirement.newTenant");
    if (reenabled === true) status = "warning";
    else if (reenabled === false) status = "blocking";
    else if (ctx.authPassed) {
      // The server accepted Basic after the change: it is switched back on (or not yet flipped here).
      status = "warning";
      evidence.push(inference("inference.basicAcceptedAfterChange"));
    } else if (newTenant === true) {
      // Unavailable by default in a new tenant, and nothing shows it was made available.
      status = "blocking";
      out.unknown("tenant.basicAuthSmtpReenabled");
    } else {
      status = "possible";
      out.unknown("tenant.basicAuthSmtpReenabled");
      if (newTenant === undefined) {
        notes.push("note.retirement.newTenantUnknown");
        out.unknown("tenant.createdDate");
      }
    }
    if (reenabled !== undefined) evidence.push(factEvidence(ctx, "tenant.basicAuthSmtpReenabled"));
    if (newTenant === true) evidence.push(factEvidence(ctx, "tenant.createdDate"));
  }
  if (phase === "disabled-by-default" && ctx.asOf >= RETIREMENT_TIMELINE.finalRemovalAnnouncement.from) {
    notes.push("note.retirement.finalDateUnknown");
    // A re-enable is only a stop-gap until the final removal, whose date this tool does not know.
    if (status === "warning" && ctx.asOf >= RETIREMENT_TIMELINE.finalRemovalMayHavePassed.from) status = "possible";
  }
  out.add("basic-auth-retired", status, evidence, { notes });
}
