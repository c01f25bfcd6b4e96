// A PC whose DNS does not resolve (issue 13.5): the probe says DNS, proxy or network on this PC,
// never "set the server to smtp.office365.com" when it already is; a misspelt name is still said
// to be possibly wrong. Name resolution is answered in the test: no DNS traffic leaves the machine.
import assert from "node:assert/strict";
import { test } from "node:test";
import { concludeProbe } from "../../src/probe/diagnose.js";
import { runProbe } from "../../src/probe/run.js";
import { t } from "../../src/i18n/index.js";
import type { Case } from "../../src/case/schema.js";

const fail = (code: string) => async (): Promise<string[]> => {
  throw Object.assign(new Error(`getaddrinfo ${code}`), { code });
};

for (const code of ["ENOTFOUND", "EAI_AGAIN"]) {
  test(`${code} for smtp.office365.com: DNS on this PC, not the server setting`, async () => {
    const r = await runProbe({ host: "smtp.office365.com", port: 587, timeoutMs: 2000, tlsVersions: false, resolve: fail(code) });
    assert.equal(r.phases.find((p) => p.status === "failed")?.id, "dns");
    assert.deepEqual(r.problems.map((p) => p.cause), ["network-unreachable"], "no wrong-endpoint for the right host");
    const c: Case = { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-03", device: { host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic" } };
    for (const lang of ["en", "ja"] as const) {
      const { diagnosis, plan } = concludeProbe(r, c, { today: "2026-12-03", lang });
      const net = diagnosis.causes.find((f) => f.id === "network-unreachable");
      assert.ok(net?.notes?.includes("probe.note.dns"), JSON.stringify(net));
      assert.ok(!diagnosis.causes.some((f) => f.id === "wrong-endpoint"));
      const step = plan.steps.find((s) => s.id === "device-network");
      assert.equal(step?.title, t(lang, "plan.step.device-network.dns.title", { host: "smtp.office365.com" }));
      assert.match(step?.why ?? "", /DNS/);
      assert.ok(step?.check.some((cmd) => cmd.text === "Resolve-DnsName smtp.office365.com"));
      assert.ok(!plan.steps.some((s) => s.id === "device-endpoint"), "no advice to set the server it already has");
    }
  });
}

test("a misspelt name that does not resolve: possibly the wrong server, and DNS", async () => {
  const r = await runProbe({ host: "smtp.office356.com", port: 587, timeoutMs: 2000, tlsVersions: false, resolve: fail("ENOTFOUND") });
  assert.deepEqual(r.problems.map((p) => p.cause).sort(), ["network-unreachable", "wrong-endpoint"]);
  // The DNS step does not ask to make the misspelt name resolve: the endpoint step corrects it, and Microsoft's is tested.
  const c: Case = { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-03", device: { host: "smtp.office356.com", port: 587, security: "starttls", auth: "basic" } };
  const step = concludeProbe(r, c, { today: "2026-12-03", lang: "en" }).plan.steps.find((s) => s.id === "device-network");
  assert.ok(step?.check.some((cmd) => cmd.text === "Resolve-DnsName smtp.office365.com"), JSON.stringify(step?.check));
  assert.doesNotMatch(step?.title ?? "", /office356/);
});

test("another server's name that does not resolve: the step names that host and its port, quoted in the commands", async () => {
  const r = await runProbe({ host: "relay.contoso.example", port: 25, timeoutMs: 2000, tlsVersions: false, resolve: fail("ENOTFOUND") });
  for (const lang of ["en", "ja"] as const) {
    for (const c of [
      { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-03", device: { host: "relay.contoso.example", port: 25, security: "none", auth: "none" } },
      { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-03", probe: { host: "relay.contoso.example", port: 25 } },
    ] as Case[]) {
      const { plan } = concludeProbe(r, c, { today: "2026-12-03", lang });
      const step = plan.steps.find((s) => s.id === "device-network");
      assert.equal(step?.title, t(lang, "plan.step.device-network.dns.title", { host: "relay.contoso.example" }));
      assert.doesNotMatch(`${step?.title} ${step?.verify.text}`, /office365/);
      assert.deepEqual(step?.check.map((cmd) => cmd.text), ["Resolve-DnsName -Name 'relay.contoso.example'"]);
      assert.deepEqual(step?.verify.commands.map((cmd) => cmd.text), ["Resolve-DnsName -Name 'relay.contoso.example'", "Test-NetConnection -ComputerName 'relay.contoso.example' -Port 25"]);
    }
  }
});

test("the probe's own words for the DNS codes, in both languages", async () => {
  const { codeText } = await import("../../src/probe/render.js");
  assert.match(codeText("en", "ENOTFOUND") ?? "", /DNS/);
  assert.match(codeText("ja", "ENOTFOUND") ?? "", /DNS/);
  assert.match(codeText("ja", "EAI_AGAIN") ?? "", /DNS/);
});
