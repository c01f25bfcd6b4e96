// A pasted transcript can carry credentials (AUTH PLAIN/LOGIN in base64, a password= line). The
// wizard keeps the paste to analyse it, but nothing it saves or shows contains them.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { makeServices } from "../../src/cli/wizard-services.js";
import { emptyCase } from "../../src/case/schema.js";
import { initFlow, makeReducer } from "../../src/flow/reducer.js";
import { pasteSummaryText } from "../../src/flow/summary.js";

const dir = mkdtempSync(join(tmpdir(), "sad-secrets-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const PASSWORD = "Passw0rd!Secret";
const PLAIN = Buffer.from(`\u0000mfp@contoso.com\u0000${PASSWORD}`).toString("base64");
const LOGIN_PW = Buffer.from(PASSWORD).toString("base64");
const PASTE = [
  "C: EHLO printer",
  "S: 250-AUTH LOGIN XOAUTH2",
  `C: AUTH PLAIN ${PLAIN}`,
  "C: AUTH LOGIN",
  "S: 334 VXNlcm5hbWU6",
  `C: ${Buffer.from("mfp@contoso.com").toString("base64")}`,
  "S: 334 UGFzc3dvcmQ6",
  `C: ${LOGIN_PW}`,
  `smtp_password=${PASSWORD}`,
  "S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
].join("\n");

test("credentials in a pasted transcript never reach the saved files or the summary", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: dir, ascii: false });
  const reduce = makeReducer(services.deps);
  let s = initFlow(services.deps, { lang: "ja", langExplicit: true, empty: emptyCase() });
  s = reduce(s, { type: "choosePurpose", purpose: "failing" });
  s = reduce(s, { type: "submitPaste", text: PASTE });
  s = reduce(s, { type: "answer", path: "device.username", value: "mfp@contoso.com" });
  for (const kind of ["case", "md", "ps1", "json"] as const) {
    const r = await services.save(s, kind, `out.${kind}`, false);
    assert.equal(r.ok, true, JSON.stringify(r));
    const text = readFileSync(join(dir, `out.${kind}`), "utf8");
    for (const secret of [PASSWORD, PLAIN, LOGIN_PW]) assert.ok(!text.includes(secret), `${kind} contains a secret`);
  }
  const shown = [...pasteSummaryText("ja", s.paste!, s.diagnosis, { bullet: "-", ok: "+" }), ...services.resultLines(s, 80)].join("\n");
  for (const secret of [PASSWORD, PLAIN, LOGIN_PW]) assert.ok(!shown.includes(secret), "the screen shows a secret");
  // The reply itself is still analysed.
  assert.match(shown, /535 5\.7\.139/);
});

test("the paste is cleaned as it enters the flow: nothing in the state holds a credential", async () => {
  const { redactPaste } = await import("../../src/flow/redact-paste.js");
  const cleaned = redactPaste(PASTE);
  for (const secret of [PASSWORD, PLAIN, LOGIN_PW]) assert.ok(!cleaned.includes(secret), `kept ${secret}`);
  assert.match(cleaned, /smtp_password=\[redacted\]/);
  assert.match(cleaned, /535 5\.7\.139 Authentication unsuccessful/);
  assert.equal(redactPaste("SMTP_PASS: hunter2 and 550 5.7.60"), "SMTP_PASS: [redacted] and 550 5.7.60");
  assert.equal(redactPaste("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect."), "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.");
});
