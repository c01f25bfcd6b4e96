// Gate 10 — the server's own answer (a pasted reply, parsed by src/replies). It is the freshest
// evidence and outranks recorded settings: a decisive reply blocks even when a setting says
// otherwise (that setting may have changed recently or not yet applied: minutes to hours).
// An ambiguous reply is narrowed with the facts.
import type { ReplyAnalysis, ReplyMatch } from "../../replies/types.js";
import { inference, type Ctx } from "../context.js";
import { knownToPass } from "../passes.js";
import type { CauseId, Evidence } from "../types.js";

/** Basic identity gates a generic `535 5.7.3` after AUTH LOGIN may hide. */
const BASIC_IDENTITY: readonly CauseId[] = ["auth-policy-blocks-basic", "account-disabled", "password-expired", "security-defaults", "per-user-mfa", "conditional-access"];

/** Failures that only happen after a successful AUTH (the server checks the sender or the message). */
const POST_AUTH: ReadonlySet<CauseId> = new Set(["send-as-denied", "sending-limit", "mailbox-full", "sender-restricted"]);

/**
 * Did AUTH succeed, by the reply? A 235, or a failure that the server only reaches once the client
 * is authenticated (Send As, quotas, a full mailbox, a restricted sender).
 */
export function authPassedByReply(a: ReplyAnalysis | undefined): "235" | "post-auth" | undefined {
  if (!a?.recognized) return undefined;
  if (a.authSucceeded) return "235";
  const m = a.primary;
  if (m && !m.success && m.candidates.length > 0 && m.candidates.every((id) => POST_AUTH.has(id)) && ["mail-from", "rcpt", "data", "ndr"].includes(m.stage)) {
    return "post-auth";
  }
  return undefined;
}

/**
 * Did the device get through the connection, STARTTLS and TLS to sign-in or later? Then the
 * transport settings worked, whatever was recorded.
 */
export function reachedAuthByReply(a: ReplyAnalysis | undefined): boolean {
  if (!a?.recognized) return false;
  if (authPassedByReply(a)) return true;
  const m = a.primary;
  if (!m || m.success || !["auth", "mail-from", "rcpt", "data"].includes(m.stage)) return false;
  return !m.candidates.some((id) => TRANSPORT_CAUSES.has(id));
}

const TRANSPORT_CAUSES: ReadonlySet<CauseId> = new Set(["network-unreachable", "wrong-endpoint", "starttls-missing", "tls-version-unsupported", "tls-handshake-failed", "transient-service-error"]);

export function replyEvidence(m: ReplyMatch): Evidence {
  return { kind: "reply", reply: m.reply.line, patternId: m.patternId };
}

function isGenericAuthFailure(m: ReplyMatch): boolean {
  return m.reply.enhanced === "5.7.3" && (m.reply.code === undefined || m.reply.code === 535);
}

function isBasicDisabled(m: ReplyMatch): boolean {
  return /basic authentication is disabled/i.test(m.reply.text);
}

function isRetired(m: ReplyMatch): boolean {
  return m.reply.enhanced === "5.7.30" || /basic authentication is not supported for client submission/i.test(m.reply.text);
}

/** A temporary error: never more than possible (retry first), whatever else the reply may mean. */
function isTransient(m: ReplyMatch): boolean {
  return m.candidates.includes("transient-service-error");
}

export function replyGate(ctx: Ctx): void {
  const a = ctx.analysis;
  if (!a || !a.recognized) return;
  const { out } = ctx;
  const passed = authPassedByReply(a);
  if (passed === "235") out.info("auth-succeeded", [inference("inference.authSucceeded")]);
  else if (passed === "post-auth" && a.primary) out.info("auth-succeeded", [replyEvidence(a.primary), inference("inference.authPassedImplied")]);
  const m = a.primary;
  if (!m || m.success) return;
  const ev = replyEvidence(m);

  // 550 5.7.30: Basic is refused for client submission, at any date.
  if (isRetired(m)) {
    out.add("basic-auth-retired", "blocking", [ev, { kind: "timeline", phase: ctx.phase, asOf: ctx.asOf }], { notes: ["note.retirement.replyDecides"] });
    return;
  }

  if (isTransient(m)) {
    out.add("transient-service-error", "possible", [ev], { notes: ["note.transientRetry"] });
    for (const id of narrow(ctx, m.candidates.filter((c) => c !== "transient-service-error"))) out.add(id, "possible", [ev]);
    return;
  }

  if (m.decisive && m.candidates.length > 0) {
    for (const id of m.candidates) decide(ctx, id, ev);
    return;
  }

  let candidates: CauseId[] = [...m.candidates];
  const extra: Evidence[] = [];
  if (isGenericAuthFailure(m)) {
    if (ctx.mode === "oauth" || a.mechanismTried === "XOAUTH2") {
      candidates = ["oauth-misconfigured"];
      extra.push(inference("inference.genericFailureAfterOauth"));
    } else if (ctx.mode === "basic") {
      candidates = ["wrong-credentials", ...BASIC_IDENTITY, ...m.candidates.filter((c) => c !== "oauth-misconfigured")];
      extra.push(inference("inference.genericFailureAfterBasic"));
    }
  } else if (isBasicDisabled(m)) {
    // The authentication policy; or, once the change may have landed (December 2026 on), the
    // retirement itself: narrowing drops it before December.
    candidates = ["auth-policy-blocks-basic", "basic-auth-retired"];
  }
  if (candidates.length === 0) return;

  const left = narrow(ctx, candidates);
  // Narrowed by the calendar alone (e.g. "basic authentication is disabled" before December 2026),
  // the one candidate left is what the reply means. Narrowed by recorded facts, it is only the
  // likeliest: the mapping of an ambiguous reply is not confirmed by Microsoft (domain.md §12.4), so
  // it stays possible and its facts stay unknown until someone checks them.
  const ruledOutByFacts = candidates.some((id) => !left.includes(id) && (knownToPass(ctx, id) ?? []).some((e) => e.kind !== "timeline"));
  if (left.length === 1 && !ruledOutByFacts) decide(ctx, left[0] as CauseId, ev, extra);
  else if (left.length === 1) out.add(left[0] as CauseId, "possible", [ev, ...extra], { notes: ["note.replyMappingUnconfirmed"] });
  else if (left.length > 1) for (const id of left) out.add(id, "possible", [ev, ...extra], { notes: ["note.replyAmbiguous"] });
  else {
    // Every candidate is ruled out, yet the server refused: a recorded setting is stale (or not yet
    // applied). Only settings can be stale, so candidates ruled out by the timeline stay out.
    const stale = [...new Set(candidates)].filter((id) => (knownToPass(ctx, id) ?? []).every((e) => e.kind === "fact"));
    const pool = stale.length ? stale : [...new Set(candidates)];
    if (pool.length === 1) decide(ctx, pool[0] as CauseId, ev, extra);
    else for (const id of pool) out.add(id, "possible", [ev, ...extra, ...(knownToPass(ctx, id) ?? [])], { notes: ["note.replyAmbiguous", "note.evidenceContradictsSetting"] });
  }
}

/** Drop the candidates the facts already rule out. */
function narrow(ctx: Ctx, candidates: readonly CauseId[]): CauseId[] {
  return [...new Set(candidates)].filter((id) => !knownToPass(ctx, id));
}

/** Causes that exclude each other: when the server names one, the other is no longer possible. */
const EXCLUDES: Partial<Record<CauseId, CauseId>> = {
  "mailbox-smtp-auth-disabled": "tenant-smtp-auth-disabled",
  "tenant-smtp-auth-disabled": "mailbox-smtp-auth-disabled",
};

/** The reply names the cause: it blocks, and a recorded setting that disagrees is shown with a note. */
function decide(ctx: Ctx, id: CauseId, ev: Evidence, extra: Evidence[] = []): void {
  const contradicted = knownToPass(ctx, id);
  if (contradicted) ctx.out.add(id, "blocking", [ev, ...extra, ...contradicted], { notes: ["note.evidenceContradictsSetting"] });
  else ctx.out.add(id, "blocking", [ev, ...extra]);
  const other = EXCLUDES[id];
  if (other) ctx.out.dropPossible(other);
}
