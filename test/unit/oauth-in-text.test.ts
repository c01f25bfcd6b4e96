// A program whose error shows that it signed in with OAuth (nodemailer's "command: 'AUTH XOAUTH2'") and got the 5.7.139 that a
// policy gives a password (persona round 8 #3, a nodemailer error of the real shape): no "move the device to OAuth", no "the
// recorded setting may have changed" when nothing is recorded; the token and its token request are what to check.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runMain } from "../helpers/run-main.js";

const NODEMAILER_XOAUTH2 = `Error: Invalid login: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [OS3P286CA0071.JPNP286.PROD.OUTLOOK.COM 2026-12-01T00:12:45.123Z 08DE2F1A9C7B3D40]
    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:809:19)
    at SMTPConnection._actionAUTHComplete (/app/node_modules/nodemailer/lib/smtp-connection/index.js:1588:34) {
  code: 'EAUTH',
  response: '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
  responseCode: 535,
  command: 'AUTH XOAUTH2'
}`;

interface Json {
  causes: Array<{ id: string; notes?: string[]; evidence: Array<{ kind: string; path?: string }> }>;
  plan: { steps: Array<{ id: string; title: string }> };
}

test("a 5.7.139 'criteria' answer to the program's AUTH XOAUTH2: its OAuth sign-in is checked, nothing says 'move to OAuth' or 'the recorded setting'", async () => {
  for (const lang of ["en", "ja"] as const) {
    const r = await runMain(["explain", "-", "--json", "--lang", lang], { stdin: NODEMAILER_XOAUTH2 });
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as Json;
    const notes = json.causes.flatMap((c) => c.notes ?? []);
    assert.ok(notes.includes("note.passwordAnswerToOauthInText"), lang);
    assert.ok(!notes.includes("note.evidenceContradictsSetting"), lang);
    // The mode's evidence is the mechanism the text shows, not an empty "device.auth".
    assert.ok(json.causes.every((c) => c.evidence.every((e) => !(e.kind === "fact" && e.path === "device.auth"))), lang);
    const oauth = json.plan.steps.find((s) => s.id === "move-to-oauth");
    assert.match(oauth?.title ?? "", lang === "en" ? /^Check the program's OAuth sign-in/ : /^プログラムの OAuth でのサインインを確認します/, lang);
    const text = await runMain(["explain", "-", "--lang", lang], { stdin: NODEMAILER_XOAUTH2 });
    assert.doesNotMatch(text.stdout, lang === "en" ? /Move the (?:device|application) to OAuth/ : /OAuth に移行/, lang);
  }
  // With AUTH LOGIN the same reply keeps the move to OAuth (a password refused by a policy).
  const login = await runMain(["explain", "-", "--json", "--lang", "en"], { stdin: NODEMAILER_XOAUTH2.replace("AUTH XOAUTH2", "AUTH LOGIN") });
  const steps = (JSON.parse(login.stdout) as Json).plan.steps;
  // (nodemailer's own error: read as an application's, explain-program-app.)
  assert.match(steps.find((s) => s.id === "move-to-oauth")?.title ?? "", /^Move the application to OAuth/);
});
