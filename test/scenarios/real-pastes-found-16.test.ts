// Sixteenth hunt (./real-pastes-found-16.ts: WordPress/PHP mailers, Graph-based plugins, automation tools and appliances around
// Exchange Online): the readings it found wrong and fixed, through the real parser, engine and plan (explain --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_16 } from "./real-pastes-found-16.js";
import { explain, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";
import { analyzeReply } from "../../src/replies/index.js";
import { assertReadsAlikeInBothLanguages } from "../helpers/reads-alike.js";

const paste = pasteOf(FOUND_ROUND_16);
const LANGS = ["en", "ja"] as const;

test("#9: 'Could not authenticate' with the MX host set as the server (ProjectSend) is the wrong server for signing in, not a sign-in to look up", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(9), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["wrong-endpoint:blocking"], lang);
    assert.ok(notesOf(json).includes("note.noAuthAtMxHost"), lang);
    // The step names the host the program is set to and keeps it for Direct Send.
    assert.deepEqual(stepIds(json), ["device-endpoint"], lang);
    assert.match(json.plan.steps[0]?.title ?? "", /domainname-com\.mail\.protection\.outlook\.com/, lang);
  }
  // Without the MX host the same words stay a failed sign-in of unknown cause; with a reply that failed, the reply decides.
  assert.equal(analyzeReply("SMTP Error: Could not authenticate.").primary?.patternId, "auth-failed-wrapper");
  assert.equal(analyzeReply("host = smtp.office365.com\nSMTP Error: Could not authenticate.").primary?.patternId, "auth-failed-wrapper");
  assert.equal(analyzeReply("host = x.mail.protection.outlook.com\n535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.\nSMTP Error: Could not authenticate.").primary?.patternId, "auth-bad-credentials");
});

test("#14: '501 : sender address must contain a domain' (a TrueNAS script's smtplib) is a sender address without a domain", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(14), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["sender-address-invalid:blocking"], lang);
    assert.ok(!stepIds(json).includes("device-firmware"), lang);
  }
});

// (A text still refused as bad input — a Graph plugin's own JSON, a client's internal code — says so, in its language.)
test("#6: Entra's sign-in log reason for 50011 without the AADSTS prefix (FluentSMTP) is the app's redirect URI, not refused as no reply", async () => {
  for (const lang of ["en", "ja"] as const) {
    const { json, code } = await explain(paste(6), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["oauth-client-settings:blocking"], lang);
    assert.deepEqual(stepIds(json), ["oauth-client-settings"], lang);
    assert.ok(notesOf(json).includes("note.entra.redirectUri"), lang);
  }
  assert.equal(analyzeReply("The reply URL specified in the request does not match the reply URLs configured for the application: 'x'.").primary?.patternId, "entra-redirect-uri-mismatch");
});

test("#8: Exchange Online's 'transient error … Actual verdict is TransientError' to a Graph send (FluentSMTP) is a temporary refusal to retry, not refused as no reply", async () => {
  for (const lang of ["en", "ja"] as const) {
    const { json, code } = await explain(paste(8), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["transient-service-error:possible"], lang);
    assert.deepEqual(stepIds(json), ["retry-later"], lang);
  }
});

test("every text of the sixteenth hunt reads alike in both languages: the same exit code, the same causes, no stack trace", async () => {
  await assertReadsAlikeInBothLanguages(FOUND_ROUND_16);
});
