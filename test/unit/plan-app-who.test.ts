// Who changes an application's own settings: its owner or administrator, not the help desk. An application's plan read "Who:
// help desk" on re-entering its password (persona run, tmux ja: 「担当: ヘルプデスク」 on an application's case), as it does for
// a printer whose password the help desk types on the panel. Every step on the sender's own settings (scope "device") that the
// help desk does for a device names the application's owner / administrator for an application, in the text report, the
// summary, the Markdown and the hand-over; a device's plan is unchanged. Both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { LANGS, t } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { whoLabel } from "../../src/report/common.js";
import { renderHandover } from "../../src/report/handover.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { summarize } from "../../src/report/summary.js";
import { renderText } from "../../src/report/text.js";
import { FOUND_2026_12_04 } from "../scenarios/real-pastes-found.js";

// https://github.com/jstedfast/MailKit/issues/700 (test/scenarios/real-pastes-found.ts): a .NET application's 5.7.3.
const MAILKIT = FOUND_2026_12_04.find((p) => p.source === "https://github.com/jstedfast/MailKit/issues/700")?.text ?? "";

const sender = (vendor: "app" | "canon", more: NonNullable<Case["device"]>): Case => ({ schema: "smtp-auth-doctor/case@1", asOf: "2026-12-06", device: { vendor, ...more } });
/** The password (a refusal that does not say why), and port 25 without encryption (a confirmed setting of the sender's own). */
const CASES = [(v: "app" | "canon") => sender(v, { reply: MAILKIT }), (v: "app" | "canon") => sender(v, { host: "smtp.office365.com", port: 25, security: "none", auth: "basic" })];

for (const lang of LANGS) {
  test(`${lang}: an application's own settings are its owner's or administrator's to change, a device's the help desk's`, () => {
    assert.ok(MAILKIT.includes("5.7.3"));
    const desk = t(lang, "plan.report.who.helpdesk");
    const admin = t(lang, "plan.report.who.app-admin");
    const whoLine = (label: string) => `${t(lang, "plan.report.step.who")}: ${label}`;
    for (const make of CASES) {
      for (const vendor of ["app", "canon"] as const) {
        const c = make(vendor);
        const d = evaluate(c, { today: "2026-12-06" });
        const plan = buildPlan(c, d, lang);
        const own = plan.steps.filter((s) => s.who === "helpdesk" && s.scope === "device");
        assert.ok(own.length > 0, plan.steps.map((s) => s.id).join(", "));
        const input = { case: c, diagnosis: d, plan, lang, width: 300 };
        const text = renderText(input);
        const summary = summarize(d, plan, lang, c);
        const md = renderMarkdown(input);
        if (vendor === "app") {
          for (const s of own) assert.equal(whoLabel(lang, s, c), admin, s.id);
          assert.ok(text.includes(whoLine(admin)), text);
          assert.ok(!text.includes(whoLine(desk)), text);
          assert.ok(summary.who.includes(admin) && !summary.who.includes(desk), summary.who.join(" | "));
          assert.ok(md.includes(admin) && !md.includes(`${desk}\n`), md);
        } else {
          for (const s of own) assert.equal(whoLabel(lang, s, c), desk, s.id);
          assert.ok(text.includes(whoLine(desk)), text);
          assert.ok(!text.includes(admin), text);
        }
      }
    }
  });

  test(`${lang}: the hand-over names the application's owner or administrator for its settings, the help desk for a device's`, () => {
    for (const vendor of ["app", "canon"] as const) {
      const c = CASES[1]!(vendor);
      const d = evaluate(c, { today: "2026-12-06" });
      const hand = renderHandover({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
      const heading = (key: "plan.handover.deskHeading" | "plan.handover.deskHeading.app") => t(lang, key, { sender: t(lang, vendor === "app" ? "plan.sender.app" : "plan.sender.device") });
      assert.ok(hand.includes(heading(vendor === "app" ? "plan.handover.deskHeading.app" : "plan.handover.deskHeading")), hand);
      if (vendor === "app") assert.ok(!hand.includes(t(lang, "plan.report.who.helpdesk")), hand);
    }
  });
}
