// Persona round 6, P6-12: the what-if editor said "Type the date (YYYY-MM-DD)" on a port or a host, typed only at the
// end (no Left/Right, Home/End, Ctrl+U or Ctrl+W, which every other text field has), refused a value in the command
// line's words ("--set device.port: this value is not accepted. Accepted: 1-65535 | unknown."), and its English key line
// was 84 columns at 80 ("s:" ended one row, "save" began the next).
import assert from "node:assert/strict";
import { test } from "node:test";
import { render } from "ink-testing-library";
import { FACT_PATHS, type FactPath } from "../../src/case/facts.js";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { width } from "../../src/render/layout.js";
import { WhatIf } from "../../screens/WhatIf.js";
import { healthyBasic } from "../helpers/whatif-cases.js";
import { KEY, plain, waitFor } from "../helpers/whatif-screen.js";

const ev = (c: Case) => evaluate(c, { today: "2026-11-22" });
const downTo = (path: FactPath) => KEY.down.repeat(FACT_PATHS.indexOf(path));
const squash = (s: string) => s.replace(/\s+/g, "");
const HOME = "\u001b[H";
const END = "\u001b[F";
/** Up to the first fact (the list has no Home key). */
const TOP = KEY.up.repeat(FACT_PATHS.length);
const label = (lang: Lang, path: FactPath) => t(lang, `whatif.fact.${path}` as never);
/** The row of a fact. */
const rowOf = (frame: string, text: string) => frame.split("\n").find((l) => l.includes(text)) ?? "";

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: the editor says what each field takes (a date, a port, text) and refuses a value in the wizard's words`, async () => {
    const r = render(<WhatIf lang={lang} original={healthyBasic()} evaluate={ev} today="2026-11-22" color={false} />);
    await waitFor(r.lastFrame, (f) => f.includes(label(lang, "asOf")));
    for (const [path, kind, bad] of [
      ["asOf", "date", "2027-02-30"],
      ["device.port", "port", "99999"],
    ] as const) {
      r.stdin.write(TOP + downTo(path));
      await waitFor(r.lastFrame, (f) => rowOf(f, label(lang, path)).startsWith("❯"));
      r.stdin.write(KEY.enter);
      const f = await waitFor(r.lastFrame, (x) => squash(x).includes(squash(t(lang, `whatif.screen.edit.${kind}`))));
      // Only this field's hint: no date hint on a port.
      if (kind === "port") assert.ok(!squash(f).includes(squash(t(lang, "whatif.screen.edit.date"))), f);
      r.stdin.write("\u0015" + bad + KEY.enter);
      const refused = await waitFor(r.lastFrame, (x) => squash(x).includes(squash(t(lang, `whatif.screen.err.${kind}`))));
      assert.doesNotMatch(refused, /--set|\| unknown/, refused);
      r.stdin.write(KEY.escape);
      await waitFor(r.lastFrame, (x) => !squash(x).includes(squash(t(lang, `whatif.screen.err.${kind}`))));
    }
    // A text field: its own hint with the most characters it takes.
    r.stdin.write(TOP + downTo("device.host") + KEY.enter);
    await waitFor(r.lastFrame, (x) => squash(x).includes(squash(t(lang, "whatif.screen.edit.string", { max: 255 }))));
    r.stdin.write(KEY.escape);
    await waitFor(r.lastFrame, (x) => !squash(x).includes(squash(t(lang, "whatif.screen.edit.string", { max: 255 }))));
    // The day it stopped after the date evaluated (today here): refused, naming that date (persona round 8 #10's history).
    r.stdin.write(TOP + downTo("history.stoppedOn"));
    await waitFor(r.lastFrame, (f) => rowOf(f, label(lang, "history.stoppedOn")).startsWith("❯"));
    r.stdin.write(KEY.enter);
    await waitFor(r.lastFrame, (x) => squash(x).includes(squash(t(lang, "whatif.screen.edit.date"))));
    r.stdin.write("\u0015" + "2026-11-30" + KEY.enter);
    await waitFor(r.lastFrame, (x) => squash(x).includes(squash(t(lang, "whatif.screen.err.stoppedAfter", { date: "2026-11-22" }))));
    r.unmount();
  });

  test(`${lang}: the editor has the line-editing keys: Left/Right, Home/End move the cursor, Ctrl+U clears, Ctrl+W deletes a word, typing goes in at the cursor`, async () => {
    const changes: Case[] = [];
    const r = render(<WhatIf lang={lang} original={healthyBasic()} evaluate={ev} today="2026-11-22" color={false} onChange={(c) => changes.push(c)} />);
    await waitFor(r.lastFrame, (f) => f.includes(label(lang, "asOf")));
    r.stdin.write(downTo("device.host"));
    await waitFor(r.lastFrame, (f) => rowOf(f, label(lang, "device.host")).startsWith("❯"));
    r.stdin.write(KEY.enter);
    const row = () => rowOf(plain(r.lastFrame()), label(lang, "device.host"));
    await waitFor(r.lastFrame, () => row().includes("smtp.office365.com"));
    // Ctrl+W: the word before the cursor (the whole name), then two words typed and one taken back.
    r.stdin.write("\u0017");
    await waitFor(r.lastFrame, () => !row().includes("smtp"));
    r.stdin.write("relay example.com");
    await waitFor(r.lastFrame, () => row().includes("relay example.com"));
    r.stdin.write("\u0017");
    await waitFor(r.lastFrame, () => !row().includes("example"));
    // Backspace the space, then Home and type at the start.
    r.stdin.write(KEY.backspace + HOME + "mail.");
    await waitFor(r.lastFrame, () => row().includes("mail.relay"));
    // End, Left twice: the cursor on "a"; typing goes in before it.
    r.stdin.write(END + KEY.left + KEY.left + "-");
    await waitFor(r.lastFrame, () => row().includes("mail.rel-ay"));
    // Right, then Ctrl+U: everything before the cursor goes ("y" is left).
    r.stdin.write(KEY.right + "\u0015");
    await waitFor(r.lastFrame, () => /y\s/.test(row()) && !row().includes("mail"));
    // End and Ctrl+W take the "y"; the value typed then is applied with Enter.
    r.stdin.write(END + "\u0017" + "smtp.contoso.com" + KEY.enter);
    await waitFor(r.lastFrame, () => changes.at(-1)?.device?.host === "smtp.contoso.com");
    r.unmount();
  });

  test(`${lang}: the key lines fit 80 and 60 columns, wrapped between keys, never inside one`, async () => {
    for (const cols of [80, 60]) {
      const r = render(<WhatIf lang={lang} original={healthyBasic()} evaluate={ev} today="2026-11-22" color={false} width={cols} />);
      const facts = await waitFor(r.lastFrame, (f) => f.includes(label(lang, "asOf")));
      r.stdin.write(downTo("device.port") + KEY.enter);
      const editing = await waitFor(r.lastFrame, (f) => squash(f).includes(squash(t(lang, "whatif.screen.edit.port"))));
      r.unmount();
      for (const [frame, key] of [
        [facts, "whatif.screen.keys"],
        [editing, "whatif.screen.keysEdit"],
      ] as const) {
        const lines = frame.split("\n");
        for (const l of lines) assert.ok(width(l) <= cols, `${cols}: ${width(l)} columns: ${l}`);
        // Every key with what it does ("s: save") stands whole on one row.
        for (const group of t(lang, key).split(/ {2,}/)) assert.ok(lines.some((l) => l.includes(group)), `${lang} ${cols}: "${group}" cut\n${frame}`);
      }
    }
  });
}
