import assert from "node:assert/strict";
import { test } from "node:test";
import { FACTS } from "../../src/case/facts.js";
import { AppError } from "../../src/errors.js";
import { t } from "../../src/i18n/index.js";
import { parseAsOf, parseFactValue, parseSetArg } from "../../src/whatif/set.js";

function badInputOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError, `expected an AppError, got ${String(e)}`);
    assert.equal(e.type, "bad-input");
    assert.equal(e.exitCode, 2);
    return e;
  }
  assert.fail("expected a bad-input error");
}

test("--set parses each kind of fact", () => {
  assert.deepEqual(parseSetArg("tenant.securityDefaultsEnabled=true"), { path: "tenant.securityDefaultsEnabled", value: true });
  assert.deepEqual(parseSetArg("tenant.securityDefaultsEnabled=FALSE"), { path: "tenant.securityDefaultsEnabled", value: false });
  assert.deepEqual(parseSetArg("account.smtpClientAuthenticationDisabled=null"), { path: "account.smtpClientAuthenticationDisabled", value: null });
  assert.deepEqual(parseSetArg("account.smtpClientAuthenticationDisabled=false"), { path: "account.smtpClientAuthenticationDisabled", value: false });
  assert.deepEqual(parseSetArg("account.perUserMfaState=Enforced"), { path: "account.perUserMfaState", value: "enforced" });
  assert.deepEqual(parseSetArg("device.tlsVersion=1.2"), { path: "device.tlsVersion", value: "1.2" });
  assert.deepEqual(parseSetArg('account.authenticationPolicy={"name":"P","allowBasicAuthSmtp":false}'), {
    path: "account.authenticationPolicy",
    value: { name: "P", allowBasicAuthSmtp: false },
  });
  assert.deepEqual(parseSetArg("tenant.defaultAuthenticationPolicy=null"), { path: "tenant.defaultAuthenticationPolicy", value: null });
  assert.deepEqual(parseSetArg("device.port=25"), { path: "device.port", value: 25 });
  assert.deepEqual(parseSetArg("asOf=2027-01-15"), { path: "asOf", value: "2027-01-15" });
  assert.deepEqual(parseSetArg("device.from=Scanner <scan=1@contoso.com>"), { path: "device.from", value: "Scanner <scan=1@contoso.com>" });
});

test("PATH= and PATH=unknown make a fact unknown", () => {
  assert.deepEqual(parseSetArg("tenant.securityDefaultsEnabled="), { path: "tenant.securityDefaultsEnabled", value: undefined });
  assert.deepEqual(parseSetArg("account.authenticationPolicy=unknown"), { path: "account.authenticationPolicy", value: undefined });
  assert.deepEqual(parseSetArg("device.reply="), { path: "device.reply", value: undefined });
});

test("bad values name the path and the accepted values, never echo the value", () => {
  const cases: [string, RegExp][] = [
    ["tenant.securityDefaultsEnabled=yes", /true \| false/],
    ["account.smtpClientAuthenticationDisabled=maybe", /true \| false \| null/],
    ["account.perUserMfaState=strict", /disabled \| enabled \| enforced/],
    ["account.authenticationPolicy={\"name\":\"P\"}", /allowBasicAuthSmtp/],
    ["account.authenticationPolicy=not json", /allowBasicAuthSmtp/],
    ["device.port=70000", /1-65535/],
    ["device.port=58x", /1-65535/],
    ["asOf=2027-02-30", /YYYY-MM-DD/],
    ["asOf=tomorrow", /YYYY-MM-DD/],
  ];
  for (const [arg, accepted] of cases) {
    const e = badInputOf(() => parseSetArg(arg));
    assert.equal(e.code, "whatif.bad-value", arg);
    const path = arg.slice(0, arg.indexOf("="));
    for (const lang of ["en", "ja"] as const) {
      const message = t(lang, e.key, e.params);
      assert.ok(message.includes(path), `${lang} message names ${path}: ${message}`);
      assert.match(message, accepted);
      assert.equal(message.split("\n").length, 1);
      assert.ok(!message.includes(arg.slice(arg.indexOf("=") + 1)), `value echoed: ${message}`);
    }
  }
});

test("unknown paths and a missing = are bad input with the known facts listed", () => {
  const e = badInputOf(() => parseSetArg("tenant.smtpAuth=true"));
  assert.equal(e.code, "whatif.unknown-path");
  const message = t("ja", e.key, e.params);
  assert.match(message, /tenant\.smtpAuth/);
  assert.match(message, /tenant\.smtpClientAuthenticationDisabled/);
  assert.match(message, /事実はありません/);
  const noValue = badInputOf(() => parseSetArg("device.port"));
  assert.equal(noValue.code, "whatif.no-value");
  assert.match(t("en", noValue.key, noValue.params), /PATH=VALUE/);
  // A secret-looking path is refused like any other unknown path, and its value is not repeated.
  const secret = badInputOf(() => parseSetArg("device.password=hunter2"));
  assert.doesNotMatch(t("en", secret.key, secret.params), /hunter2/);
});

test("every fact path accepts 'unknown' and refuses one wrong value", () => {
  for (const f of FACTS) {
    assert.equal(parseFactValue(f.path, "unknown"), undefined, f.path);
    if (f.kind.type !== "string") badInputOf(() => parseFactValue(f.path, "{not a value"));
  }
});

test("a pasted reply set by --set is stored without credentials", () => {
  const { value } = parseSetArg("device.reply=C: AUTH PLAIN AHVzZXIAcGFzc3dvcmQxMjM=\nS: 535 5.7.3 Authentication unsuccessful");
  assert.equal(typeof value, "string");
  assert.doesNotMatch(value as string, /AHVzZXIAcGFzc3dvcmQxMjM=/);
  assert.match(value as string, /535 5\.7\.3/);
});

test("--as-of takes a real date only", () => {
  assert.equal(parseAsOf("2027-01-01"), "2027-01-01");
  badInputOf(() => parseAsOf("2027-13-01"));
  badInputOf(() => parseAsOf("01/01/2027"));
});
