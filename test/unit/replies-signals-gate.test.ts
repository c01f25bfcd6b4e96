// A line's lower-case signal phrases ("curl: (67)", "cert_has_expired", Japanese panel words) are
// looked for only where the squashed line shows one can be (src/replies/signals.ts, RAW_GATES):
// the signal found must be the one a search of every phrase finds, on lines built from the signals'
// own phrases in other cases, with their punctuation changed, apostrophes and other scripts.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { squash } from "../../src/replies/normalize.js";
import { SIGNALS, signalInLine } from "../../src/replies/signals.js";

const SQUASHABLE = (p: string): boolean => /^[a-z0-9 '_]+$/i.test(p) && !p.includes("_");

/** The first signal with a phrase in the line, every phrase searched (squashed, or lower-case as the table says). */
function everyPhrase(line: string): string | undefined {
  const squashed = squash(line);
  const lower = line.toLowerCase();
  for (const s of SIGNALS) {
    const phrases = s.phrases ?? [];
    const raw = [...(s.raw ?? []), ...phrases.filter((p) => !SQUASHABLE(p)).map((p) => p.toLowerCase())];
    if (phrases.filter(SQUASHABLE).some((p) => squashed.includes(squash(p))) || raw.some((p) => lower.includes(p))) return s.id;
  }
  return undefined;
}

test("signals: the lower-case phrases looked for only where the squashed line allows them find what searching them all finds", () => {
  const phrases = SIGNALS.flatMap((s) => [...(s.phrases ?? []), ...(s.raw ?? [])]);
  const variant = fc.tuple(fc.constantFrom(...phrases), fc.constantFrom("same", "upper", "underscore-to-space", "no-parens", "half")).map(([p, how]) =>
    how === "upper" ? p.toUpperCase() : how === "underscore-to-space" ? p.replace(/_/g, " ") : how === "no-parens" ? p.replace(/[()]/g, "") : how === "half" ? p.slice(0, Math.ceil(p.length / 2)) : p,
  );
  const other = fc.constantFrom("error", "can't", "won't", "İ", "é", "送信", ":", "(", "_", "-", "587", "curl:", "");
  let found = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof(variant, other), { maxLength: 4 }), fc.constantFrom(" ", "", "_", "-"), (parts, glue) => {
      const line = parts.join(glue);
      const expected = everyPhrase(line);
      if (expected) found++;
      assert.equal(signalInLine(line)?.id, expected, JSON.stringify(line));
    }),
    { numRuns: 20_000 },
  );
  assert.ok(found > 1_000, `lines should hold signals (${found})`);
});
