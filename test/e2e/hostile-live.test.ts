// Live tenant data through the one output boundary (issue 11, finding 2): the real CLI, the real
// msal-node and fetch, against the HTTPS emulators, with a tenant whose policy names, display
// names, sign-in failure reasons and IP addresses, and a Graph error message, carry terminal
// control sequences. Nothing of it reaches the screen, the case file or the reports as control
// characters, and no value starts a line of its own.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { baseTenant } from "../emulators/tenant.js";
import { testPki } from "../emulators/tls.js";
import { assertNoControls, assertNoSpoofedLine, EVIL, SPOOF } from "../helpers/hostile.js";
import { runCli, type CliResult } from "../helpers/run-cli.js";

let em: Emulators;
let dir: string;
before(async () => {
  em = await startEmulators({ tls: true });
  dir = mkdtempSync(join(tmpdir(), "sad-hostile-live-"));
  const f = baseTenant();
  f.appCertPem = testPki().appCertPem;
  f.authPolicies = [
    { Name: `Block ${EVIL}`, Identity: `Block ${EVIL}`, AllowBasicAuthSmtp: false },
    { Name: `Allow ${SPOOF}`, Identity: `Allow ${SPOOF}`, AllowBasicAuthSmtp: true },
  ];
  f.organizationConfig = { ...f.organizationConfig, DefaultAuthenticationPolicy: `Block ${EVIL}` };
  const mfp = f.users[0];
  if (mfp) {
    mfp.authenticationPolicy = `Allow ${SPOOF}`;
    mfp.displayName = `MFP ${EVIL}`;
  }
  f.signIns["mfp@contoso.com"] = [
    { createdDateTime: "2026-11-21T08:00:00Z", ipAddress: EVIL, conditionalAccessStatus: EVIL, status: { errorCode: 50126, failureReason: `${EVIL} ${SPOOF}` } },
    { createdDateTime: "2026-11-21T09:00:00Z", ipAddress: "203.0.113.7", conditionalAccessStatus: "notApplied", status: { errorCode: 0, failureReason: "Other." } },
  ];
  Object.assign(em.fixture, f);
});
after(async () => em.close());

const SECRET_ENV = "SAD_TEST_CLIENT_SECRET";
const appArgs = () => ["--tenant", em.fixture.tenantId, "--client-id", em.fixture.clientId, "--client-secret-env", SECRET_ENV];
const appEnv = () => ({ ...em.env(), [SECRET_ENV]: em.fixture.clientSecret });

function clean(r: CliResult, what: string): void {
  for (const [name, text] of [
    ["stdout", r.stdout],
    ["stderr", r.stderr],
  ] as const) {
    assertNoControls(text, `${what} (${name})`, { crlf: true });
    assertNoSpoofedLine(text, `${what} (${name})`);
  }
}

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: collect and access with hostile policy names, sign-in reasons and a hostile Graph error; then every report of the collected case`, { timeout: 120000 }, async () => {
    em.faults.length = 0;
    // One read is refused with a message full of control sequences (Graph's error text is shown as detail).
    em.faults.push({ service: "graph", match: /identitySecurityDefaultsEnforcementPolicy/, kind: "500", message: `Denied ${EVIL} ${SPOOF}`, times: 2 });
    const out = join(dir, `case-${lang}.json`);
    const r = await runCli(["collect", "--user", "mfp@contoso.com", ...appArgs(), "--out", out, "--lang", lang], { env: appEnv() });
    assert.equal(r.code, 0, r.stderr);
    clean(r, "collect");
    assert.match(r.stderr, /\\x1b/, "the hostile error message is shown visibly");
    const saved = readFileSync(out, "utf8");
    assertNoControls(saved, "collected case file");
    const c = JSON.parse(saved) as { account?: { authenticationPolicy?: { name?: string } } };
    assert.equal(c.account?.authenticationPolicy?.name, `Allow ${SPOOF}`, "the case keeps the tenant's value");

    em.faults.push({ service: "graph", match: /identitySecurityDefaultsEnforcementPolicy/, kind: "500", message: `Denied ${EVIL} ${SPOOF}`, times: 2 });
    const access = await runCli(["access", "--user", "mfp@contoso.com", ...appArgs(), "--lang", lang], { env: appEnv() });
    clean(access, "access");

    for (const format of ["text", "md", "json", "ps1"]) {
      const d = await runCli(["diagnose", "--case", out, "--format", format, "--lang", lang]);
      assert.ok([0, 1, 3].includes(d.code ?? -1), d.stderr);
      clean(d, `diagnose ${format} of the collected case`);
      if (format === "json") JSON.parse(d.stdout);
    }
  });
}

test("audit --live with hostile display names, policy names, sign-in IPs and reasons: screen and every report file", { timeout: 120000 }, async () => {
  em.faults.length = 0;
  const out = join(dir, "audit-out");
  const r = await runCli(["audit", "--live", ...appArgs(), "--out", out], { env: appEnv() });
  assert.equal(r.code, 0, r.stderr);
  clean(r, "audit --live");
  assert.match(r.stdout, /\\x1b\]52/, "the hostile value is shown visibly");
  for (const f of readdirSync(out)) {
    const text = readFileSync(join(out, f), "utf8");
    assertNoControls(text, `audit --live ${f}`, { crlf: true });
    assertNoSpoofedLine(text, `audit --live ${f}`);
    if (f.endsWith(".json")) JSON.parse(text);
  }
});
