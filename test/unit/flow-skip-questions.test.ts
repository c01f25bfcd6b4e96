// Questions that cannot change the outcome are not asked (the engine is the judge): after a 5.7.139 naming security defaults the
// wizard asked nine questions on the account and the tenant (tmux, ja, persona run), though six of them could change neither the
// verdict, the proved causes nor the plan's first step. With the real engine, plan and parser, in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { setFact, type FactPath } from "../../src/case/facts.js";
import type { Case } from "../../src/case/schema.js";
import { emptyCase } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { loadCatalog } from "../../src/devices/index.js";
import type { Diagnosis } from "../../src/engine/types.js";
import { initFlow, makeReducer, pendingQuestions, questionsToAsk } from "../../src/flow/reducer.js";
import type { FlowEvent, FlowState } from "../../src/flow/types.js";
import { buildPlan } from "../../src/plan/index.js";
import { FOUND_ROUND_16 } from "../scenarios/real-pastes-found-16.js";

// https://trevorbotha.net/tag/smtp/ (test/scenarios/real-pastes-found-16.ts): WP Mail SMTP's log line, security defaults on.
const DEFAULTS = FOUND_ROUND_16.find((p) => p.source === "https://trevorbotha.net/tag/smtp/")?.text ?? "";
// Exchange Online's bare 5.7.3 (domain.md's reply table): several causes possible, none proved.
const BARE = "535 5.7.3 Authentication unsuccessful";

async function walk(lang: "en" | "ja", text: string) {
  const deps = makeServices({ today: "2026-12-06", cwd: process.cwd(), ascii: true, devices: await loadCatalog() }).deps;
  const reduce = makeReducer(deps);
  const run = (s: FlowState, ...events: FlowEvent[]) => events.reduce(reduce, s);
  let s = run(initFlow(deps, { lang, langExplicit: true, empty: emptyCase() }), { type: "choosePurpose", purpose: "failing" }, { type: "submitPaste", text }, { type: "continue" });
  while (s.screen.id === "device" || s.screen.id === "history") s = run(s, { type: "dontKnow", path: s.screen.path });
  s = run(s, { type: "skipProbe" });
  const atSource = s;
  s = run(s, { type: "chooseSource", source: "manual" });
  const asked: FactPath[] = [];
  while (s.screen.id === "question") {
    asked.push(s.screen.path);
    s = run(s, { type: "dontKnow", path: s.screen.path });
  }
  return { deps, atSource, asked, end: s };
}

// Per-user MFA, Conditional Access, the policies, the tenant's switch and the licence change nothing while security defaults
// refuse the password, whatever their answer.
const NO_CHANGE = {
  "account.perUserMfaState": ["disabled", "enabled", "enforced"],
  "account.legacyAuthBlockedByConditionalAccess": [true, false],
  "account.authenticationPolicy": [null, { name: "p", allowBasicAuthSmtp: true }, { name: "p", allowBasicAuthSmtp: false }],
  "tenant.smtpClientAuthenticationDisabled": [true, false],
  "tenant.defaultAuthenticationPolicy": [null, { name: "p", allowBasicAuthSmtp: true }, { name: "p", allowBasicAuthSmtp: false }],
  "account.exchangeLicensed": [true, false],
} satisfies Partial<Record<FactPath, unknown[]>>;

const outcome = (c: Case, d: Diagnosis) => [d.verdict, d.causes.filter((f) => f.status === "blocking").map((f) => f.id).sort(), buildPlan(c, d, "en").steps[0]?.id];

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: after a reply naming security defaults, only the questions whose answer can change the outcome are asked; the others stay unknown in the result`, async () => {
    assert.ok(DEFAULTS.includes("security defaults"));
    const { deps, atSource, asked, end } = await walk(lang, DEFAULTS);
    assert.ok(atSource.diagnosis.causes.some((f) => f.id === "security-defaults" && f.status === "blocking"));
    const pending = pendingQuestions(atSource);
    const skipped = pending.filter((p) => !asked.includes(p));
    // A disabled account, a mailbox with SMTP AUTH off or no mailbox at all each lead the plan with their own step: asked.
    for (const p of ["account.accountEnabled", "account.smtpClientAuthenticationDisabled", "account.recipientTypeDetails"] as const) assert.ok(asked.includes(p), `${p} asked: ${asked.join(", ")}`);
    for (const p of Object.keys(NO_CHANGE) as (keyof typeof NO_CHANGE)[]) assert.ok(skipped.includes(p), `${p} not asked: ${asked.join(", ")}`);
    assert.ok(asked.length < pending.length);
    // What was left out, the engine still lists as unknown in the result, and no answer to it changes the outcome.
    assert.deepEqual(end.screen, { id: "result" });
    const before = outcome(atSource.case, atSource.diagnosis);
    for (const p of skipped) {
      assert.ok(end.diagnosis.unknowns.includes(p), `${p} listed as unknown`);
      assert.ok(!end.dontKnow.includes(p), `${p} was not answered "I don't know"`);
    }
    for (const [p, values] of Object.entries(NO_CHANGE)) {
      for (const value of values) {
        const c = setFact(atSource.case, p as FactPath, value);
        assert.deepEqual(outcome(c, deps.evaluate(c)), before, `${p} = ${JSON.stringify(value)}`);
      }
    }
  });

  test(`${lang}: while the reply proves no cause, every question still to ask is asked`, async () => {
    const { deps, atSource, asked } = await walk(lang, BARE);
    assert.ok(!atSource.diagnosis.causes.some((f) => f.status === "blocking"));
    assert.deepEqual(questionsToAsk(deps, atSource), pendingQuestions(atSource));
    assert.deepEqual(asked, pendingQuestions(atSource));
  });
}
