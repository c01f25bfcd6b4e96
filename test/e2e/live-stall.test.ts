// Issue 11, point 5: every wait of the sign-in bounded and said. The real CLI as a child process with
// the real msal-node against the HTTPS authority emulator on 127.0.0.1, which stalls at each step
// (discovery, the device-code request, polling, client credentials), with short timeouts from the
// environment so the test does not wait for the real defaults.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { baseTenant } from "../emulators/tenant.js";
import { runCli, type CliResult } from "../helpers/run-cli.js";

let em: Emulators;
let dir: string;
before(async () => {
  em = await startEmulators({ tls: true });
  dir = mkdtempSync(join(tmpdir(), "sad-stall-e2e-"));
});
after(async () => em.close());
beforeEach(() => {
  em.faults.length = 0;
  em.log.length = 0;
  Object.assign(em.fixture, baseTenant());
});

let n = 0;
const outFile = () => join(dir, `case-${++n}.json`);
const SECRET_ENV = "SAD_TEST_CLIENT_SECRET";

function assertNoSecrets(r: CliResult): void {
  for (const s of [...em.issued, em.fixture.clientSecret]) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), "a secret or token reached the output");
  assert.doesNotMatch(r.stderr, /NON-LOOPBACK-FETCH/);
}

test("a stalled sign-in endpoint: every step bounded, the step and host named in one clean line, exit 4, nothing written", async () => {
  const env = { ...em.env(), SMTP_AUTH_DOCTOR_REQUEST_TIMEOUT: "1" };
  const host = new URL(em.authorityUrl).host.replace(/\./g, "\\.");
  const run = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const out = outFile();
    const r = await runCli([...args, "--out", out], { env: { ...env, ...extraEnv } });
    assert.equal(r.code, 4, r.stderr);
    assert.equal(existsSync(out), false, "nothing written");
    assert.doesNotMatch(r.stderr, /network_error|Network request failed|AbortError|fetch failed/, "no library text");
    assertNoSecrets(r);
    return r;
  };
  const deviceCode = ["collect", "--user", "mfp@contoso.com", "--client-id", em.fixture.clientId];

  // Authority discovery (the OpenID configuration) never answers.
  em.faults.push({ service: "authority", match: /openid-configuration$/, kind: "stall", times: Infinity });
  const discovery = await run(deviceCode);
  assert.match(discovery.stderr, new RegExp(`^smtp-auth-doctor: The sign-in service did not answer: ${host} gave no answer within 1 s while the sign-in endpoints were looked up\\.`));
  assert.equal(discovery.stderr.trim().split("\n").length, 1, "one line, no detail repeating it");

  // The device-code request sends headers, then stalls in the body.
  em.faults.length = 0;
  em.faults.push({ service: "authority", match: /devicecode$/, kind: "stall-body", times: Infinity });
  const code = await run(deviceCode);
  assert.match(code.stderr, new RegExp(`${host} gave no answer within 1 s to the request for a device code`));

  // The code is shown, then polling stalls.
  em.faults.length = 0;
  em.faults.push({ service: "authority", match: /^device_code$/, kind: "stall", times: Infinity });
  const polling = await run(deviceCode);
  assert.match(polling.stderr, /enter the code EMU4ABCD/, "the code was shown first");
  assert.match(polling.stderr, new RegExp(`${host} gave no answer within 1 s while waiting for your device-code sign-in`));

  // Client credentials: the token request stalls (Japanese).
  em.faults.length = 0;
  em.faults.push({ service: "authority", match: /^client_credentials$/, kind: "stall", times: Infinity });
  const token = await run(["collect", "--lang", "ja", "--user", "mfp@contoso.com", "--tenant", em.fixture.tenantId, "--client-id", em.fixture.clientId, "--client-secret-env", SECRET_ENV], { [SECRET_ENV]: em.fixture.clientSecret });
  assert.match(token.stderr, new RegExp(`トークンの要求に対して、${host} から 1 秒以内に応答がありませんでした`));

  // Nobody finishes the device-code sign-in: the whole wait is bounded too.
  em.faults.length = 0;
  em.fixture.pendingPolls = 1_000_000;
  const waited = await run(deviceCode, { SMTP_AUTH_DOCTOR_SIGNIN_TIMEOUT: "1.5" });
  assert.match(waited.stderr, /The sign-in was not finished within 1 min/);

  // A bad timeout value is bad input, before any sign-in.
  em.log.length = 0;
  const bad = await runCli([...deviceCode, "--out", outFile()], { env: { ...env, SMTP_AUTH_DOCTOR_REQUEST_TIMEOUT: "soon" } });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /SMTP_AUTH_DOCTOR_REQUEST_TIMEOUT must be a number of seconds/);
  assert.equal(em.log.length, 0);
});
