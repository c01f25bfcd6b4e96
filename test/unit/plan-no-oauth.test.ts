// A device recorded as unable to use OAuth (persona round 6, P6-4): the plan said "Move the device to OAuth, or to one
// of the options", with OAuth's verify step (the SMTP AUTH clients report shows OAuth), the device owner as the one who
// acts, and "Security (none): it removes a password", beside options that keep a password (High Volume Email) or trust
// an IP address (a relay connector). Its step is now the other ways of sending, with their own owner and costs.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { LANGS, t } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderText } from "../../src/report/index.js";

const SCHEMA = "smtp-auth-doctor/case@1" as const;

/** The persona's Zabbix case, as the report gives it. */
const ZABBIX: Case = {
  schema: SCHEMA,
  asOf: "2027-01-10",
  title: "Zabbix alerts",
  device: {
    host: "smtp.office365.com",
    port: 587,
    security: "starttls",
    tlsVersion: "1.3",
    auth: "basic",
    oauthSupported: false,
    username: "zabbix@contoso.com",
    from: "alerts@contoso.com",
    reply: "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
  },
};

/** Only the retirement (a warning before December 2026), nothing else in the way: High Volume Email is one of the ways. */
const RETIREMENT_ONLY = (oauthSupported: boolean | undefined): Case => ({
  schema: SCHEMA,
  asOf: "2026-11-20",
  device: { host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", username: "mfp@contoso.com", from: "mfp@contoso.com", ...(oauthSupported === undefined ? {} : { oauthSupported }) },
});

const planFor = (c: Case, lang: (typeof LANGS)[number]) => buildPlan(c, evaluate(c, { today: "2026-12-04" }), lang);

for (const lang of LANGS) {
  test(`${lang}: the Zabbix case: no "move to OAuth" step; the other ways carry the retirement, with their owner, verify and costs`, () => {
    const plan = planFor(ZABBIX, lang);
    assert.equal(plan.steps.find((s) => s.id === "move-to-oauth"), undefined, plan.steps.map((s) => s.id).join(", "));
    const step = plan.steps.find((s) => s.id === "send-another-way");
    assert.ok(step, plan.steps.map((s) => s.id).join(", "));
    assert.ok(step.causeIds.includes("basic-auth-retired"), step.causeIds.join(", "));
    assert.equal(step.who, "exchange-admin");
    assert.equal(step.verify.text, t(lang, "plan.step.send-another-way.verify"));
    assert.equal(step.why, t(lang, "plan.step.send-another-way.why.retired"));
    // The ways that pass the policy the reply may mean as well (High Volume Email still meets the organization's default policy).
    const ways = [t(lang, "plan.fix.smtp-relay.short"), t(lang, "plan.fix.direct-send.short")].join(t(lang, "plan.report.listSep"));
    assert.equal(step.title, t(lang, "plan.step.send-another-way.title.noOauth", { ways }));
    assert.notEqual(step.security.level, "none");
    // The costs of the ways it lists (a relay connector trusts an IP; Direct Send is anonymous), none of OAuth's.
    assert.ok(step.security.text.includes(t(lang, "whatif.option.smtp-relay.exposes")), step.security.text);
    assert.ok(!step.security.text.includes(t(lang, "plan.step.move-to-oauth.security")));
    // The weakening exception still waits for the safer way.
    const exception = plan.steps.find((s) => s.id === "account-auth-policy");
    assert.deepEqual(exception?.onlyIf?.saferSteps, ["send-another-way"]);
    // And the report no longer says OAuth's verify or "it removes a password" anywhere.
    const c = ZABBIX;
    const text = renderText({ case: c, diagnosis: evaluate(c, { today: "2026-12-04" }), plan, lang, width: 2000 });
    assert.ok(!text.includes(t(lang, "plan.step.move-to-oauth.security")), "no OAuth security line");
    assert.ok(!text.includes(t(lang, "plan.step.move-to-oauth.verify")), "no OAuth verify line");
  });

  test(`${lang}: only the retirement, a device that cannot use OAuth: one step, the other ways, High Volume Email's password said as its cost`, () => {
    const plan = planFor(RETIREMENT_ONLY(false), lang);
    assert.deepEqual(plan.steps.map((s) => s.id), ["send-another-way"]);
    const step = plan.steps[0];
    assert.equal(step?.status, "warning");
    assert.ok(step?.title.includes(t(lang, "plan.fix.hve.short")), step?.title);
    assert.ok(step?.security.text.includes(t(lang, "whatif.option.hve.exposes")), step?.security.text);
    assert.ok(step?.security.text.includes(t(lang, "whatif.option.direct-send.exposes")), step?.security.text);
    // The costliest way listed sets the level (Direct Send: medium, as the options table rates it).
    assert.equal(step?.security.level, "medium");
  });

  test(`${lang}: a device that can, or may, use OAuth still moves to it for the retirement (no "send another way" for it alone)`, () => {
    for (const support of [true, undefined]) {
      const plan = planFor(RETIREMENT_ONLY(support), lang);
      assert.deepEqual(plan.steps.map((s) => s.id), ["move-to-oauth"], String(support));
      assert.equal(plan.steps[0]?.why, t(lang, support === true ? "plan.step.move-to-oauth.why.supported" : "plan.step.move-to-oauth.why.unknown"));
    }
  });
}
