// Persona 9b: a .NET application's paste (System.Net.Mail's SmtpException around "535 5.7.139 … the user credentials were
// incorrect") listed the questions it made unnecessary as a device's ("Which SMTP server (host name) is the device set to send
// through?") under "Step 2 of 6: The application". They are asked of the application, in the Ink screen and in plain mode; a
// device's (or a sender not known yet) keep their words.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { PasteSummaryScreen } from "../../screens/PasteSummary.js";
import type { Case } from "../../src/case/schema.js";
import type { FactPath } from "../../src/case/facts.js";
import type { VendorId } from "../../src/devices/ids.js";
import { evaluate } from "../../src/engine/index.js";
import { pasteSummaryText } from "../../src/flow/summary.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { analyzeReply } from "../../src/replies/index.js";
import { frameWith, mount } from "../helpers/ink.js";

afterEach(() => cleanup());

const squash = (s: string) => s.replace(/\s+/g, "");
const REPLY =
  "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.";
const RESOLVED: FactPath[] = ["device.host", "device.port", "device.security", "device.tlsVersion"];

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: the questions a paste made unnecessary name the application for an application, the device otherwise`, async () => {
    for (const [sender, word, other] of [
      ["app", "plan.sender.app", "plan.sender.device"],
      ["canon", "plan.sender.device", "plan.sender.app"],
      [undefined, "plan.sender.device", "plan.sender.app"],
    ] as Array<[VendorId | undefined, string, string]>) {
      const c: Case = { schema: "smtp-auth-doctor/case@1", device: { reply: REPLY, ...(sender ? { vendor: sender } : {}) } };
      const diagnosis = evaluate(c, { today: "2026-12-06" });
      const summary = { analysis: analyzeReply(REPLY), resolved: RESOLVED };
      const theme = makeTheme({ color: false, ascii: false, columns: 100 });
      const r = mount(<PasteSummaryScreen theme={theme} lang={lang} step="Step 2 / 6" summary={summary} diagnosis={diagnosis} {...(sender ? { sender } : {})} onContinue={() => {}} onBack={() => {}} />);
      const f = await frameWith(r, t(lang, "wizard.keys.continue").slice(0, 6));
      r.unmount();
      const plain = pasteSummaryText(lang, summary, diagnosis, { bullet: "-", ok: "+" }, false, sender);
      for (const path of RESOLVED) {
        const expected = t(lang, `questions.${path}.q` as never, { sender: t(lang, word as never) });
        const wrong = t(lang, `questions.${path}.q` as never, { sender: t(lang, other as never) });
        assert.ok(squash(f).includes(squash(expected)), `${lang} ${sender} ${path}: ${expected}\n${f}`);
        assert.ok(!squash(f).includes(squash(wrong)), `${lang} ${sender} ${path}: not ${wrong}\n${f}`);
        assert.ok(plain.includes(`  + ${expected}`), `${lang} ${sender} ${path} (plain): ${expected}\n${plain.join("\n")}`);
      }
    }
  });
}
