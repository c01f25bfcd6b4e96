// Fact paths: the addressable facts of a case. The engine reports unknowns as these paths, the
// wizard asks for them, what-if edits them, and provenance (`case.sources`) is keyed by them.
import type { Case } from "./schema.js";
import { AUTH_MECHANISMS, AUTH_MODES, DEVICE_TLS_VERSIONS, MFA_STATES, OAUTH_FLOWS, PROVIDER_IDS, SECURITY_MODES, WORKED_BEFORE } from "./values.js";
import { VENDOR_IDS } from "../devices/ids.js";

export type FactKind =
  | { type: "boolean" }
  | { type: "tristate" } // true | false | null (null = follow the organization)
  | { type: "enum"; values: readonly string[] }
  | { type: "policy" } // { name, allowBasicAuthSmtp } | null (null = none)
  | { type: "string" }
  | { type: "port" }
  | { type: "date" };

export interface FactSpec {
  readonly path: string;
  readonly kind: FactKind;
}

const bool = { type: "boolean" } as const;

export const FACTS = [
  { path: "asOf", kind: { type: "date" } },
  { path: "device.host", kind: { type: "string" } },
  { path: "device.port", kind: { type: "port" } },
  { path: "device.security", kind: { type: "enum", values: SECURITY_MODES } },
  { path: "device.tlsVersion", kind: { type: "enum", values: DEVICE_TLS_VERSIONS } },
  { path: "device.auth", kind: { type: "enum", values: AUTH_MODES } },
  { path: "device.authMechanism", kind: { type: "enum", values: AUTH_MECHANISMS } },
  { path: "device.username", kind: { type: "string" } },
  { path: "device.from", kind: { type: "string" } },
  { path: "device.reply", kind: { type: "string" } },
  { path: "device.oauthSupported", kind: bool },
  { path: "device.oauthFlow", kind: { type: "enum", values: OAUTH_FLOWS } },
  { path: "device.provider", kind: { type: "enum", values: PROVIDER_IDS } },
  { path: "tenant.smtpClientAuthenticationDisabled", kind: bool },
  { path: "tenant.securityDefaultsEnabled", kind: bool },
  { path: "tenant.oauth2ClientProfileEnabled", kind: bool },
  { path: "tenant.defaultAuthenticationPolicy", kind: { type: "policy" } },
  { path: "tenant.basicAuthSmtpReenabled", kind: bool },
  { path: "tenant.entraIdP1", kind: bool },
  { path: "tenant.rejectDirectSend", kind: bool },
  { path: "tenant.allowLegacyTlsClients", kind: { type: "tristate" } },
  { path: "tenant.createdDate", kind: { type: "date" } },
  { path: "account.smtpClientAuthenticationDisabled", kind: { type: "tristate" } },
  {
    path: "account.recipientTypeDetails",
    kind: { type: "enum", values: ["UserMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox", "MailUser", "None"] },
  },
  { path: "account.exchangeLicensed", kind: bool },
  { path: "account.accountEnabled", kind: bool },
  { path: "account.perUserMfaState", kind: { type: "enum", values: MFA_STATES } },
  { path: "account.authenticationPolicy", kind: { type: "policy" } },
  { path: "account.legacyAuthBlockedByConditionalAccess", kind: bool },
  { path: "account.sendAs", kind: bool },
  { path: "account.passwordExpired", kind: bool },
  { path: "account.oauthApp.servicePrincipalRegistered", kind: bool },
  { path: "account.oauthApp.mailboxPermission", kind: bool },
  { path: "account.oauthApp.permissionConsented", kind: bool },
  // which device (issue 14; src/devices): last, so that the order of the facts above stays as it was
  { path: "device.vendor", kind: { type: "enum", values: VENDOR_IDS } },
  { path: "device.model", kind: { type: "string" } },
  // what the person reporting it knows of its history (persona round 8, #10): last, for the same reason
  { path: "history.workedBefore", kind: { type: "enum", values: WORKED_BEFORE } },
  { path: "history.stoppedOn", kind: { type: "date" } },
] as const satisfies readonly FactSpec[];

export type FactPath = (typeof FACTS)[number]["path"];

export const FACT_PATHS: readonly FactPath[] = FACTS.map((f) => f.path);

export function isFactPath(path: string): path is FactPath {
  return (FACT_PATHS as readonly string[]).includes(path);
}

export function factSpec(path: FactPath): FactSpec {
  const spec = FACTS.find((f) => f.path === path);
  if (!spec) throw new Error(`unknown fact path ${path}`);
  return spec;
}

/** Each path's keys, split once (the engine reads facts thousands of times a second). */
const KEYS = new Map<string, string[]>();

/** The value of a fact, or `undefined` when it is unknown (absent). `null` is a real value. */
export function getFact(c: Case, path: FactPath): unknown {
  let node: unknown = c;
  let keys = KEYS.get(path);
  if (keys === undefined) {
    keys = path.split(".");
    // Paths are the catalogue's; a stray one from input is still read, just not kept.
    if (KEYS.size < 256) KEYS.set(path, keys);
  }
  for (const key of keys) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function isKnown(c: Case, path: FactPath): boolean {
  return getFact(c, path) !== undefined;
}

/** A copy of the case with one fact set; `undefined` makes the fact unknown again. Empty sections are dropped. */
export function setFact(c: Case, path: FactPath, value: unknown): Case {
  const keys = path.split(".");
  const copy = structuredClone(c) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  pruneEmpty(copy, keys.slice(0, -1));
  return copy as Case;
}

function pruneEmpty(root: Record<string, unknown>, keys: string[]): void {
  for (let depth = keys.length; depth > 0; depth--) {
    let parent: Record<string, unknown> = root;
    for (const key of keys.slice(0, depth - 1)) parent = parent[key] as Record<string, unknown>;
    const key = keys[depth - 1] as string;
    const child = parent[key];
    if (child && typeof child === "object" && Object.keys(child).length === 0) delete parent[key];
    else return;
  }
}
