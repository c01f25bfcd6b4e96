// Continuous error throttling of SMTP AUTH submissions (Microsoft Learn, "Continuous error throttling for SMTP AUTH
// submissions"): the five replies read as the cause each names, with the note that the mailbox sends again only once the
// throttling period ends (support cannot lift it). 5.2.253 and 5.2.255 were not read; the others lacked the wait.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { t } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { analyzeReply } from "../../src/replies/index.js";
import { renderText } from "../../src/report/text.js";

const REPLIES: Array<[string, string]> = [
  ["550 5.2.251 Sender throttled due to continuous mailbox full errors.", "mailbox-full"],
  ["550 5.2.252 Sender throttled due to continuous send as denied errors.", "send-as-denied"],
  ["550 5.2.253 Sender throttled due to continuous invalid license errors.", "no-licensed-mailbox"],
  ["550 5.2.254 Sender throttled due to continuous too many recipients errors.", "sending-limit"],
  ["550 5.2.255 Sender throttled due to continuous invalid recipients errors.", "recipient-refused"],
];

test("each throttling reply names its cause, decisively, with the note on the throttling period", () => {
  for (const [reply, cause] of REPLIES) {
    const m = analyzeReply(reply).primary;
    assert.deepEqual([m?.candidates, m?.decisive, m?.notes], [[cause], true, ["note.continuousErrorThrottling"]], reply);
    const c: Case = { schema: "smtp-auth-doctor/case@1", device: { reply } };
    const d = evaluate(c, { today: "2026-12-05" });
    assert.deepEqual(d.causes.filter((f) => f.status !== "warning").map((f) => `${f.id}:${f.status}`), [`${cause}:blocking`], reply);
    for (const lang of ["en", "ja"] as const) {
      const out = renderText({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang, width: 2000 });
      assert.ok(out.includes(t(lang, "note.continuousErrorThrottling")), `${reply} ${lang}`);
    }
  }
  // The same codes without the throttling words keep their own readings (5.2.252 SendAsDenied at the end of DATA).
  assert.equal(analyzeReply("554 5.2.252 SendAsDenied; a@contoso.com not allowed to send as b@contoso.com").primary?.patternId, "send-as-denied");
});
