// The Basic-auth retirement's dates are said as they stand on the day of the diagnosis (persona round 6, P6-18: in 2028 the
// cause still read "becomes off by default at the end of December 2026; the final removal date follows in H2 2027").
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { retirementWording, RETIREMENT_TIMELINE } from "../../src/engine/timeline.js";
import { t, type MessageKey } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { toJson } from "../../src/report/json.js";
import { compareOptions } from "../../src/whatif/options.js";
import { renderOptions } from "../../src/whatif/render.js";

const LANGS = ["en", "ja"] as const;
const REFUSED = "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.";

test("retirementWording: as announced until the change, the state since it from January 2027, the final date possibly passed from 2028", () => {
  assert.equal(retirementWording("2026-11-22"), "");
  assert.equal(retirementWording("2026-12-31"), "");
  assert.equal(retirementWording("2027-01-01"), ".disabled");
  assert.equal(retirementWording("2027-12-31"), ".disabled");
  assert.equal(retirementWording(RETIREMENT_TIMELINE.finalRemovalMayHavePassed.from), ".late");
  assert.equal(retirementWording("2031-06-01"), ".late");
});

test("the retirement cause's summary and the options' 'lasts' say the dates as they stand on the day, in both languages", () => {
  const days: Array<[string, "" | ".disabled" | ".late"]> = [
    ["2026-12-05", ""],
    ["2027-01-10", ".disabled"],
    ["2028-01-15", ".late"],
  ];
  for (const [day, wording] of days) {
    const c: Case = { schema: "smtp-auth-doctor/case@1", asOf: day, device: { host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", reply: REFUSED } };
    const d = evaluate(c, { today: day });
    assert.ok(d.causes.some((f) => f.id === "basic-auth-retired"), `${day}: ${d.causes.map((f) => f.id).join(", ")}`);
    for (const lang of LANGS) {
      const plan = buildPlan(c, d, lang);
      const json = toJson(d, plan);
      const cause = json.causes.find((x) => x.id === "basic-auth-retired");
      assert.equal(cause?.summary, t(lang, `cause.basic-auth-retired.summary${wording}` as MessageKey), `${day} ${lang}`);
      assert.ok(json.plan.options.some((o) => o.lasts === t(lang, `plan.option.lasts.untilRetirement${wording}` as MessageKey)), `${day} ${lang}: ${json.plan.options.map((o) => o.lasts).join(" | ")}`);
      const options = renderOptions(lang, compareOptions(c, (x) => evaluate(x, { today: day })), 400);
      assert.ok(options.includes(t(lang, `whatif.lasts.until-retirement${wording}` as MessageKey)), `${day} ${lang}: ${options}`);
    }
  }
  // The texts written for later days name no future that has passed.
  assert.ok(!t("en", "cause.basic-auth-retired.summary.disabled").includes("becomes off by default"));
  assert.ok(t("en", "cause.basic-auth-retired.summary.late").includes("may have passed"));
});
