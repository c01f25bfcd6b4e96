// Raw mode is on before the wizard (and the what-if screen) draws its first frame: a key typed as
// the screen appears is neither echoed over it by the terminal nor held until Enter (the tmux test
// of an injected fault once saw its "§" echoed in front of the error line). Off again at the end.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { t } from "../../src/i18n/index.js";
import { waitFor } from "../helpers/wait.js";

// Ink draws no frame before the end when it finds CI in the environment (as on the CI machine that
// runs these tests): this process is a terminal user's, so Ink is loaded without it.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
const { main } = await import("../../src/cli/main.js");

function terminal() {
  const events: string[] = [];
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    // A terminal's stream can be kept from holding the process open; a PassThrough cannot.
    ref: () => stdin,
    unref: () => stdin,
    setRawMode(mode: boolean) {
      events.push(`raw:${mode}`);
      return stdin;
    },
  });
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  let out = "";
  stdout.on("data", (d: Buffer) => {
    if (d.length > 0) events.push(events.includes("frame") ? "write" : "frame");
    out += d.toString("utf8");
  });
  stderr.on("data", () => undefined);
  return { stdin, stdout, stderr, events, out: () => out };
}

const ENV = { LANG: "en_US.UTF-8", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", TERM: "xterm-256color" };

test("the wizard: raw mode before the first frame, off after Ctrl+C", async () => {
  const term = terminal();
  const done = main(["--lang", "en"], { ...term, env: ENV, cwd: process.cwd() });
  await waitFor(() => (term.out().includes("What are you facing?") ? true : undefined), { what: "the purpose screen", last: term.out });
  const firstRaw = term.events.indexOf("raw:true");
  assert.ok(firstRaw >= 0 && firstRaw < term.events.indexOf("frame"), term.events.join(" "));
  term.stdin.write("\u0003");
  assert.equal(await done, 130);
  assert.equal(term.events.filter((e) => e.startsWith("raw:")).at(-1), "raw:false", term.events.join(" "));
});

test("Ctrl+O and back: the terminal stays raw from the key to the question drawn again, the copy view between", async () => {
  // Ink switches raw mode off as its root unmounts; the wizard leaving for the copy view said it
  // kept raw mode, but the terminal went to line mode until the view waited for Enter: keys typed
  // then were echoed and Ctrl+\ or Ctrl+Z acted on the process (exit 131 in the long fuzz run).
  const term = terminal();
  const done = main(["--lang", "en"], { ...term, env: ENV, cwd: process.cwd() });
  const shows = (text: string, from: number) => waitFor(() => (term.out().slice(from).includes(text) ? true : undefined), { what: text, last: term.out });
  await shows(t("en", "wizard.purpose.q"), 0);
  term.stdin.write("\u001b[B\r"); // a new device: the device's questions
  await shows(t("en", "questions.device.vendor.q"), 0);
  const before = term.events.length;
  let from = term.out().length;
  term.stdin.write("\u000f"); // Ctrl+O: the question whole, outside the screen
  await shows(t("en", "wizard.copy.back"), from);
  from = term.out().length;
  term.stdin.write("\r");
  await shows(t("en", "questions.device.vendor.q"), from);
  // Ink switches raw mode off as its root unmounts; it must be on again before anything is drawn
  // (the copy view, then the question): nothing is written while the terminal is in line mode.
  const between = term.events.slice(before);
  let raw = true;
  for (const e of between) {
    if (e.startsWith("raw:")) raw = e === "raw:true";
    else assert.ok(raw, `written in line mode: ${between.join(" ")}`);
  }
  term.stdin.write("\u0003");
  assert.equal(await done, 130);
  assert.equal(term.events.filter((e) => e.startsWith("raw:")).at(-1), "raw:false", term.events.join(" "));
});

test("the what-if screen: raw mode before the first frame, off after it ends", async () => {
  const dir = await mkdtemp(join(tmpdir(), "sad-raw-"));
  try {
    const file = join(dir, "case.json");
    await writeFile(file, JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { auth: "basic" } }));
    const term = terminal();
    const done = main(["whatif", "--case", file, "--lang", "en"], { ...term, env: ENV, cwd: dir });
    await waitFor(() => (term.events.includes("frame") ? true : undefined), { what: "the first frame", last: term.out });
    const firstRaw = term.events.indexOf("raw:true");
    assert.ok(firstRaw >= 0 && firstRaw < term.events.indexOf("frame"), term.events.join(" "));
    // Let the screen settle, then leave it (Esc at the top leaves the explorer).
    await new Promise((r) => setTimeout(r, 200));
    term.stdin.write("\u001b");
    await done;
    assert.equal(term.events.filter((e) => e.startsWith("raw:")).at(-1), "raw:false", term.events.join(" "));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
