// The quick check of case files (src/case/quick-check.ts) against the schema it stands in for
// (src/case/schema.ts, zod): on generated valid cases both accept and zod returns the same case; on
// thousands of broken ones the quick check never accepts what zod refuses (it may only be stricter:
// what it refuses goes to zod). Every example file and every file the fuzz test writes goes through it.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { isValidCase } from "../../src/case/quick-check.js";
import { parseCase } from "../../src/case/io.js";
import { CASE_SCHEMA_ID, CaseSchema, PROVIDER_IDS } from "../../src/case/schema.js";
import { MODEL_MAX_LENGTH, VENDOR_IDS } from "../../src/devices/ids.js";
import { rng } from "../helpers/random-case.js";

type Gen = (next: () => number) => unknown;
const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
const str = (max: number, min = 0): Gen => (next) => "x".repeat(pick(next, [min, Math.max(min, 1), Math.floor(max / 2), max]));
const int = (min: number, max: number): Gen => (next) => pick(next, [min, max, Math.floor((min + max) / 2)]);
const bool: Gen = (next) => next() < 0.5;
const oneOf = (xs: readonly unknown[]): Gen => (next) => pick(next, xs);
const nullable = (g: Gen): Gen => (next) => (next() < 0.3 ? null : g(next));
const date: Gen = (next) => pick(next, ["2026-11-22", "2024-02-29", "2027-01-01"]);
const array = (g: Gen, max: number): Gen => (next) => Array.from({ length: pick(next, [0, 1, 2, max]) }, () => g(next));

/** An object spec: field → [generator, required]. */
type Spec = Record<string, [Gen, boolean]>;
const obj = (spec: Spec): Gen & { spec: Spec } =>
  Object.assign((next: () => number) => {
    const o: Record<string, unknown> = {};
    for (const [k, [g, required]] of Object.entries(spec)) if (required || next() < 0.6) o[k] = g(next);
    return o;
  }, { spec });

const policy = obj({ name: [str(256, 1), true], allowBasicAuthSmtp: [bool, true] });
const signIn = obj({ at: [str(64), true], errorCode: [int(0, 500121), true], failureReason: [str(4096), false], ipAddress: [str(64), false], conditionalAccessStatus: [str(64), false] });
const SPECS = {
  device: obj({
    host: [str(255), false],
    port: [int(1, 65535), false],
    security: [oneOf(["starttls", "tls", "none"]), false],
    tlsVersion: [oneOf(["1.0", "1.1", "1.2", "1.3"]), false],
    auth: [oneOf(["basic", "oauth", "none"]), false],
    authMechanism: [oneOf(["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5", "NTLM"]), false],
    username: [str(320), false],
    from: [str(320), false],
    reply: [(next) => pick(next, ["535 5.7.139 Authentication unsuccessful", "", "x".repeat(65536)]), false],
    oauthSupported: [bool, false],
    oauthFlow: [oneOf(["delegated", "app"]), false],
    vendor: [oneOf(VENDOR_IDS), false],
    model: [str(MODEL_MAX_LENGTH, 1), false],
    provider: [oneOf(PROVIDER_IDS), false],
  }),
  tenant: obj({
    smtpClientAuthenticationDisabled: [bool, false],
    securityDefaultsEnabled: [bool, false],
    oauth2ClientProfileEnabled: [bool, false],
    defaultAuthenticationPolicy: [nullable(policy), false],
    basicAuthSmtpReenabled: [bool, false],
    entraIdP1: [bool, false],
    rejectDirectSend: [bool, false],
    allowLegacyTlsClients: [nullable(bool), false],
    tenantId: [str(64), false],
    createdDate: [date, false],
  }),
  account: obj({
    smtpClientAuthenticationDisabled: [nullable(bool), false],
    recipientTypeDetails: [str(64), false],
    exchangeLicensed: [bool, false],
    accountEnabled: [bool, false],
    perUserMfaState: [oneOf(["disabled", "enabled", "enforced"]), false],
    authenticationPolicy: [nullable(policy), false],
    legacyAuthBlockedByConditionalAccess: [bool, false],
    sendAs: [bool, false],
    passwordExpired: [bool, false],
    oauthApp: [obj({ servicePrincipalRegistered: [bool, false], mailboxPermission: [bool, false], permissionConsented: [bool, false] }), false],
    signIns: [array(signIn, 1000), false],
  }),
  probe: obj({
    host: [str(255), true],
    port: [int(1, 65535), true],
    at: [str(64), true],
    reachable: [bool, false],
    starttlsOffered: [bool, false],
    tlsVersion: [str(16), false],
    tlsVersionsAccepted: [array(str(16), 8), false],
    mechanismsBeforeTls: [array(str(32), 32), false],
    mechanismsAfterTls: [array(str(32), 32), false],
    tlsError: [str(512), false],
    finalReply: [str(4096), false],
  }),
};
const provenance = obj({
  kind: [oneOf(["live", "probe", "answer", "assumed", "whatif", "file", "flag"]), true],
  endpoint: [str(512), false],
  at: [str(64), false],
  note: [str(1024), false],
  original: [(next) => pick(next, [true, 3, "absent", null, { a: [1] }]), false],
});
const caseGen = obj({
  schema: [() => CASE_SCHEMA_ID, true],
  asOf: [date, false],
  title: [str(256), false],
  device: [SPECS.device, false],
  tenant: [SPECS.tenant, false],
  account: [SPECS.account, false],
  probe: [SPECS.probe, false],
  sources: [(next) => Object.fromEntries(Array.from({ length: pick(next, [0, 1, 3]) }, (_, i) => [`${"k".repeat(pick(next, [1, 127]))}${i}`, provenance(next)])), false],
  hypothetical: [bool, false],
});

const WRONG: unknown[] = [null, 0, -1, 1.5, Infinity, Number.NaN, "", "x", "x".repeat(70000), true, false, [], [1], {}, { a: 1 }, "2026-02-30", "2026-1-1"];

/** Break one thing, somewhere: an unknown key, a wrong value, a required field removed, __proto__. */
function mutate(next: () => number, value: unknown): unknown {
  const c = structuredClone(value) as Record<string, unknown>;
  const objects: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      objects.push(v as Record<string, unknown>);
      Object.values(v).forEach(walk);
    }
  };
  walk(c);
  const target = pick(next, objects);
  const keys = Object.keys(target);
  const r = next();
  if (r < 0.15 || keys.length === 0) target[pick(next, ["password", "extra", "Host", "tenantid", "constructor"])] = pick(next, WRONG);
  else if (r < 0.25) delete target[pick(next, keys)];
  else if (r < 0.3) return JSON.parse(JSON.stringify(c).replace(/^\{/, '{"__proto__":{"x":1},'));
  else target[pick(next, keys)] = pick(next, WRONG);
  return c;
}

test("generated valid cases: the quick check and zod both accept, and zod returns the case as it was", () => {
  const next = rng(20261204);
  for (let i = 0; i < 3000; i++) {
    const c = JSON.parse(JSON.stringify(caseGen(next))) as unknown;
    const z = CaseSchema.safeParse(c);
    assert.ok(z.success, JSON.stringify(z.error?.issues[0]));
    assert.ok(isValidCase(c), `case ${i}: ${JSON.stringify(c).slice(0, 400)}`);
    assert.deepEqual(z.data, c);
  }
});

test("broken cases: the quick check never accepts what zod refuses", () => {
  const next = rng(4242);
  let refusedByZod = 0;
  let acceptedByBoth = 0;
  for (let i = 0; i < 8000; i++) {
    const broken = mutate(next, caseGen(next));
    const zodOk = CaseSchema.safeParse(broken).success;
    if (!zodOk) refusedByZod++;
    if (isValidCase(broken)) {
      assert.ok(zodOk, `quick check accepted what zod refuses: ${JSON.stringify(broken).slice(0, 600)}`);
      acceptedByBoth++;
    }
  }
  // The test means something only if most mutations are refused, and some still valid ones pass.
  assert.ok(refusedByZod > 4800, `zod refused ${refusedByZod}`);
  assert.ok(acceptedByBoth > 40, `accepted by both ${acceptedByBoth}`);
});

test("every example case file passes the quick check, and parseCase gives what zod gives", () => {
  const dir = new URL("../../examples/", import.meta.url).pathname;
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  assert.ok(files.length > 0);
  for (const f of files) {
    const text = readFileSync(join(dir, f), "utf8");
    const data = JSON.parse(text) as unknown;
    assert.ok(isValidCase(data), f);
    const z = CaseSchema.parse(data);
    if (z.device?.reply !== undefined) continue; // parseCase also removes credentials from a reply
    assert.deepEqual(parseCase(text, f), z, f);
  }
});
