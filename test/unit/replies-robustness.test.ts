import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeReply } from "../../src/replies/index.js";
import { CORPUS } from "../fixtures/replies-corpus.js";

function checkShape(a: ReturnType<typeof analyzeReply>): void {
  assert.equal(typeof a.recognized, "boolean");
  assert.ok(Array.isArray(a.replies));
  assert.ok(Array.isArray(a.matches));
  if (a.primary) assert.equal(a.primary, a.matches[0]);
}

test("adversarial 64 KiB inputs finish and return a well-formed analysis", () => {
  const k = 64 * 1024;
  const inputs = [
    "5".repeat(k),
    "535 ".repeat(k / 4),
    "535 5.7.139 ".repeat(k / 12),
    "[".repeat(k),
    "a\n".repeat(k / 2),
    "535 5.7.139 Authentication unsuccessful, the\n".repeat(k / 46),
    "'535 5.7.3 x".repeat(k / 12),
    "(535, b'".repeat(k / 8),
    "Error: ".repeat(k / 7),
    " ".repeat(k - 1) + "x",
    "2026-11-22T09:00:00Z ".repeat(k / 21),
    "token=\"".repeat(k / 7),
    "eyJ".repeat(k / 3),
    "S: 250-".repeat(k / 7),
    "[SN2PR00CA0018.namprd00.prod.outlook.com ".repeat(k / 41),
    "5.7.57 Client not authenticated. Error: ".repeat(k / 40),
    Array.from({ length: k }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join(""),
  ];
  for (const input of inputs) {
    assert.ok(input.length <= k + 64);
    checkShape(analyzeReply(input));
  }
});

test("oversized input is cut to 64 KiB and flagged", () => {
  const a = analyzeReply("x".repeat(200_000) + "\n535 5.7.139 Authentication unsuccessful, account locked.");
  assert.equal(a.truncated, true);
  assert.equal(a.input.length, 64 * 1024);
  assert.equal(a.recognized, false);
});

test("never throws on odd values and bytes", () => {
  const odd: unknown[] = [undefined, null, 42, {}, "", "\u0000\u0001\uFFFF", "\uD800 535 5.7.3 Authentication unsuccessful", "\uDC00\uD800"];
  for (const v of odd) checkShape(analyzeReply(v as string));
  const lone = analyzeReply("\uD800 535 5.7.3 Authentication unsuccessful");
  assert.equal(lone.primary?.patternId, "auth-unsuccessful-generic");
});

test("every corpus reply survives being concatenated into one long log", () => {
  const log = CORPUS.map((r, i) => `2026-11-22T09:${String(i % 60).padStart(2, "0")}:00Z S: ${r.reply}`).join("\r\n");
  const a = analyzeReply(log);
  assert.ok(a.replies.length >= CORPUS.length - 6, `${a.replies.length} replies`);
  checkShape(a);
});

test("secrets in the input never reach the analysis", () => {
  const input = [
    "C: AUTH PLAIN AG1mcEBjb250b3NvLmNvbQBTM2NyZXQhUGFzcw==",
    "S: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]",
    "C: AUTH LOGIN",
    "S: 334 VXNlcm5hbWU6",
    "C: bWZwQGNvbnRvc28uY29t",
    "S: 334 UGFzc3dvcmQ6",
    "C: UzNjcmV0IVBhc3M=",
    "S: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.",
    "config: password=S3cret!Pass",
    "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJlc2lnbmF0dXJl",
  ].join("\n");
  const a = analyzeReply(input);
  const out = JSON.stringify(a);
  for (const secret of ["AG1mcEBjb250b3NvLmNvbQBTM2NyZXQhUGFzcw==", "UzNjcmV0IVBhc3M=", "S3cret!Pass", "bWZwQGNvbnRvc28uY29t", "eyJ0eXAiOiJKV1Qi"]) {
    assert.ok(!out.includes(secret), `leaked ${secret}`);
  }
  assert.equal(a.primary?.patternId, "auth-bad-credentials");
  assert.equal(a.mechanismTried, "LOGIN");
  for (const r of a.replies) assert.doesNotMatch(r.line, /redacted/);
});

test("pure: the same input gives the same analysis", () => {
  const input = CORPUS.map((r) => r.reply).join("\n");
  assert.deepEqual(analyzeReply(input), analyzeReply(input));
});

// NetEase's refusal in nodemailer's error (test/scenarios/real-pastes-data.ts, NETEASE_163, from
// https://github.com/Vincedream/NodeMail/issues/11), upper-cased as reply-diff mutates it: the frame "AT SMTPCONNECTION._FORMATERROR
// (…" is not cut as a stack frame, so the refusal was read twice, once with the frame glued on, and explain listed it twice.
test("a refusal read twice, once with words glued on after it or cut short, is one match; the reading and the primary stay", async () => {
  const { NETEASE_163 } = await import("../scenarios/real-pastes-data.js");
  for (const text of [NETEASE_163.text, NETEASE_163.text.toUpperCase()]) {
    const a = analyzeReply(text);
    checkShape(a);
    assert.deepEqual(a.matches.map((m) => `${m.patternId}@${m.stage}`), ["coremail-auth-failed@auth"], text);
    assert.equal(a.primary?.reply.line, text === NETEASE_163.text ? "535 Error: authentication failed" : "535 ERROR: AUTHENTICATION FAILED");
  }
  // Two replies of the same pattern whose texts differ (not one a start of the other) both stay.
  const two = analyzeReply("535 5.7.3 Authentication unsuccessful, user one\n535 5.7.3 Authentication unsuccessful, user two");
  assert.equal(two.matches.length, 2);
});
