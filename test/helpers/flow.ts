// Hand-built engine answers for flow tests: a fake evaluate that asks a fixed list of facts in
// order (those still unknown) and decides the verdict from one of them, like the real engine would.
import { isKnown, type FactPath } from "../../src/case/facts.js";
import type { Case } from "../../src/case/schema.js";
import type { Diagnosis, Finding } from "../../src/engine/types.js";
import type { FlowDeps } from "../../src/flow/types.js";
import type { ReplyAnalysis } from "../../src/replies/types.js";

export const ASKED: FactPath[] = ["tenant.smtpClientAuthenticationDisabled", "account.smtpClientAuthenticationDisabled", "tenant.securityDefaultsEnabled"];

export const TENANT_REPLY = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.";

/** The pasted tenant reply makes the tenant question unnecessary (the reply decides it). */
export function fakeEvaluate(c: Case): Diagnosis {
  const replyDecides = typeof c.device?.reply === "string" && c.device.reply.includes("disabled for the Tenant");
  const unknowns = ASKED.filter((p) => !isKnown(c, p) && !(replyDecides && p === "tenant.smtpClientAuthenticationDisabled"));
  const causes: Finding[] = [];
  if (replyDecides) causes.push({ id: "tenant-smtp-auth-disabled", status: "blocking", affects: "all", evidence: [{ kind: "reply", reply: TENANT_REPLY, patternId: "auth-tenant-disabled" }] });
  if (c.account?.smtpClientAuthenticationDisabled === true) {
    causes.push({ id: "mailbox-smtp-auth-disabled", status: "blocking", affects: "all", evidence: [{ kind: "fact", path: "account.smtpClientAuthenticationDisabled", value: true, ...(c.sources?.["account.smtpClientAuthenticationDisabled"] ? { source: c.sources["account.smtpClientAuthenticationDisabled"] } : {}) }] });
  }
  // Security defaults refuse every password whatever else is set: an answer that changes the verdict's causes (the wizard
  // leaves out a question no answer of which can change the outcome, questionsToAsk).
  if (c.tenant?.securityDefaultsEnabled === true) causes.push({ id: "security-defaults", status: "blocking", affects: "basic", evidence: [{ kind: "fact", path: "tenant.securityDefaultsEnabled", value: true }] });
  const verdict = causes.some((f) => f.status === "blocking") ? "blocked" : unknowns.length > 0 ? "undetermined" : "clear";
  return { verdict, asOf: "2026-11-22", causes, unknowns, info: [], retirement: "before-change" };
}

export function fakeAnalyze(text: string): ReplyAnalysis {
  if (!text.includes("5.7.139")) return { input: text, replies: [], matches: [], authSucceeded: false, recognized: false };
  const reply = { code: 535, enhanced: "5.7.139", text: "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.", line: TENANT_REPLY };
  const match = { patternId: "auth-tenant-disabled", reply, stage: "auth" as const, candidates: ["tenant-smtp-auth-disabled" as const], decisive: true, success: false };
  return { input: text, replies: [reply], matches: [match], primary: match, authSucceeded: false, recognized: true };
}

export const fakeDeps = (liveAvailable = false): FlowDeps => ({ evaluate: fakeEvaluate, analyzeReply: fakeAnalyze, liveAvailable, today: "2026-11-22" });
