import assert from "node:assert/strict";
import { test } from "node:test";
import { CAUSE_IDS } from "../../src/engine/types.js";
import { analyzeReply } from "../../src/replies/index.js";
import { PATTERNS } from "../../src/replies/patterns.js";
import { CORPUS, wrapped } from "../fixtures/replies-corpus.js";

for (const row of CORPUS) {
  test(`§5 row ${row.row}: ${row.reply.slice(0, 60)}`, () => {
    const a = analyzeReply(row.reply);
    assert.equal(a.recognized, true);
    const m = row.success ? a.matches[0] : a.primary;
    assert.ok(m, "a match");
    assert.equal(m.patternId, row.patternId);
    assert.deepEqual(m.candidates, row.candidates);
    assert.equal(m.decisive, row.decisive);
    assert.equal(m.success, row.success === true);
    if (!row.success) assert.equal(a.matches[0], a.primary, "the primary is ranked first");
    // The bracketed host/timestamp suffix never survives normalization.
    for (const r of a.replies) assert.doesNotMatch(r.line, /\[[A-Z0-9]+\.[^\]]*(?:outlook|prod)[^\]]*\]/i);
  });

  test(`§5 row ${row.row} inside every client wrapper`, () => {
    for (const input of wrapped(row.reply)) {
      const a = analyzeReply(input);
      const m = row.success ? a.matches[0] : a.primary;
      assert.equal(m?.patternId, row.patternId, input);
      assert.deepEqual(m?.candidates, row.candidates, input);
    }
  });
}

test("row 24: the 535 nested in the 5.7.57 echo is the primary; the echo names no cause", () => {
  const a = analyzeReply(CORPUS.find((r) => r.row === 24)?.reply ?? "");
  assert.equal(a.replies.length, 2);
  assert.equal(a.replies[0]?.line, "5.7.57 Client not authenticated to send mail.");
  assert.equal(a.replies[1]?.line, "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.");
  assert.equal(a.primary?.reply.code, 535);
  const echo = a.matches.find((m) => m.reply.enhanced === "5.7.57");
  assert.equal(echo?.patternId, "not-authenticated-after-auth-failure");
  assert.deepEqual(echo?.candidates, []);
});

test("suffixes are stripped from the reply text and canonical line", () => {
  const a = analyzeReply("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]");
  assert.deepEqual(a.replies, [
    {
      code: 535,
      enhanced: "5.7.139",
      text: "Authentication unsuccessful, the user credentials were incorrect.",
      line: "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.",
    },
  ]);
});

test("the pattern table uses only known cause ids and unique pattern ids", () => {
  const known = new Set<string>(CAUSE_IDS);
  const ids = new Set<string>();
  for (const p of PATTERNS) {
    for (const c of p.candidates) assert.ok(known.has(c), `${p.id}: ${c}`);
    assert.ok(!ids.has(p.id), `duplicate ${p.id}`);
    ids.add(p.id);
    if (p.decisive) assert.equal(p.candidates.length, 1, `${p.id}: a decisive pattern names one cause`);
  }
});
