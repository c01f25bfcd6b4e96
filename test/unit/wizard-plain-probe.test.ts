// Plain mode's "test from this PC": offered with the device's settings, skipped by default (one
// Enter), the password read hidden and used for the one probe against an Exchange-like server on
// 127.0.0.1, each phase said as it ends, the result merged into the case; the password nowhere.
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { after, before, test } from "node:test";
import { plainFlow, type PlainChoice, type Prompter } from "../../src/cli/wizard-plain.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import { t } from "../../src/i18n/index.js";
import { EXO_FAILURES, startExchange, type ExchangeEmulator } from "../emulators/exchange-smtp.js";
import { testCerts } from "../helpers/certs.js";

const PASSWORD = "Plain-Secret-9";
const certs = testCerts();
let exo: ExchangeEmulator;
before(async () => {
  exo = await startExchange({ key: certs.key, cert: certs.cert, users: { "mfp@contoso.com": { password: PASSWORD }, "tenant@contoso.com": { failure: "tenant-disabled" } } });
});
after(async () => {
  await exo.close();
});

function setup(username: string) {
  const services = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false, probeCa: certs.caPem, probeTlsVersions: false, probeTimeoutMs: 5000 });
  const device: Case["device"] = { vendor: "other", host: "127.0.0.1", port: exo.port, security: "starttls", auth: "basic", username, from: username, oauthSupported: false };
  const s = reduce(services.deps, initFlow(services.deps, { lang: "ja", langExplicit: true, empty: { schema: "smtp-auth-doctor/case@1", device } }), { type: "choosePurpose", purpose: "new-device" });
  assert.deepEqual(s.screen, { id: "probe" });
  return { services, initial: s };
}

/** Answers the probe offer with `choice`, the password prompt with the password, and quits at the source screen. */
function prompter(choice: "test" | "default") {
  const said: string[] = [];
  const asked: { message: string; choices: string[]; default?: unknown }[] = [];
  let hidden = 0;
  const p: Prompter = {
    async select<V>(message: string, choices: PlainChoice<V>[], defaultValue?: V): Promise<V> {
      asked.push({ message, choices: choices.map((c) => c.name), default: defaultValue });
      if (message === t("ja", "wizard.probe.plain.q")) return (choice === "test" ? "test" : defaultValue) as V;
      // The source screen: stop here (a cancelled prompt, as Ctrl+C would).
      throw Object.assign(new Error("stop"), { name: "ExitPromptError" });
    },
    input: () => Promise.reject(new Error("unexpected input")),
    multiline: () => Promise.reject(new Error("unexpected multiline")),
    async hidden() {
      hidden++;
      return PASSWORD;
    },
    say: (text) => said.push(text),
    result: (text) => said.push(text),
  };
  return { p, said, asked, hidden: () => hidden };
}

test("plain: Enter (the default) skips the test; nothing is sent", async () => {
  const { services, initial } = setup("mfp@contoso.com");
  const pr = prompter("default");
  const before = exo.authAttempts.length;
  await assert.rejects(plainFlow(initial, services, pr.p), { name: "ExitPromptError" });
  assert.equal(pr.asked[0]?.default, "skip");
  assert.equal(pr.asked[1]?.message, t("ja", "wizard.source.q"), "skipping goes on to the source of facts");
  assert.equal(pr.hidden(), 0);
  assert.equal(exo.authAttempts.length, before);
  assert.ok(pr.said.some((l) => l.includes("127.0.0.1")) && pr.said.some((l) => l.includes(String(exo.port))), "the settings are shown");
});

test("plain: the password is read hidden, each phase is said, the server's reply reaches the case, no secret said", async () => {
  const { services, initial } = setup("tenant@contoso.com");
  const pr = prompter("test");
  await assert.rejects(plainFlow(initial, services, pr.p), { name: "ExitPromptError" });
  assert.equal(pr.hidden(), 1);
  assert.ok(pr.said.some((l) => l.startsWith("  \u2714 ") && l.includes(t("ja", "probe.phase.starttls"))), pr.said.join("\n"));
  assert.ok(pr.said.join(" ").replace(/\s+/g, " ").includes(EXO_FAILURES["tenant-disabled"].slice(0, 60)), `the reply is said:\n${pr.said.join("\n")}`);
  for (const l of pr.said) assert.ok(!l.includes(PASSWORD) && !l.includes(Buffer.from(PASSWORD).toString("base64")), `said a secret: ${l}`);
  // The same events through the reducer give the merged case.
  const result = await services.probe("ja", { host: "127.0.0.1", port: exo.port, username: "tenant@contoso.com" }, PASSWORD, () => undefined);
  const state = reduce(services.deps, initial, { type: "probed", result });
  const c = state.case;
  assert.equal(c.device?.reply, `535 ${EXO_FAILURES["tenant-disabled"]}`);
  assert.equal(c.sources?.["device.reply"]?.kind, "probe");
  assert.ok(!JSON.stringify(state).includes(PASSWORD));
});

// Persona round 7 #4: the test's result is said to be added (as from this PC), or, when it found nothing, that nothing was
// added; a DNS failure here reaches the case as the probe command records it (case.probe.problems).
for (const lang of ["ja", "en"] as const) {
  test(`plain ${lang}: a test that fails at DNS is said added, as from this PC, and carried into the case`, async () => {
    const noDns = async (): Promise<string[]> => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const services = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false, probeTlsVersions: false, probeTimeoutMs: 2000, probeResolve: noDns });
    const device: Case["device"] = { vendor: "other", host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", username: "", from: "scan@contoso.com", oauthSupported: false };
    const initial = reduce(services.deps, initFlow(services.deps, { lang, langExplicit: true, empty: { schema: "smtp-auth-doctor/case@1", device } }), { type: "choosePurpose", purpose: "new-device" });
    const said: string[] = [];
    let last: Case | undefined;
    const p: Prompter = {
      async select<V>(message: string): Promise<V> {
        if (message === t(lang, "wizard.probe.plain.q")) return "test" as V;
        throw Object.assign(new Error("stop"), { name: "ExitPromptError" });
      },
      input: () => Promise.reject(new Error("unexpected input")),
      multiline: () => Promise.reject(new Error("unexpected multiline")),
      hidden: () => Promise.reject(new Error("no password for a test without a user name")),
      say: (text) => said.push(text),
      result: (text) => said.push(text),
    };
    await assert.rejects(
      plainFlow(initial, { ...services, deps: { ...services.deps, mergeProbe: (r, base) => (last = services.deps.mergeProbe?.(r, base) ?? base) } }, p),
      (e: Error) => {
        assert.equal(e.name, "ExitPromptError", e.stack);
        return true;
      },
    );
    const text = said.join(" ").replace(/\s+/g, "");
    assert.ok(text.includes(t(lang, "wizard.probe.plain.added").replace(/\s+/g, "")), said.join("\n"));
    assert.ok(!text.includes(t(lang, "wizard.probe.plain.nothing").replace(/\s+/g, "")));
    assert.deepEqual(last?.probe?.problems?.map((x) => `${x.phase}:${x.code}`), ["dns:ENOTFOUND"]);
  });
}

// Persona round 8 #5, on the wizard's side of the one path (probeCase → evaluate): the test's sign-in is kept in the case
// (case.probe.auth) and read as the test from this PC, not as "the pasted reply" nor "no successful sign-in was seen".
test("the wizard's test that signs in: case.probe.auth kept, read as the test from this PC (Info probe-signed-in)", async () => {
  const { services, initial } = setup("mfp@contoso.com");
  const result = await services.probe("ja", { host: "127.0.0.1", port: exo.port, username: "mfp@contoso.com" }, PASSWORD, () => undefined);
  const c = reduce(services.deps, initial, { type: "probed", result }).case;
  assert.deepEqual(c.probe?.auth, { mechanism: "LOGIN", outcome: "accepted", reply: "235 2.7.0 Authentication successful" });
  const d = evaluate(c, { today: "2026-11-22" });
  const ids = d.info.map((i) => i.id);
  assert.ok(ids.includes("probe-signed-in"), ids.join(" "));
  for (const gone of ["auth-succeeded", "credentials-unverified"]) assert.ok(!ids.includes(gone), gone);
  assert.deepEqual(d.info.find((i) => i.id === "probe-signed-in")?.evidence[0], { kind: "inference", messageKey: "inference.probeAuth", params: { host: "127.0.0.1", port: exo.port, mechanism: "LOGIN", reply: "235 2.7.0 Authentication successful" } });
});
