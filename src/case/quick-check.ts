// A quick check of a parsed case file against the case schema (src/case/schema.ts), written out by
// hand: a file that passes it is a valid case as it stands, so the common run (a valid file) never
// builds the zod schemas (a few milliseconds of start-up). It may only be stricter than the schema,
// never looser: anything it refuses goes to zod, which accepts it or names the exact problem.
// test/unit/case-quick-check.test.ts holds the two together on generated and broken cases.
import { isIsoDate } from "./dates.js";
import { MODEL_MAX_LENGTH, VENDOR_IDS } from "../devices/ids.js";
import { AUTH_MECHANISMS, AUTH_MODES, CASE_SCHEMA_ID, DEVICE_TLS_VERSIONS, MFA_STATES, OAUTH_FLOWS, PROVIDER_IDS, REPLY_MAX_LENGTH, SECURITY_MODES, SOURCE_KINDS, WORKED_BEFORE, PROBE_CODE_MAX, PROBE_DETAIL_MAX, PROBE_MAX_PROBLEMS, PROBE_OUTCOMES, type Case } from "./schema.js";
import { CAUSE_IDS } from "../engine/types.js";
import { PHASE_IDS } from "../probe/types.js";

type Check = (v: unknown) => boolean;
type Shape = Record<string, { check: Check; required?: boolean }>;

const has = Object.prototype.hasOwnProperty;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Exactly the keys of `shape` (none other, "__proto__" never), each passing its check. */
function object(shape: Shape): Check {
  const required = Object.keys(shape).filter((k) => shape[k]?.required);
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const key of Object.keys(v)) {
      const field = has.call(shape, key) ? shape[key] : undefined;
      if (!field || key === "__proto__") return false;
      const value = v[key];
      if (value === undefined ? field.required : !field.check(value)) return false;
    }
    return required.every((k) => v[k] !== undefined);
  };
}

const opt = (check: Check) => ({ check });
const req = (check: Check) => ({ check, required: true });
const str = (max: number, min = 0): Check => (v) => typeof v === "string" && v.length <= max && v.length >= min;
const int = (min: number, max: number): Check => (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max;
const bool: Check = (v) => typeof v === "boolean";
const oneOf = (values: readonly unknown[]): Check => (v) => values.includes(v);
const nullable = (check: Check): Check => (v) => v === null || check(v);
const array = (check: Check, max: number): Check => (v) => Array.isArray(v) && v.length <= max && v.every(check);
const isoDate: Check = (v) => typeof v === "string" && isIsoDate(v);

const authPolicy = object({ name: req(str(256, 1)), allowBasicAuthSmtp: req(bool) });

const signIn = object({
  at: req(str(64)),
  errorCode: req(int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
  failureReason: opt(str(4096)),
  ipAddress: opt(str(64)),
  conditionalAccessStatus: opt(str(64)),
});

const device = object({
  host: opt(str(255)),
  port: opt(int(1, 65535)),
  security: opt(oneOf(SECURITY_MODES)),
  tlsVersion: opt(oneOf(DEVICE_TLS_VERSIONS)),
  auth: opt(oneOf(AUTH_MODES)),
  authMechanism: opt(oneOf(AUTH_MECHANISMS)),
  username: opt(str(320)),
  from: opt(str(320)),
  reply: opt(str(REPLY_MAX_LENGTH)),
  oauthSupported: opt(bool),
  oauthFlow: opt(oneOf(OAUTH_FLOWS)),
  vendor: opt(oneOf(VENDOR_IDS)),
  model: opt(str(MODEL_MAX_LENGTH, 1)),
  provider: opt(oneOf(PROVIDER_IDS)),
});

const tenant = object({
  smtpClientAuthenticationDisabled: opt(bool),
  securityDefaultsEnabled: opt(bool),
  oauth2ClientProfileEnabled: opt(bool),
  defaultAuthenticationPolicy: opt(nullable(authPolicy)),
  basicAuthSmtpReenabled: opt(bool),
  entraIdP1: opt(bool),
  rejectDirectSend: opt(bool),
  allowLegacyTlsClients: opt(nullable(bool)),
  tenantId: opt(str(64)),
  createdDate: opt(isoDate),
});

const oauthApp = object({ servicePrincipalRegistered: opt(bool), mailboxPermission: opt(bool), permissionConsented: opt(bool) });

const account = object({
  smtpClientAuthenticationDisabled: opt(nullable(bool)),
  recipientTypeDetails: opt(str(64)),
  exchangeLicensed: opt(bool),
  accountEnabled: opt(bool),
  perUserMfaState: opt(oneOf(MFA_STATES)),
  authenticationPolicy: opt(nullable(authPolicy)),
  legacyAuthBlockedByConditionalAccess: opt(bool),
  sendAs: opt(bool),
  passwordExpired: opt(bool),
  oauthApp: opt(oauthApp),
  signIns: opt(array(signIn, 1000)),
});

const history = object({ workedBefore: opt(oneOf(WORKED_BEFORE)), stoppedOn: opt(isoDate) });

const probeProblem = object({
  cause: req(oneOf(CAUSE_IDS)),
  status: req(oneOf(["blocking", "possible"] as const)),
  phase: req(oneOf(PHASE_IDS)),
  code: req(str(PROBE_CODE_MAX)),
  detail: opt(str(PROBE_DETAIL_MAX)),
});

const probe = object({
  host: req(str(255)),
  port: req(int(1, 65535)),
  at: req(str(64)),
  reachable: opt(bool),
  starttlsOffered: opt(bool),
  tlsVersion: opt(str(16)),
  tlsVersionsAccepted: opt(array(str(16), 8)),
  mechanismsBeforeTls: opt(array(str(32), 32)),
  mechanismsAfterTls: opt(array(str(32), 32)),
  tlsError: opt(str(512)),
  finalReply: opt(str(4096)),
  auth: opt(object({ mechanism: req(oneOf(["LOGIN", "XOAUTH2"])), outcome: req(oneOf(PROBE_OUTCOMES)), reply: opt(str(4096)) })),
  send: opt(object({ outcome: req(oneOf(PROBE_OUTCOMES)), reply: opt(str(4096)) })),
  problems: opt(array(probeProblem, PROBE_MAX_PROBLEMS)),
});

const provenance = object({
  kind: req(oneOf(SOURCE_KINDS)),
  endpoint: opt(str(512)),
  at: opt(str(64)),
  note: opt(str(1024)),
  // Any JSON value; absent when the fact was unknown.
  original: opt(() => true),
});

const sources: Check = (v) => isPlainObject(v) && Object.keys(v).every((k) => k !== "__proto__" && k.length <= 128 && provenance(v[k]));

const caseFile = object({
  schema: req((v) => v === CASE_SCHEMA_ID),
  asOf: opt(isoDate),
  title: opt(str(256)),
  device: opt(device),
  tenant: opt(tenant),
  account: opt(account),
  history: opt(history),
  probe: opt(probe),
  sources: opt(sources),
  hypothetical: opt(bool),
});

/** Is this parsed JSON a valid case as it stands? False means "ask the schema", not "invalid". */
export function isValidCase(data: unknown): data is Case {
  return caseFile(data);
}
