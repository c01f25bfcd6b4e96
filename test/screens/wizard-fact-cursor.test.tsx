// The wizard's fact questions start on "I don't know" (persona round 6, P6-9): they started on the
// first, affirmative answer (the maker Ricoh, "yes, supports OAuth", the mailbox's SMTP AUTH "on"),
// and a user pressing Enter through recorded those as facts. A recorded answer is where the cursor
// starts when there is one; the lists that are not facts (language, purpose, source) keep theirs.
// And the user-name question warns about a name that is no address, taking it on a second Enter (P6-3).
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { WizardApp, type ExitReason } from "../../screens/App.js";
import { QuestionScreen } from "../../screens/Question.js";
import { parseCase } from "../../src/case/io.js";
import { emptyCase, type Case } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { loadCatalog } from "../../src/devices/index.js";
import { question, QUESTION_PATHS } from "../../src/flow/questions.js";
import { initFlow } from "../../src/flow/reducer.js";
import type { FlowState } from "../../src/flow/types.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY, waitFor } from "../helpers/wait.js";

afterEach(() => cleanup());

async function wizard(lang: Lang, loaded?: Case) {
  // No probe from this PC (no network in a screen test): its step is then passed over with Enter.
  const { probe: _probe, ...services } = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false, devices: await loadCatalog() });
  const exits: { state: FlowState; reason: ExitReason }[] = [];
  const initial = initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase(), ...(loaded ? { loaded } : {}) });
  const r = mount(<WizardApp services={services} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: 80 })} rows={40} onExit={(state, reason) => exits.push({ state, reason })} />);
  return { r, exits };
}

const selected = (frame: string) => frame.split("\n").find((l) => l.includes("\u276f")) ?? "";
const squeeze = (text: string) => text.replace(/\s+/g, "");
/** The frame's title and step lines: they differ from one screen to the next. */
const header = (frame: string) => frame.split("\n").slice(0, 3).join("\n");

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: Enter pressed through the wizard records no fact: every fact's list starts on "I don't know"`, async () => {
    const { r, exits } = await wizard(lang);
    const prompts = QUESTION_PATHS.filter((p) => question(p).input.type === "choice" || question(p).input.type === "policy").map((p) => [p, t(lang, `questions.${p}.q` as never)] as const);
    const purpose = await frameWith(r, t(lang, "wizard.purpose.q"));
    // Not a fact: the purpose keeps its default (the first, "cannot send").
    assert.ok(selected(purpose).includes(t(lang, "wizard.purpose.failing")), selected(purpose));
    const seen: string[] = [];
    let last = header(purpose);
    await press(r, KEY.enter);
    for (let i = 0; i < 60; i++) {
      const frame = await waitFor(() => {
        const f = r.lastFrame() ?? "";
        return header(f) !== last ? f : undefined;
      }, { what: "the next screen", last: () => r.lastFrame() ?? "" });
      last = header(frame);
      if (frame.includes(t(lang, "wizard.result.title"))) break;
      // The question as drawn, wrapped to the screen (compared without the spaces and line breaks).
      const asked = prompts.find(([, prompt]) => squeeze(frame).includes(squeeze(prompt)));
      if (asked) {
        seen.push(asked[0]);
        assert.ok(selected(frame).includes(t(lang, "questions.dontKnow")), `${asked[0]}: ${selected(frame)}`);
      }
      await press(r, KEY.enter);
    }
    // The maker, the encryption, the sign-in, OAuth, and the questions of step 4 (the mailbox's switch among them).
    for (const path of ["device.vendor", "device.security", "device.auth", "device.oauthSupported", "account.smtpClientAuthenticationDisabled"]) assert.ok(seen.includes(path), `${path} was asked: ${seen.join(", ")}`);
    await press(r, KEY.ctrlC);
    await waitFor(() => exits.length === 1, { what: "cancel" });
    const c = exits[0]?.state.case;
    assert.equal(c?.device?.vendor, undefined);
    assert.equal(c?.device?.oauthSupported, undefined);
    assert.equal(c?.account?.smtpClientAuthenticationDisabled, undefined);
    assert.deepEqual(c?.sources ?? {}, {}, "no answer recorded");
  });
}

test("coming back to an answered question, the cursor is on the answer recorded, and Enter keeps it", async () => {
  const loaded = parseCase(JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { username: "mfp@contoso.com", host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic" } }), "case");
  const { r, exits } = await wizard("en", loaded);
  const first = await frameWith(r, /Question 1 /);
  const asked = QUESTION_PATHS.find((p) => question(p).input.type === "choice" && first.includes(t("en", `questions.${p}.q` as never)));
  assert.ok(asked, first);
  const input = question(asked).input;
  assert.ok(input.type === "choice");
  assert.ok(selected(first).includes(t("en", "questions.dontKnow")), selected(first));
  // Choose the second answer, go on, come back: the cursor is on it.
  await press(r, KEY.home, KEY.down, KEY.enter);
  await frameWith(r, /Question 2 /);
  await press(r, KEY.escape);
  const back = await frameWith(r, /Question 1 /);
  const label = t("en", input.choices[1]?.label as never);
  assert.ok(selected(back).includes(label), `${selected(back)} (expected ${label})`);
  await press(r, KEY.enter);
  await frameWith(r, /Question 2 /);
  await press(r, KEY.ctrlC);
  await waitFor(() => exits.length === 1, { what: "cancel" });
  const value = asked.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), exits[0]?.state.case);
  assert.equal(value, input.choices[1]?.value);
});

/** The user-name question alone, with what it answers. */
function userNameQuestion(lang: Lang) {
  const answers: unknown[] = [];
  const c = parseCase(JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { host: "smtp.office365.com", auth: "basic" } }), "case");
  const r = mount(
    <QuestionScreen theme={makeTheme({ color: false, ascii: false, columns: 80 })} lang={lang} step="2" progress="7 / 9" question={question("device.username")} case={c} value={undefined} rows={24} onAnswer={(v) => answers.push(v)} onDontKnow={() => answers.push("(dontKnow)")} onBack={() => {}} />,
  );
  return { r, answers };
}

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: a user name that is no address is warned about at its question, and a second Enter keeps it (P6-3)`, async () => {
    const warning = squeeze(t(lang, "questions.device.username.notAddress"));
    for (const typed of ["CONTOSO\\scanner", "scanner", "scan osaka@contoso.com"]) {
      const { r, answers } = userNameQuestion(lang);
      await frameWith(r, t(lang, "wizard.question.inputLabel"));
      await press(r, typed, KEY.enter);
      const warned = await waitFor(() => {
        const x = r.lastFrame() ?? "";
        return squeeze(x).includes(warning) ? x : undefined;
      }, { what: "the warning", last: () => r.lastFrame() ?? "" });
      assert.ok(warned.includes(typed), "the field keeps what was typed");
      assert.deepEqual(answers, [], "not taken yet");
      // Within the screen's rows (the answers' room counts the warning).
      assert.ok(warned.replace(/\n+$/, "").split("\n").length <= 23, warned);
      await press(r, KEY.enter);
      await waitFor(() => answers.length === 1 || undefined, { what: "the answer" });
      assert.deepEqual(answers, [typed], "taken as typed: the warning refuses nothing");
      r.unmount();
    }
  });

  test(`${lang}: a full address is taken at once, with no warning`, async () => {
    const { r, answers } = userNameQuestion(lang);
    await frameWith(r, t(lang, "wizard.question.inputLabel"));
    await press(r, "mfp@contoso.com", KEY.enter);
    await waitFor(() => answers.length === 1 || undefined, { what: "the answer" });
    assert.deepEqual(answers, ["mfp@contoso.com"]);
    assert.ok(!squeeze(r.lastFrame() ?? "").includes(squeeze(t(lang, "questions.device.username.notAddress"))));
  });
}
