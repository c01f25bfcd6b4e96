// Every real reply the tests hold, in one order: the corpus of domain.md §5, then the pastes taken
// from public threads (test/scenarios/real-pastes-data.ts). For the tests, benchmarks and the
// reply-diff check that run "each real reply".
import type { Case } from "../../src/case/schema.js";
import { CORPUS } from "../fixtures/replies-corpus.js";
import * as pastes from "../scenarios/real-pastes-data.js";

export const PASTE_TEXTS: readonly string[] = Object.values(pastes)
  .filter((p): p is pastes.Paste => typeof p === "object" && p !== null && "text" in p && "source" in p)
  .map((p) => p.text);

export const REAL_REPLIES: readonly string[] = [...CORPUS.map((r) => r.reply), ...PASTE_TEXTS];

/** The real replies of one line (a panel's or an app's message) and of several (a log, a transcript, a stack trace). */
export const ONE_LINE_REPLIES: readonly string[] = REAL_REPLIES.filter((r) => !r.trim().includes("\n"));
export const SEVERAL_LINE_REPLIES: readonly string[] = REAL_REPLIES.filter((r) => r.trim().includes("\n"));

/** Each case with the real replies in turn as its device's reply (what a help desk brings). */
export function withRealReplies(cases: readonly Case[]): Case[] {
  return cases.map((c, i) => ({ ...c, device: { ...(c.device ?? {}), reply: REAL_REPLIES[i % REAL_REPLIES.length] as string } }));
}
