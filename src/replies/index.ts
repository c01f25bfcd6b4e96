// PLACEHOLDER until the reply-parser branch lands: recognizes nothing. Replaced by src/replies work.
import type { ReplyAnalysis } from "./types.js";

export type { ReplyAnalysis } from "./types.js";

export function analyzeReply(input: string): ReplyAnalysis {
  return { input, replies: [], matches: [], authSucceeded: false, recognized: false };
}
