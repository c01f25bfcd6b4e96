// Every real reply the tests hold, in one order: the corpus of domain.md §5, then the pastes taken
// from public threads (test/scenarios/real-pastes-data.ts). For the tests, benchmarks and the
// reply-diff check that run "each real reply".
import { CORPUS } from "../fixtures/replies-corpus.js";
import * as pastes from "../scenarios/real-pastes-data.js";

export const PASTE_TEXTS: readonly string[] = Object.values(pastes)
  .filter((p): p is pastes.Paste => typeof p === "object" && p !== null && "text" in p && "source" in p)
  .map((p) => p.text);

export const REAL_REPLIES: readonly string[] = [...CORPUS.map((r) => r.reply), ...PASTE_TEXTS];
