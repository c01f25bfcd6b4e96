// The wizard's "test from this PC" step against an Exchange-like server on 127.0.0.1: the device's
// settings prefilled, the password typed hidden, each phase drawn as it ends, what the probe
// measured merged into the case (answers kept, the server's reply as device.reply from the probe),
// and the password nowhere: not on screen, not in the state, not in any saved file.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, describe, test } from "node:test";
import { cleanup } from "ink-testing-library";
import stringWidth from "string-width";
import { WizardApp, type ExitReason } from "../../screens/App.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import type { WizardServices } from "../../src/flow/ports.js";
import type { Case } from "../../src/case/schema.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import type { FlowState } from "../../src/flow/types.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { EXO_FAILURES, startExchange, type ExchangeEmulator } from "../emulators/exchange-smtp.js";
import { testCerts } from "../helpers/certs.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY, waitFor } from "../helpers/wait.js";

const PASSWORD = "Printer-Pass-1";
const certs = testCerts();
const dirs: string[] = [];

afterEach(() => cleanup());
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function assertFits(frame: string, cols = 80) {
  for (const line of frame.split("\n")) assert.ok(stringWidth(line) <= cols, `wider than ${cols} (${stringWidth(line)}): ${line}`);
}

/** The flow at the probe step: every device field answered by hand. */
function atProbe(services: WizardServices, lang: Lang, port: number, username: string | undefined, host = "127.0.0.1"): FlowState {
  const device: Case["device"] = { vendor: "other", host, port, security: "starttls", auth: "basic", username: username ?? "", from: username ?? "mfp@contoso.com", oauthSupported: false };
  const sources = Object.fromEntries(Object.keys(device ?? {}).map((k) => [`device.${k}`, { kind: "answer" as const }]));
  const empty: Case = { schema: "smtp-auth-doctor/case@1", device, sources };
  const s = reduce(services.deps, initFlow(services.deps, { lang, langExplicit: true, empty }), { type: "choosePurpose", purpose: "new-device" });
  assert.deepEqual(s.screen, { id: "probe" });
  return s;
}

function app(lang: Lang, exo: ExchangeEmulator, username: string | undefined, opts: { ascii?: boolean; cwd?: string; host?: string; resolve?: (host: string) => Promise<string[]> } = {}) {
  const services = makeServices({ today: "2026-11-22", cwd: opts.cwd ?? tmpdir(), ascii: opts.ascii ?? false, probeCa: certs.caPem, probeTlsVersions: false, probeTimeoutMs: 5000, ...(opts.resolve ? { probeResolve: opts.resolve } : {}) });
  const exits: { state: FlowState; reason: ExitReason }[] = [];
  const r = mount(
    <WizardApp
      services={{
        deps: services.deps,
        resultLines: (state, width) => services.resultLines(state, width),
        defaultName: services.defaultName,
        save: (state, kind, path, overwrite) => services.save(state, kind, path, overwrite),
        probe: (l, settings, password, onPhase) => services.probe(l, settings, password, onPhase),
      }}
      initial={atProbe(services, lang, exo.port, username, opts.host)}
      theme={makeTheme({ color: false, ascii: opts.ascii ?? false, columns: 80 })}
      rows={24}
      onExit={(state, reason) => exits.push({ state, reason })}
    />,
  );
  return { r, exits, services };
}

const secretForms = [PASSWORD, Buffer.from(PASSWORD).toString("base64"), Buffer.from(`\u0000mfp@contoso.com\u0000${PASSWORD}`).toString("base64")];
function assertNoSecret(text: string, where: string) {
  for (const s of secretForms) assert.ok(!text.includes(s), `${where} contains a form of the password`);
}

describe("wizard: test from this PC", () => {
  let exo: ExchangeEmulator;
  before(async () => {
    exo = await startExchange({ key: certs.key, cert: certs.cert, users: { "mfp@contoso.com": { password: PASSWORD }, "basic@contoso.com": { failure: "basic-disabled" } } });
  });
  after(async () => {
    await exo.close();
  });

  for (const lang of ["ja", "en"] as const) {
    test(`${lang}: prefilled settings, hidden password, phases as they run, the reply merged into the case`, async () => {
      const { r, exits } = app(lang, exo, "basic@contoso.com");
      let f = await frameWith(r, t(lang, "wizard.probe.title"));
      assertFits(f);
      assert.ok(f.includes("127.0.0.1") && f.includes(String(exo.port)) && f.includes("basic@contoso.com"), "the device's settings are prefilled");
      assert.ok(f.includes(t(lang, "wizard.probe.keys.offer")));
      await press(r, KEY.enter);
      f = await frameWith(r, t(lang, "wizard.probe.passwordLabel"));
      assertFits(f);
      await press(r, PASSWORD);
      f = await frameWith(r, `${t(lang, "wizard.probe.passwordLabel")} ${"*".repeat(PASSWORD.length)}`);
      assertNoSecret(f, "the password screen");
      await press(r, KEY.enter);
      f = await frameWith(r, t(lang, "wizard.probe.finished"));
      assertFits(f);
      for (const phase of ["dns", "connect", "banner", "ehlo", "starttls", "tls", "ehlo-tls", "auth"]) assert.ok(f.includes(t(lang, `probe.phase.${phase}` as "probe.phase.dns")), `phase ${phase} shown`);
      assert.ok(f.includes("\u2714"), "passed phases are ticked");
      assert.ok(f.replace(/\s+/g, " ").includes("basic authentication is disabled"), `the server's reply is shown:\n${f}`);
      await press(r, KEY.enter);
      await frameWith(r, t(lang, "wizard.source.q"));
      await press(r, KEY.ctrlC);
      await waitFor(() => exits.length === 1, { what: "exit" });
      const state = exits[0]?.state as FlowState;
      // The probe's reply is the device's reply now, from the probe; the answers are kept as answers.
      assert.equal(state.case.device?.reply, `535 ${EXO_FAILURES["basic-disabled"]}`);
      assert.equal(state.case.sources?.["device.reply"]?.kind, "probe");
      assert.equal(state.case.sources?.["device.username"]?.kind, "answer");
      assert.equal(state.case.device?.auth, "basic");
      assert.equal(state.case.probe?.starttlsOffered, true);
      assert.deepEqual(state.case.probe?.mechanismsAfterTls, ["LOGIN", "XOAUTH2"]);
      // The engine reads the reply: Basic authentication is off, evidenced by the probe's reply.
      assert.equal(state.diagnosis.verdict, "blocked");
      assert.ok(state.diagnosis.causes.some((c) => c.status === "blocking" && c.evidence.some((e) => e.kind === "reply")));
      assertNoSecret(JSON.stringify(state), "the flow state");
      assertNoSecret(r.frames.join("\n"), "the screen output");
    });
  }

  test("one key skips the test and leaves the case as it was", async () => {
    const { r, exits } = app("ja", exo, "mfp@contoso.com");
    await frameWith(r, t("ja", "wizard.probe.title"));
    await press(r, "s");
    await frameWith(r, t("ja", "wizard.source.q"));
    await press(r, KEY.ctrlC);
    await waitFor(() => exits.length === 1, { what: "exit" });
    assert.equal(exits[0]?.state.case.probe, undefined);
    assert.equal(exits[0]?.state.case.device?.reply, undefined);
    assert.equal(exo.authAttempts.filter((a) => a.username === "mfp@contoso.com").length, 0, "nothing was sent");
  });

  test("--ascii: phase marks are ASCII; Esc at the password returns to the offer", async () => {
    const { r } = app("en", exo, "mfp@contoso.com", { ascii: true });
    await frameWith(r, t("en", "wizard.probe.title"));
    await press(r, KEY.enter);
    await frameWith(r, t("en", "wizard.probe.passwordLabel"));
    await press(r, KEY.escape);
    await frameWith(r, t("en", "wizard.probe.keys.offer"));
    await press(r, KEY.enter);
    await frameWith(r, t("en", "wizard.probe.passwordLabel"));
    await press(r, PASSWORD + KEY.enter);
    const f = await frameWith(r, t("en", "wizard.probe.finished"));
    assert.ok(f.includes("235"), "LOGIN accepted");
    assert.ok(!/[\u2714\u2718]/.test(f), "no Unicode marks in ASCII mode");
    assert.match(f, /^ {2}ok /m);
  });

  test("no secret reaches the screen, the saved case or any export", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sad-wizard-probe-"));
    dirs.push(dir);
    const { r, exits, services } = app("en", exo, "mfp@contoso.com", { cwd: dir });
    await frameWith(r, t("en", "wizard.probe.title"));
    await press(r, KEY.enter);
    await frameWith(r, t("en", "wizard.probe.passwordLabel"));
    await press(r, PASSWORD + KEY.enter);
    await frameWith(r, t("en", "wizard.probe.finished"));
    await press(r, KEY.enter);
    await frameWith(r, t("en", "wizard.source.q"));
    await press(r, KEY.ctrlC);
    await waitFor(() => exits.length === 1, { what: "exit" });
    const state = exits[0]?.state as FlowState;
    assert.match(state.case.device?.reply ?? "", /^235 /);
    for (const kind of ["case", "md", "ps1", "json"] as const) {
      const saved = await services.save(state, kind, `out.${kind}`, false);
      assert.ok(saved.ok, `saved ${kind}`);
      assertNoSecret(readFileSync(join(dir, `out.${kind}`), "utf8"), `the ${kind} export`);
    }
    assert.match(readFileSync(join(dir, "out.case"), "utf8"), /"kind": "probe"/);
    assertNoSecret(r.frames.join("\n"), "the screen output");
    assertNoSecret(JSON.stringify(state), "the flow state");
  });

  // Persona round 7 #4: a test that fails on this PC (no DNS here) was thrown away: the case kept only
  // probe.{host, port, at}, and the report and the hand-over never named it. It is carried now as the
  // probe command carries it (case.probe.problems), marked as measured from this PC.
  const noDns = async (): Promise<string[]> => {
    throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
  };
  for (const lang of ["ja", "en"] as const) {
    test(`${lang}: a test that fails at DNS here is carried into the case, the report and the hand-over, as from this PC`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "sad-wizard-probe-dns-"));
      dirs.push(dir);
      const { r, exits, services } = app(lang, exo, undefined, { host: "smtp.office365.com", resolve: noDns, cwd: dir });
      await frameWith(r, t(lang, "wizard.probe.title"));
      await press(r, KEY.enter);
      const f = await frameWith(r, t(lang, "wizard.probe.finished"));
      assertFits(f);
      assert.ok(f.includes(t(lang, "wizard.probe.keys.done")), `the footer names R and Esc:\n${f}`);
      const flat = f.replace(/\s+/g, "");
      assert.ok(flat.includes(t(lang, "wizard.probe.merge").replace(/\s+/g, "")), `the result is said to be added:\n${f}`);
      await press(r, KEY.enter);
      await frameWith(r, t(lang, "wizard.source.q"));
      await press(r, KEY.ctrlC);
      await waitFor(() => exits.length === 1, { what: "exit" });
      const state = exits[0]?.state as FlowState;
      assert.deepEqual(state.case.probe?.problems?.map((p) => `${p.phase}:${p.code}:${p.cause}`), ["dns:ENOTFOUND:network-unreachable"]);
      const net = state.diagnosis.causes.find((c) => c.id === "network-unreachable");
      assert.ok(net?.notes?.includes("probe.note.dns") && net.notes.includes("probe.note.fromSupportPc"), JSON.stringify(net));
      assert.ok(net?.evidence.some((e) => e.kind === "probe" && e.what === "dns:ENOTFOUND"));
      const onePara = (text: string) => text.replace(/\s+/g, "");
      for (const kind of ["handover", "md"] as const) {
        const saved = await services.save(state, kind, `out.${kind}`, false);
        assert.ok(saved.ok, `saved ${kind}`);
        const text = onePara(readFileSync(join(dir, `out.${kind}`), "utf8"));
        assert.ok(text.includes(onePara(t(lang, "probe.code.ENOTFOUND"))), `the ${kind} names the test's result`);
        if (kind === "md") {
          assert.ok(text.includes(onePara(t(lang, "probe.note.fromSupportPc"))), "the report says the test was from this PC");
          assert.ok(text.includes(onePara(t(lang, "probe.note.dns"))), "the report says the name did not resolve here");
        } else {
          const test = t(lang, "plan.report.ev.probeCode", { phase: t(lang, "probe.phase.dns"), code: t(lang, "probe.code.ENOTFOUND") });
          assert.ok(text.includes(onePara(t(lang, "plan.handover.fromSupportPc", { test }))), "the hand-over says the test was from the support PC");
        }
      }
    });

    test(`${lang}: on the test's result Esc goes back to the offer and R tests again`, async () => {
      const { r } = app(lang, exo, undefined, { host: "smtp.office365.com", resolve: noDns });
      await frameWith(r, t(lang, "wizard.probe.title"));
      await press(r, KEY.enter);
      await frameWith(r, t(lang, "wizard.probe.finished"));
      await press(r, KEY.escape);
      let f = await frameWith(r, t(lang, "wizard.probe.keys.offer"));
      assert.ok(!f.includes(t(lang, "wizard.probe.finished")), "back on the offer, the result is dropped");
      await press(r, KEY.enter);
      await frameWith(r, t(lang, "wizard.probe.finished"));
      const runsBefore = r.frames.filter((x) => x.includes(t(lang, "wizard.probe.running"))).length;
      await press(r, "r");
      await waitFor(() => r.frames.filter((x) => x.includes(t(lang, "wizard.probe.running"))).length > runsBefore, { what: "a second run" });
      f = await frameWith(r, t(lang, "wizard.probe.finished"));
      assert.ok(f.includes(t(lang, "wizard.probe.keys.done")));
    });

    test(`${lang}: a test that finds nothing says plainly that nothing is added`, async () => {
      const { r, exits } = app(lang, exo, undefined);
      await frameWith(r, t(lang, "wizard.probe.title"));
      await press(r, KEY.enter);
      const f = await frameWith(r, t(lang, "wizard.probe.finished"));
      assert.ok(f.replace(/\s+/g, "").includes(t(lang, "wizard.probe.mergeNothing").replace(/\s+/g, "")), `nothing added, said:\n${f}`);
      await press(r, KEY.enter);
      await frameWith(r, t(lang, "wizard.source.q"));
      await press(r, KEY.ctrlC);
      await waitFor(() => exits.length === 1, { what: "exit" });
      assert.equal(exits[0]?.state.case.probe?.problems, undefined);
    });
  }
});
