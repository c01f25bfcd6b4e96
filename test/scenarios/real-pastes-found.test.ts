// Every paste found on 2026-12-04 (./real-pastes-found.ts) is read, in both languages: a reply or a
// wrapper's words found (never "no SMTP reply found"), a verdict with its exit code, no stack trace,
// and nothing of a credential in the paste printed back.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_2026_12_04 } from "./real-pastes-found.js";
import { EXIT, explain, explainText } from "./real-pastes-data.js";

/** The credentials some pastes carry (a config's password, an AUTH LOGIN password line): never shown. */
const SECRETS = ["fakepassword", "Lyogc2VjcmV0ICov", "placeholder-not-the-original"];

test(`the ${FOUND_2026_12_04.length} pastes found on 2026-12-04 are each read, in both languages, without echoing a credential`, async () => {
  assert.ok(FOUND_2026_12_04.length >= 60);
  let withSecret = 0;
  for (const p of FOUND_2026_12_04) {
    if (SECRETS.some((s) => p.text.includes(s))) withSecret++;
    for (const lang of ["en", "ja"] as const) {
      const { code, json } = await explain(p, lang);
      assert.equal(code, EXIT[json.verdict], `${p.source} (${lang})`);
      assert.ok(json.causes.length > 0 || json.info.length > 0, `${p.source}: nothing said`);
      const text = await explainText(p, lang);
      for (const secret of SECRETS) {
        if (!p.text.includes(secret)) continue;
        assert.ok(!text.includes(secret) && !JSON.stringify(json).includes(secret), `${p.source}: ${secret} shown (${lang})`);
      }
    }
  }
  assert.equal(withSecret, 3, "the three pastes with a credential were checked");
});
