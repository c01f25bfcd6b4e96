// analyzeReply(text, { client: false }), as the engine calls it, reads the same reply as the default
// and only leaves out the client wrapper's name, which the engine never reads.
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeReply } from "../../src/replies/index.js";
import { REAL_REPLIES } from "../helpers/real-replies.js";

const texts = REAL_REPLIES;

test("without the client's name: the same analysis, the client left out", () => {
  let named = 0;
  for (const text of texts) {
    const full = analyzeReply(text);
    const { client, ...rest } = full;
    if (client !== undefined) named++;
    assert.deepEqual(analyzeReply(text, { client: false }), rest, text);
  }
  assert.ok(named > texts.length / 2, `most real pastes name a client (${named} of ${texts.length})`);
});
