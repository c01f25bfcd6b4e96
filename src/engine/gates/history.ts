// What the person reporting the failure knows of its history (persona round 8, #10): whether the sender ever sent mail, and
// the day it stopped (case.history). It decides no cause by itself and never changes a blocker or a verdict of "blocked": it
// reorders what is only possible, and says so in the person's own words.
// - It worked and stopped: something changed. The causes that come with a change (a password changed or expired, a lockout
//   after repeated tries, security defaults switched on, MFA or Conditional Access newly applied, a licence removed) lead;
//   the set-up the sender worked with (host, port, TLS, the SMTP AUTH switches only an admin changes, Send As) stays a check,
//   listed after them. A stop on or after 1 December 2026 falls in the window of the Basic-auth default change (domain.md §2:
//   "end of December 2026", no exact day published): the retirement becomes a possible cause there, said as unconfirmed.
// - It never worked: the set-up leads; a cause that needs a change after it worked (an expired password, a lockout) comes after.
// - Not known (absent): nothing changes.
import { RETIREMENT_TIMELINE } from "../timeline.js";
import { factEvidence, inference, type Ctx } from "../context.js";
import type { NoteKey } from "../keys.js";
import type { CauseId, Evidence, Finding } from "../types.js";

/** Causes that come with a change after the sender worked. */
const CHANGE_CAUSES: ReadonlySet<CauseId> = new Set([
  "wrong-credentials",
  "password-expired",
  "account-locked",
  "account-disabled",
  "security-defaults",
  "per-user-mfa",
  "conditional-access",
  "no-licensed-mailbox",
]);

/** The set-up the sender worked with: a cause only if someone changed it since. */
const SETUP_CAUSES: ReadonlySet<CauseId> = new Set([
  "wrong-endpoint",
  "starttls-missing",
  "no-authentication",
  "auth-mechanism-unsupported",
  "tenant-smtp-auth-disabled",
  "mailbox-smtp-auth-disabled",
  "send-as-denied",
  "sender-address-invalid",
]);

/** Causes that need the sender to have worked first: less likely for a set-up that never sent mail. */
const AFTER_WORKING_CAUSES: ReadonlySet<CauseId> = new Set(["password-expired", "account-locked"]);

/** The first day of the window of the Basic-auth default change (December 2026: the month it is announced for). */
const CHANGE_WINDOW_FROM = RETIREMENT_TIMELINE.phases.find((p) => p.phase === "change-imminent")?.from ?? "2026-12-01";
/** The first day after the month the change is announced for (January 2027: off by default for existing tenants). */
const CHANGE_DUE_FROM = RETIREMENT_TIMELINE.phases.find((p) => p.phase === "disabled-by-default")?.from ?? "2027-01-01";

export function historyGate(ctx: Ctx): void {
  const h = ctx.c.history;
  if (h === undefined || ctx.provider) return;
  const findings = ctx.out.result().findings;
  if (h.workedBefore === "yes") workedBefore(ctx, findings, h.stoppedOn !== undefined && h.stoppedOn <= ctx.asOf ? h.stoppedOn : undefined);
  else if (h.workedBefore === "no") neverWorked(ctx, findings);
}

function workedBefore(ctx: Ctx, findings: Finding[], stoppedOn: string | undefined): void {
  const said: Evidence = stoppedOn ? inference("inference.history.workedUntil", { date: stoppedOn }) : inference("inference.history.workedBefore");
  const evidence: Evidence[] = [factEvidence(ctx, "history.workedBefore"), ...(stoppedOn ? [factEvidence(ctx, "history.stoppedOn")] : []), said];
  ctx.out.info("history-worked-before", evidence);
  for (const f of findings) {
    if (f.status !== "possible") continue;
    if (CHANGE_CAUSES.has(f.id)) addNote(f, "note.history.change");
    else if (SETUP_CAUSES.has(f.id)) {
      f.lessLikely = true;
      addNote(f, "note.history.setupWorked");
    }
  }
  if (stoppedOn === undefined) return;
  const retired = findings.find((f) => f.id === "basic-auth-retired");
  // High Volume Email keeps Basic on its own track (the retirement gate says so): the stop date says nothing of it.
  if (!retired || ctx.hve) return;
  if (stoppedOn >= CHANGE_WINDOW_FROM) {
    // Stopped in the window: the default change may be what stopped it (a warning until now, as the calendar alone has it).
    // Announced for the end of December with no exact day: a stop within December comes after the other changes, one in
    // January 2027 or later (the change due by then) does not.
    // An admin's answer settles what it can: switched back on, the change did not stop it (it stays a warning); not
    // switched back on, it stays possible with the answer as its evidence. Only an unanswered question is asked: it was
    // listed as unknown whatever the answer, and the wizard asked it again after every answer (persona pass, tmux en).
    const reenabled = ctx.tenant.basicAuthSmtpReenabled;
    if (retired.status === "warning" && reenabled !== true) {
      retired.status = "possible";
      if (reenabled === undefined) ctx.out.unknown("tenant.basicAuthSmtpReenabled");
      else retired.evidence.push(factEvidence(ctx, "tenant.basicAuthSmtpReenabled"));
    }
    if (retired.status === "possible" && stoppedOn < CHANGE_DUE_FROM) retired.lessLikely = true;
    retired.evidence.push(inference("inference.history.stoppedInWindow", { date: stoppedOn }));
    addNote(retired, "note.history.retirementWindow");
  } else if (retired.status === "possible") {
    // Stopped before the window: the change had not come yet, so it did not stop it (it may still stop it again later).
    retired.lessLikely = true;
    retired.evidence.push(inference("inference.history.workedUntil", { date: stoppedOn }));
    addNote(retired, "note.history.stoppedBeforeChange");
  }
}

function neverWorked(ctx: Ctx, findings: Finding[]): void {
  ctx.out.info("history-never-worked", [factEvidence(ctx, "history.workedBefore"), inference("inference.history.neverWorked")]);
  for (const f of findings) {
    if (f.status !== "possible" || !AFTER_WORKING_CAUSES.has(f.id)) continue;
    f.lessLikely = true;
    addNote(f, "note.history.neverWorked");
  }
}

function addNote(f: Finding, note: NoteKey): void {
  if (!f.notes) f.notes = [note];
  else if (!f.notes.includes(note)) f.notes.push(note);
}
