// A hunt's texts read alike in both languages: the same exit code and the same causes, no stack trace; a text still refused
// as bad input says so, in its language (the real-pastes-found-N tests of each hunt).
import assert from "node:assert/strict";
import { runMain } from "./run-main.js";

export async function assertReadsAlikeInBothLanguages(texts: ReadonlyArray<{ text: string }>): Promise<void> {
  for (const [i, p] of texts.entries()) {
    const [en, ja] = [await runMain(["explain", "-", "--json", "--lang", "en"], { stdin: p.text }), await runMain(["explain", "-", "--json", "--lang", "ja"], { stdin: p.text })];
    assert.equal(en.code, ja.code, `#${i + 1}`);
    for (const r of [en, ja]) assert.ok(!r.stderr.includes("    at "), `#${i + 1}: ${r.stderr}`);
    if (en.code === 2) {
      const message = (out: string) => (JSON.parse(out) as { error: { type: string; message: string } }).error;
      assert.equal(message(en.stdout).type, "bad-input", `#${i + 1}`);
      assert.match(message(ja.stdout).message, /[\u3040-\u30ff]/, `#${i + 1}`);
      continue;
    }
    const causes = (out: string) => (JSON.parse(out) as { causes: Array<{ id: string; status: string }> }).causes.map((c) => `${c.id}:${c.status}`);
    assert.deepEqual(causes(en.stdout), causes(ja.stdout), `#${i + 1}`);
  }
}
