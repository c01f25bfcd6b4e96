import assert from "node:assert/strict";
import { test } from "node:test";
import { render } from "ink-testing-library";
import { FACT_PATHS, type FactPath } from "../../src/case/facts.js";
import { setFact } from "../../src/case/facts.js";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import type { Diagnosis } from "../../src/engine/types.js";
import { WhatIf } from "../../screens/WhatIf.js";

import { healthyBasic, layered } from "../helpers/whatif-cases.js";
import { KEY, waitFor, widest } from "../helpers/whatif-screen.js";
import { causeTitle } from "../../src/render/labels.js";
import { t } from "../../src/i18n/index.js";

const ev = (c: Case): Diagnosis => evaluate(c, { today: "2026-11-22" });
const tenantOnly = () => setFact(healthyBasic(), "account.smtpClientAuthenticationDisabled", null);
const downTo = (path: FactPath) => KEY.down.repeat(FACT_PATHS.indexOf(path));
const squash = (s: string) => s.replace(/\s+/g, "");

for (const lang of ["en", "ja"] as const) {
  const T = {
    en: { first: "Evaluation date", mailbox: "Mailbox: Authenticated SMTP", follow: "follow the organization", on: "on", verdictFlip: "Verdict: blocked -> clear", changed: "changed here", fixes: "Compare the fixes", oauth: "Move the device to OAuth", hyp: "hypothetical: 1 changed", rec: "as recorded" },
    ja: { first: "評価日", mailbox: "メールボックス: 認証済み SMTP", follow: "組織の設定に従う", on: "オン", verdictFlip: "判定: ブロック -> 問題なし", changed: "ここで変更", fixes: "修正方法の比較", oauth: "デバイスを OAuth", hyp: "仮定: 1 件変更", rec: "記録どおり" },
  }[lang];

  test(`${lang}: change the mailbox setting, the verdict flips at once, differences marked; fits 80 columns`, async () => {
    const changes: Case[] = [];
    const { stdin, lastFrame, unmount } = render(<WhatIf lang={lang} original={tenantOnly()} evaluate={ev} today="2026-11-22" color={false} onChange={(c) => changes.push(c)} />);
    let frame = await waitFor(lastFrame, (f) => f.includes(T.first));
    assert.ok(frame.includes(T.rec));
    assert.ok(widest(frame) <= 80, `too wide:\n${frame}`);
    // 20 arrow keys in one chunk, like a fast typist or tmux: the selection must follow every one.
    stdin.write(downTo("account.smtpClientAuthenticationDisabled"));
    frame = await waitFor(lastFrame, (f) => /❯ +メールボックス|❯ +Mailbox: Auth/.test(f));
    assert.ok(frame.includes(T.follow));
    stdin.write(KEY.enter);
    frame = await waitFor(lastFrame, (f) => f.includes(T.verdictFlip));
    assert.ok(frame.includes(T.hyp), frame);
    assert.ok(frame.includes(T.changed));
    assert.ok(frame.includes(` - ${causeTitle(lang, "tenant-smtp-auth-disabled")}`), frame);
    assert.match(frame, new RegExp(`\\* ${T.mailbox}`));
    assert.ok(widest(frame) <= 80, `too wide:\n${frame}`);
    await waitFor(lastFrame, () => changes.length > 0);
    const last = changes.at(-1);
    assert.equal(last?.account?.smtpClientAuthenticationDisabled, false);
    assert.deepEqual(last?.sources?.["account.smtpClientAuthenticationDisabled"], { kind: "whatif", original: null });
    assert.equal(last?.hypothetical, true);
    unmount();
  });

  test(`${lang}: the mailbox setting cycles on / off / follow; r resets one, R resets all`, async () => {
    const { stdin, lastFrame, unmount } = render(<WhatIf lang={lang} original={tenantOnly()} evaluate={ev} today="2026-11-22" color={false} />);
    await waitFor(lastFrame, (f) => f.includes(T.first));
    stdin.write(downTo("account.smtpClientAuthenticationDisabled"));
    await waitFor(lastFrame, (f) => /❯ +メールボックス|❯ +Mailbox: Auth/.test(f));
    const row = (f: string) => f.split("\n").find((l) => l.includes(T.mailbox)) ?? "";
    stdin.write(KEY.space);
    await waitFor(lastFrame, (f) => row(f).includes(` ${T.on} `));
    stdin.write(KEY.right);
    await waitFor(lastFrame, (f) => /オフ|off/.test(row(f)) && !row(f).includes(T.follow));
    stdin.write(KEY.right);
    await waitFor(lastFrame, (f) => row(f).includes(T.follow) && f.includes(T.rec));
    stdin.write(KEY.left);
    await waitFor(lastFrame, (f) => /オフ|off/.test(row(f)));
    stdin.write("r");
    await waitFor(lastFrame, (f) => row(f).includes(T.follow) && f.includes(T.rec));
    // Two changes, then reset all in the same chunk as a move.
    stdin.write(KEY.enter);
    stdin.write(KEY.up + KEY.space);
    await waitFor(lastFrame, (f) => /仮定: 2 件変更|hypothetical: 2 changed/.test(f));
    stdin.write("R");
    await waitFor(lastFrame, (f) => f.includes(T.rec) && row(f).includes(T.follow));
    unmount();
  });

  test(`${lang}: Tab shows the comparison of the fixes for the layered case`, async () => {
    const { stdin, lastFrame, unmount } = render(<WhatIf lang={lang} original={layered()} evaluate={ev} today="2026-11-22" color={false} />);
    await waitFor(lastFrame, (f) => f.includes(T.first));
    stdin.write(KEY.tab);
    let frame = await waitFor(lastFrame, (f) => f.includes(T.fixes) && f.includes(T.oauth));
    assert.ok(widest(frame) <= 80, `too wide:\n${frame}`);
    assert.match(frame, /❯1\./);
    stdin.write(KEY.down);
    frame = await waitFor(lastFrame, (f) => /❯2\./.test(f));
    // The ways that work if their conditions hold come before the mailbox's switch, which leaves this device blocked even
    // with the account's exceptions (persona round 5).
    assert.ok(/受信コネクタ|inbound connect/.test(frame.split("\n").find((l) => l.includes("❯2.")) ?? ""), frame);
    stdin.write(KEY.tab);
    await waitFor(lastFrame, (f) => f.includes(T.first));
    unmount();
  });

  test(`${lang}: the calendar control moves the date to the December 2026 change and back; dates can be typed`, async () => {
    const { stdin, lastFrame, unmount } = render(<WhatIf lang={lang} original={setFact(healthyBasic(), "tenant.basicAuthSmtpReenabled", false)} evaluate={ev} today="2026-11-22" color={false} />);
    await waitFor(lastFrame, (f) => f.includes(T.first));
    stdin.write("]");
    await waitFor(lastFrame, (f) => /2026-12-01/.test(f) && /December 2026: the default|2026 年 12 月: 既定値/.test(f) && /Not announced yet|未発表/.test(f));
    stdin.write("]");
    await waitFor(lastFrame, (f) => /2027-01-01/.test(f) && /blocked -> blocked|ブロック|clear -> blocked/.test(f));
    stdin.write("[[");
    await waitFor(lastFrame, (f) => /2026-11-22/.test(f) && f.includes(T.rec));
    // Type a date into the evaluation date (the first fact): the editor says what it takes.
    const dateRow = (f: string) => f.split("\n").find((l) => l.includes(T.first)) ?? "";
    stdin.write(KEY.enter);
    await waitFor(lastFrame, (f) => /2026-11-22 /.test(dateRow(f)) && squash(f).includes(squash(t(lang, "whatif.screen.edit.date"))));
    stdin.write(KEY.backspace.repeat(10));
    await waitFor(lastFrame, (f) => !/\d/.test(dateRow(f).replace(T.first, "")));
    stdin.write("2027-13-01\r");
    await waitFor(lastFrame, (f) => squash(f).includes(squash(t(lang, "whatif.screen.err.date"))));
    stdin.write(KEY.backspace.repeat(5) + "02-01\r");
    const frame = await waitFor(lastFrame, (f) => /2027-02-01/.test(f) && f.includes(T.hyp));
    assert.ok(frame.includes(causeTitle(lang, "basic-auth-retired")), frame);
    unmount();
  });
}

test("ASCII mode draws only ASCII; no ambiguous-width glyphs in Japanese either", async () => {
  const { lastFrame, unmount } = render(<WhatIf lang="en" ascii original={layered()} evaluate={ev} today="2026-11-22" color={false} />);
  const frame = await waitFor(lastFrame, (f) => f.includes("Evaluation date"));
  // eslint-disable-next-line no-control-regex
  assert.ok(/^[\u0000-\u007f]*$/.test(frame), frame);
  unmount();
  const ja = render(<WhatIf lang="ja" original={layered()} evaluate={ev} today="2026-11-22" color={false} width={60} listRows={6} />);
  const jaFrame = await waitFor(ja.lastFrame, (f) => f.includes("評価日"));
  assert.ok(!/[…→←↑↓●○※─·]/.test(jaFrame), jaFrame);
  assert.ok(widest(jaFrame) <= 60, jaFrame);
  ja.unmount();
});

test("save and back are callbacks; an unfocused screen ignores keys", async () => {
  let saved: Case | undefined;
  let back = 0;
  const { stdin, lastFrame, unmount, rerender } = render(
    <WhatIf lang="en" original={tenantOnly()} evaluate={ev} today="2026-11-22" color={false} onSave={(c) => (saved = c)} onBack={() => back++} />,
  );
  await waitFor(lastFrame, (f) => f.includes("Evaluation date"));
  stdin.write(downTo("account.smtpClientAuthenticationDisabled") + " s");
  await waitFor(lastFrame, () => saved !== undefined);
  assert.equal(saved?.hypothetical, true);
  assert.deepEqual(saved?.sources?.["account.smtpClientAuthenticationDisabled"], { kind: "whatif", original: null });
  rerender(<WhatIf lang="en" original={tenantOnly()} evaluate={ev} today="2026-11-22" color={false} focused={false} onBack={() => back++} />);
  stdin.write("R");
  stdin.write(KEY.escape);
  // Still changed: the unfocused screen did not reset.
  await waitFor(lastFrame, (f) => f.includes("hypothetical: 1 changed"));
  assert.equal(back, 0);
  unmount();
});

test("a port is typed, a bad value is refused saying what is accepted, u makes a fact unknown", async () => {
  const { stdin, lastFrame, unmount } = render(<WhatIf lang="en" original={healthyBasic()} evaluate={ev} today="2026-11-22" color={false} />);
  await waitFor(lastFrame, (f) => f.includes("Evaluation date"));
  const row = (f: string) => f.split("\n").find((l) => l.includes("Device: port")) ?? "";
  stdin.write(downTo("device.port"));
  await waitFor(lastFrame, (f) => row(f).startsWith("❯"));
  stdin.write(KEY.enter);
  await waitFor(lastFrame, (f) => row(f).includes("587") && squash(f).includes(squash(t("en", "whatif.screen.edit.port"))));
  stdin.write(KEY.backspace.repeat(3) + "99999" + KEY.enter);
  await waitFor(lastFrame, (f) => squash(f).includes(squash(t("en", "whatif.screen.err.port"))));
  stdin.write(KEY.backspace.repeat(5) + "465" + KEY.enter);
  let frame = await waitFor(lastFrame, (f) => /\* Device: port +465 /.test(f));
  assert.ok(frame.includes("hypothetical: 1 changed"), frame);
  stdin.write("u");
  frame = await waitFor(lastFrame, (f) => /\* Device: port +unknown /.test(f));
  assert.ok(frame.includes("changed here"));
  unmount();
});

// Persona round 5 leftovers: a Send As value from a saved what-if file read 「ここで変更」 ("changed here") though it was not
// changed on this screen. It says where it came from (the file); changed here, it says so; reset, the file again.
for (const lang of ["en", "ja"] as const) {
  test(`${lang}: a what-if change that came with the loaded file reads as from the what-if file, not as changed here`, async () => {
    const fromFile = t(lang, "whatif.source.whatifFile");
    const here = t(lang, "whatif.source.whatif");
    const saved: Case = { ...setFact(healthyBasic(), "account.sendAs", false), hypothetical: true };
    saved.sources = { ...saved.sources, "account.sendAs": { kind: "whatif", original: "absent" } };
    const { stdin, lastFrame, unmount } = render(<WhatIf lang={lang} original={saved} evaluate={ev} today="2026-11-22" color={false} />);
    const label = t(lang, "whatif.fact.account.sendAs");
    const row = (f: string) => f.split("\n").find((l) => l.includes(label)) ?? "";
    await waitFor(lastFrame, (f) => f.includes(lang === "ja" ? "評価日" : "Evaluation date"));
    stdin.write(downTo("account.sendAs"));
    let frame = await waitFor(lastFrame, (f) => row(f).includes("\u276f"));
    assert.ok(row(frame).includes(fromFile), row(frame));
    assert.ok(!frame.includes(here), frame);
    assert.ok(widest(frame) <= 80, `too wide:\n${frame}`);
    stdin.write(KEY.enter);
    frame = await waitFor(lastFrame, (f) => row(f).includes(here));
    assert.ok(!row(frame).includes(fromFile), row(frame));
    stdin.write("r");
    frame = await waitFor(lastFrame, (f) => row(f).includes(fromFile));
    assert.ok(!frame.includes(here), frame);
    unmount();
  });
}

// Persona pass (tmux en 100×40): the explorer listed twelve facts over "26 more below" and left ten rows of the window empty.
test("a tall window lists more facts and stays within its rows; a short one keeps fitting", async () => {
  const counts: number[] = [];
  for (const rows of [24, 40, 60]) {
    const { lastFrame, unmount } = render(<WhatIf lang="en" original={layered()} evaluate={ev} today="2026-11-22" color={false} rows={rows} />);
    const frame = (await waitFor(lastFrame, (f) => f.includes("Evaluation date"))).replace(/\n+$/, "");
    unmount();
    const lines = frame.split("\n");
    assert.ok(lines.length <= rows - 1, `${rows}: ${lines.length} rows\n${frame}`);
    assert.ok(lines[0]?.startsWith(t("en", "whatif.screen.title")), frame);
    counts.push(lines.filter((l) => /^[❯ ] [* ] \S/.test(l)).length);
    if (rows === 40) assert.ok(lines.length >= rows - 2, `the window is used: ${lines.length} rows\n${frame}`);
  }
  assert.ok((counts[0] ?? 0) < (counts[1] ?? 0) && (counts[1] ?? 0) < (counts[2] ?? 0), counts.join(" "));
});

// Persona pass (tmux en 100×40): an app's 530 5.7.57, the mailbox's SMTP AUTH off; turned on in the explorer, the verdict
// stayed "blocked" with no cause blocking and nothing saying why (the pasted refusal decides); u on the reply shows the rest.
for (const lang of ["en", "ja"] as const) {
  test(`${lang}: blocked after a change by the pasted reply alone says so, and u on the reply evaluates without it`, async () => {
    const recorded = setFact(setFact(healthyBasic(), "device.reply", "530 5.7.57 Client not authenticated to send mail."), "account.smtpClientAuthenticationDisabled", true);
    const { stdin, lastFrame, unmount } = render(<WhatIf lang={lang} original={recorded} evaluate={ev} today="2026-11-22" color={false} rows={40} />);
    const note = squash(t(lang, "whatif.screen.replyRefuses", { reply: "" })).slice(0, 12);
    let frame = await waitFor(lastFrame, (f) => f.includes(lang === "en" ? "Evaluation date" : "評価日"));
    assert.ok(!squash(frame).includes(note), frame);
    stdin.write(downTo("account.smtpClientAuthenticationDisabled"));
    await waitFor(lastFrame, (f) => /❯ +メールボックス|❯ +Mailbox: Auth/.test(f));
    // Off -> follow the organization (off there too) -> on.
    stdin.write(KEY.enter);
    await waitFor(lastFrame, (f) => /❯ \* (?:Mailbox: Authenticated SMTP|メールボックス: 認証済み SMTP) +(?:follow|組織)/.test(f));
    stdin.write(KEY.enter);
    frame = await waitFor(lastFrame, (f) => squash(f).includes(note));
    assert.ok(frame.includes(lang === "en" ? "Verdict: blocked" : "判定: ブロック"), frame);
    stdin.write(KEY.up.repeat(FACT_PATHS.indexOf("account.smtpClientAuthenticationDisabled") - FACT_PATHS.indexOf("device.reply")));
    await waitFor(lastFrame, (f) => /❯ +(?:Device: server reply|デバイス: サーバーの応答)/.test(f));
    stdin.write("u");
    frame = await waitFor(lastFrame, (f) => !squash(f).includes(note));
    assert.ok(!/^(?:Verdict: blocked|判定: ブロック) *$/m.test(frame), frame);
    unmount();
  });
}
