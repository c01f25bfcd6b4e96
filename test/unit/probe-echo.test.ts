// Echoed secrets (issue 11, finding 3): a server that repeats the AUTH LOGIN answers or the XOAUTH2
// blob in its replies — base64 and decoded, the user:password pair, the bearer token, upper-cased,
// wrapped over several reply lines — gets none of it onto the screen, into --transcript, into
// --case-out or into --json. Before the fix each of these showed the password or the token.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { serializeCase } from "../../src/case/io.js";
import { probeCase } from "../../src/probe/case.js";
import { renderProbeText, renderTranscriptText, transcriptFile } from "../../src/probe/render.js";
import { runProbe, xoauth2Blob } from "../../src/probe/run.js";
import { SecretScrubber } from "../../src/probe/secrets.js";
import { startEchoingServer } from "../emulators/hostile-smtp.js";
import { testCerts } from "../helpers/certs.js";
import { runMain } from "../helpers/run-main.js";

const USER = "mfp@contoso.com";
const PASSWORD = "S3cret-Passw0rd!";
// A token long enough to be cut into pieces by the server, short enough that the echoed blob fits
// one reply line of the probe's wire limit (2,000 bytes).
const TOKEN = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${"eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9".repeat(10)}.${"c2lnbmF0dXJl".repeat(20)}`;

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/** Every form of the secrets that must not appear, and the long ones whose 16-character pieces must not appear either. */
function secretForms(kind: "login" | "xoauth2"): { whole: string[]; long: string[] } {
  if (kind === "login") {
    const whole = [PASSWORD, PASSWORD.toUpperCase(), b64(PASSWORD), `${USER}:${PASSWORD}`, b64(`${USER}:${PASSWORD}`)];
    return { whole, long: [b64(`${USER}:${PASSWORD}`)] };
  }
  const blob = xoauth2Blob(USER, TOKEN);
  const decoded = `user=${USER}\u0001auth=Bearer ${TOKEN}\u0001\u0001`;
  return { whole: [TOKEN, blob, `Bearer ${TOKEN}`], long: [TOKEN, blob, decoded] };
}

function assertNoSecret(text: string, what: string, kind: "login" | "xoauth2"): void {
  const { whole, long } = secretForms(kind);
  for (const s of whole) assert.ok(!text.includes(s), `${what}: a secret (${s.slice(0, 12)}…) is in the output`);
  for (const s of long) {
    for (let i = 0; i + 16 <= s.length; i += 4) assert.ok(!text.includes(s.slice(i, i + 16)), `${what}: a 16-character piece of a secret is in the output (at ${i})`);
  }
}

const certs = testCerts();
const dir = mkdtempSync(join(tmpdir(), "sad-probe-echo-"));
let server: Awaited<ReturnType<typeof startEchoingServer>>;
before(async () => {
  server = await startEchoingServer({ key: certs.key, cert: certs.cert });
});
after(async () => server.close());

for (const kind of ["login", "xoauth2"] as const) {
  test(`${kind}: the probe's result, transcript, texts and case file hold nothing the server echoed of the secrets`, async () => {
    const r = await runProbe({ host: "127.0.0.1", port: server.port, ca: certs.caPem, timeoutMs: 5000, tlsVersions: false, username: USER, ...(kind === "login" ? { password: PASSWORD } : { oauthToken: TOKEN }) });
    // The server did get (and echo) them: this is not a test of a server that stayed quiet.
    assert.ok(server.received.includes(kind === "login" ? b64(PASSWORD) : xoauth2Blob(USER, TOKEN)));
    assert.equal(r.auth?.outcome, "rejected");
    assert.match(r.finalReply ?? "", /\[redacted\]/);
    for (const [what, text] of [
      ["result", JSON.stringify(r)],
      ["transcript text", renderTranscriptText("en", r)],
      ["transcript file", transcriptFile(r)],
      ["probe text", renderProbeText("ja", r)],
      ["case file", serializeCase(probeCase(r))],
    ] as const) {
      assertNoSecret(text, what, kind);
    }
  });

  test(`${kind}: the probe command's screen, --json, --transcript and --case-out`, async () => {
    const transcript = join(dir, `transcript-${kind}.txt`);
    const caseOut = join(dir, `case-${kind}.json`);
    const env = { SAD_SECRET: kind === "login" ? PASSWORD : TOKEN, NODE_EXTRA_CA_CERTS: certs.caFile };
    const args = ["probe", "--host", "127.0.0.1", "--port", String(server.port), "--username", USER, "--ca-file", certs.caFile, "--skip-tls-versions", "--timeout", "5", kind === "login" ? "--password-env" : "--oauth-token-env", "SAD_SECRET"];
    const text = await runMain([...args, "--transcript", transcript, "--case-out", caseOut], { env });
    assertNoSecret(text.stdout + text.stderr, "screen", kind);
    assert.match(text.stderr, /\[redacted\]/, "the transcript on screen shows where the echo was");
    assertNoSecret(readFileSync(transcript, "utf8"), "--transcript", kind);
    assertNoSecret(readFileSync(caseOut, "utf8"), "--case-out", kind);
    const json = await runMain([...args, "--json"], { env });
    assertNoSecret(json.stdout + json.stderr, "--json", kind);
    JSON.parse(json.stdout);
  });
}

test("the scrubber: whole values, base64 forms, the pair, pieces of long secrets; short values only as base64", () => {
  const s = new SecretScrubber({ username: USER, password: PASSWORD, token: TOKEN });
  assert.equal(s.scrub(`x ${PASSWORD} y`), "x [redacted] y");
  assert.equal(s.scrub(`x ${PASSWORD.toLowerCase()} y`), "x [redacted] y", "a server may change the case");
  assert.equal(s.scrub(b64(PASSWORD)), "[redacted]");
  assert.equal(s.scrub(`${USER}:${PASSWORD}`), "[redacted]");
  assert.equal(s.scrub(`ab ${TOKEN.slice(100, 140)} cd`), "ab [redacted] cd");
  assert.equal(s.scrub("nothing secret here"), "nothing secret here");
  const short = new SecretScrubber({ username: USER, password: "abc" });
  assert.equal(short.scrub("abc abcdef"), "abc abcdef", "a 3-character value alone is not hunted in text");
  assert.equal(short.scrub(b64("abc")), "[redacted]");
  assert.equal(new SecretScrubber({}).scrub("x"), "x");
});
