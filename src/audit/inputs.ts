// Offline inputs of the audit, recognised by their content (never by file name): the columns of a
// CSV header or the keys of the first JSON record decide what a file is. Each record is turned into
// one typed event; a value the audit cannot read is an error naming the file, the line and the column.
import { badInput } from "../errors.js";
import type { MessageKey } from "../i18n/index.js";
import { CsvReader } from "./csv.js";
import { openTextFile, type TextEncodingName } from "./decode.js";
import { JsonRecordReader } from "./jsonstream.js";

export const INPUT_KINDS = ["mailboxes", "transport", "signins", "smtp-report", "auth-policies", "user-policies", "org-config"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface SignInRecord {
  at: string;
  upn: string;
  displayName?: string;
  ip?: string;
  /** Entra error code; 0 = success; null when the export gives none. */
  errorCode: number | null;
  failureReason?: string;
  conditionalAccessStatus?: string;
}

export interface SmtpReportRecord {
  sender: string;
  messages: number | null;
  /** "basic" | "oauth" | undefined when the export has no Authentication Protocol column (before Oct 2024). */
  protocol?: "basic" | "oauth" | "other";
  tls10?: number;
  tls11?: number;
  tls12?: number;
}

export interface InputEvents {
  mailbox(identity: string, setting: boolean | null, line: number, displayName?: string): void;
  transport(disabled: boolean | null, line: number): void;
  /** Sign-ins of client app "Authenticated SMTP" only; `skipped` counts the others. */
  signIn(rec: SignInRecord, line: number): void;
  signInSkipped(): void;
  smtpReport(rec: SmtpReportRecord, line: number): void;
  authPolicy(name: string, allowBasicAuthSmtp: boolean, line: number): void;
  userPolicy(identity: string, policy: string | null, line: number): void;
  orgConfig(defaultPolicy: string | null, line: number): void;
}

export interface InputSummary {
  file: string;
  kind: InputKind;
  format: "csv" | "json";
  encoding: TextEncodingName;
  records: number;
}

type Getter = (name: string) => string | undefined;
type Raw = (name: string) => unknown;

/** Normalise a column or key name: lower case, single spaces, trimmed. */
export function normName(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLowerCase();
}

const IDENTITY_COLUMNS = ["primarysmtpaddress", "userprincipalname", "windowsemailaddress", "identity", "alias", "name"];
const TRANSPORT_MARKERS = [
  "allowlegacytlsclients",
  "maxrecipientenvelopelimit",
  "maxsendsize",
  "maxreceivesize",
  "internalsmtpservers",
  "externalpostmasteraddress",
  "dsnconversionmode",
  "clearcategories",
  "journalingreportndrto",
];

/** What a file is, from its column or key names; undefined when it is none of the known exports. */
export function detectKind(names: ReadonlySet<string>): InputKind | undefined {
  const has = (n: string) => names.has(n);
  if ((has("client app") || has("clientappused")) && (has("username") || has("userprincipalname") || has("user"))) return "signins";
  if (has("sender address") || has("senderaddress")) return "smtp-report";
  if (has("defaultauthenticationpolicy")) return "org-config";
  if (has("allowbasicauthsmtp") && has("name")) return "auth-policies";
  if (has("authenticationpolicy") && ["userprincipalname", "windowsemailaddress", "primarysmtpaddress", "identity"].some(has)) return "user-policies";
  if (has("smtpclientauthenticationdisabled")) {
    if (TRANSPORT_MARKERS.some(has)) return "transport";
    if (IDENTITY_COLUMNS.some(has)) return "mailboxes";
    return "transport";
  }
  return undefined;
}

/** Every column a kind's handler may read (normalised names). */
const USED_COLUMNS: Record<InputKind, string[]> = {
  mailboxes: [...IDENTITY_COLUMNS, "smtpclientauthenticationdisabled", "displayname"],
  transport: ["smtpclientauthenticationdisabled"],
  signins: ["client app", "clientappused", "username", "userprincipalname", "user", "userdisplayname", "status", "sign-in error code", "errorcode", "failure reason", "failurereason", "date (utc)", "createddatetime", "date", "ip address", "ipaddress", "conditional access", "conditionalaccessstatus"],
  "smtp-report": ["sender address", "senderaddress", "messages sent", "messagessent", "message count", "authentication protocol", "authenticationprotocol", "tls 1.0", "tls 1.1", "tls 1.2"],
  "auth-policies": ["name", "allowbasicauthsmtp"],
  "user-policies": ["userprincipalname", "windowsemailaddress", "primarysmtpaddress", "identity", "authenticationpolicy"],
  "org-config": ["defaultauthenticationpolicy"],
};

/** Which columns a kind needs, for the "missing column" message. */
const REQUIRED: Record<InputKind, string[][]> = {
  mailboxes: [["SmtpClientAuthenticationDisabled"], ["PrimarySmtpAddress", "UserPrincipalName", "WindowsEmailAddress", "Identity", "Alias", "Name"]],
  transport: [["SmtpClientAuthenticationDisabled"]],
  signins: [["Client app", "clientAppUsed"], ["Username", "userPrincipalName", "User"], ["Date (UTC)", "createdDateTime", "Date"]],
  "smtp-report": [["Sender address"]],
  "auth-policies": [["Name"], ["AllowBasicAuthSmtp"]],
  "user-policies": [["AuthenticationPolicy"], ["UserPrincipalName", "WindowsEmailAddress", "PrimarySmtpAddress", "Identity"]],
  "org-config": [["DefaultAuthenticationPolicy"]],
};

function checkRequired(kind: InputKind, names: ReadonlySet<string>, file: string): void {
  for (const alternatives of REQUIRED[kind]) {
    if (!alternatives.some((a) => names.has(normName(a)))) {
      throw badInput("audit.input-column", "audit.err.missingColumn", { file, column: alternatives.join(" / "), kind });
    }
  }
}

export interface ReadOptions {
  /** The kind the option named (e.g. --mailboxes); content still decides, a mismatch is an error. */
  expected?: readonly InputKind[];
  option?: string;
  /** Told the kind as soon as it is decided (before the first record is read). */
  onKind?: (kind: InputKind) => void;
  onBytes?: (bytesRead: number, size: number) => void;
}

/** Read one export file to the end, sending each record to `events`. */
export async function readInput(file: string, events: InputEvents, opts: ReadOptions = {}): Promise<InputSummary> {
  const reader = await openTextFile(file);
  let kind: InputKind | undefined;
  let format: "csv" | "json" | undefined;
  let csv: CsvReader | undefined;
  let json: JsonRecordReader | undefined;
  let handleCsvRow: ((fields: string[], line: number) => void) | undefined;
  let handleJson: ((rec: Record<string, unknown>, line: number) => void) | undefined;

  const decide = (names: Set<string>): InputKind => {
    const k = detectKind(names);
    if (!k && ["primarysmtpaddress", "userprincipalname"].some((n) => names.has(n))) {
      // A mailbox list without the setting: Get-EXOCasMailbox leaves it out unless asked for.
      throw badInput("audit.input-column", "audit.err.noSmtpColumn", { file });
    }
    if (!k) throw badInput("audit.input-unknown", "audit.err.unknownShape", { file, found: [...names].slice(0, 6).join(", ") || "-" });
    if (opts.expected && !opts.expected.includes(k)) {
      throw badInput("audit.input-wrong-option", "audit.err.wrongOption", { file, kind: k, option: opts.option ?? "?", wanted: optionFor(k) });
    }
    checkRequired(k, names, file);
    opts.onKind?.(k);
    return k;
  };

  const onChunk = (text: string) => {
    if (format === undefined) {
      const first = text.trimStart().charAt(0);
      if (first === "") return;
      if (first === "[" || first === "{") {
        format = "json";
        json = new JsonRecordReader(file, (rec, line) => {
          if (!handleJson) {
            graphErrorCheck(rec, file);
            const keys = new Map<string, string>();
            for (const key of Object.keys(rec)) keys.set(normName(key), key);
            kind = decide(new Set(keys.keys()));
            handleJson = jsonHandler(kind, file, events);
          }
          handleJson(rec, line);
        });
      } else {
        format = "csv";
        csv = new CsvReader(file, {
          header: (fields) => {
            const names = fields.map(normName);
            kind = decide(new Set(names));
            handleCsvRow = csvHandler(kind, names, file, events);
            // Keep only the columns the audit reads (the portal's sign-in CSV has 55).
            const used = new Set(USED_COLUMNS[kind]);
            const firstIndex = new Map<string, number>();
            names.forEach((n, i) => {
              if (!firstIndex.has(n)) firstIndex.set(n, i);
            });
            return names.map((n, i) => used.has(n) && firstIndex.get(n) === i);
          },
          row: (fields, line) => (handleCsvRow as (f: string[], l: number) => void)(fields, line),
        });
      }
    }
    if (json) json.push(text);
    else (csv as CsvReader).push(text);
  };

  for await (const text of reader.chunks((b) => opts.onBytes?.(b, reader.size))) onChunk(text);
  if (format === undefined) throw badInput("audit.input-empty", "audit.err.empty", { file });
  if (json) json.end();
  if (csv) csv.end();
  if (kind === undefined) throw badInput("audit.input-empty", "audit.err.empty", { file });
  const records = json ? json.recordCount : (csv as CsvReader).rowCount;
  if (records === 0) throw badInput("audit.input-empty", "audit.err.noRecords", { file });
  return { file, kind, format, encoding: reader.encoding, records };
}

/** A saved Graph error response instead of data: say what it means (no Entra ID P1 is the usual one). */
function graphErrorCheck(rec: Record<string, unknown>, file: string): void {
  const e = rec.error;
  if (e === null || typeof e !== "object" || Object.keys(rec).length > 2) return;
  const code = String((e as Record<string, unknown>).code ?? "");
  const message = String((e as Record<string, unknown>).message ?? "").slice(0, 160);
  if (/premium|NonPremium/i.test(code) || /premium license/i.test(message)) throw badInput("audit.input-no-p1", "audit.err.noP1File", { file });
  throw badInput("audit.input-graph-error", "audit.err.graphError", { file, code: code || "?", message });
}

export function optionFor(kind: InputKind): string {
  switch (kind) {
    case "mailboxes":
      return "--mailboxes";
    case "transport":
      return "--transport";
    case "signins":
      return "--signins";
    case "smtp-report":
      return "--smtp-report";
    case "auth-policies":
    case "user-policies":
    case "org-config":
      return "--auth-policies";
  }
}

// ---- values ----

function badValue(file: string, line: number, column: string, value: string, key: MessageKey = "audit.err.badBoolean") {
  return badInput("audit.input-value", key, { file, line, column, value: value.length > 40 ? `${value.slice(0, 37)}...` : value });
}

/** PowerShell's rendering of a nullable boolean: True/False/blank (CSV) or true/false/null (JSON). */
function triState(v: unknown, file: string, line: number, column: string): boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    if (s === "") return null;
    if (s === "true" || s === "$true") return true;
    if (s === "false" || s === "$false") return false;
  }
  throw badValue(file, line, column, typeof v === "string" ? v : JSON.stringify(v));
}

function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
  if (s === undefined) return undefined;
  const t = s.trim();
  return t === "" ? undefined : t;
}

function numberOrNull(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const s = text(v);
  if (s === undefined) return null;
  const n = Number(s.replace(/[%,\s]/g, ""));
  return Number.isFinite(n) ? n : null;
}

function protocolOf(v: unknown): SmtpReportRecord["protocol"] {
  const s = text(v)?.toLowerCase();
  if (s === undefined) return undefined;
  if (s.includes("basic")) return "basic";
  if (s.includes("oauth") || s.includes("modern")) return "oauth";
  return "other";
}

/** ISO 8601 stays as it is (it sorts as text); anything else Date can read becomes ISO; the rest is kept. */
export function normDate(v: string | undefined): string {
  if (v === undefined) return "";
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return v;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
}

function isSmtpClientApp(v: string | undefined): boolean {
  if (v === undefined) return false;
  const s = v.toLowerCase();
  return s === "authenticated smtp" || s === "smtp";
}

function pick(get: Raw, names: readonly string[]): unknown {
  for (const n of names) {
    const v = get(n);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** One handler per kind, over a getter by normalised name (CSV column or JSON key). */
function recordHandler(kind: InputKind, file: string, events: InputEvents, available: ReadonlySet<string>): (get: Raw, line: number) => void {
  const firstOf = (names: readonly string[]) => names.find((n) => available.has(n));
  switch (kind) {
    case "mailboxes": {
      const idCol = firstOf(IDENTITY_COLUMNS) as string;
      return (get, line) => {
        const identity = text(get(idCol));
        if (identity === undefined) throw badInput("audit.input-value", "audit.err.blankIdentity", { file, line, column: idCol });
        const setting = triState(get("smtpclientauthenticationdisabled"), file, line, "SmtpClientAuthenticationDisabled");
        events.mailbox(identity, setting, line, text(get("displayname")));
      };
    }
    case "transport":
      return (get, line) => events.transport(triState(get("smtpclientauthenticationdisabled"), file, line, "SmtpClientAuthenticationDisabled"), line);
    case "signins":
      return (get, line) => {
        const app = text(pick(get, ["client app", "clientappused"]));
        if (!isSmtpClientApp(app)) {
          events.signInSkipped();
          return;
        }
        const upn = text(pick(get, ["username", "userprincipalname", "user"]));
        if (upn === undefined) throw badInput("audit.input-value", "audit.err.blankIdentity", { file, line, column: "Username" });
        const status = get("status");
        let errorCode: number | null = null;
        let failureReason: string | undefined;
        if (status !== null && typeof status === "object") {
          const st = status as Record<string, unknown>;
          errorCode = numberOrNull(st.errorCode);
          failureReason = text(st.failureReason);
        } else {
          errorCode = numberOrNull(pick(get, ["sign-in error code", "errorcode"]));
          failureReason = text(pick(get, ["failure reason", "failurereason"]));
          if (errorCode === null && text(status)?.toLowerCase() === "success") errorCode = 0;
        }
        if (failureReason?.toLowerCase() === "other.") failureReason = undefined;
        const rec: SignInRecord = {
          at: normDate(text(pick(get, ["date (utc)", "createddatetime", "date"]))),
          upn,
          errorCode,
        };
        const dn = text(pick(get, ["user", "userdisplayname"]));
        if (dn !== undefined && dn !== upn) rec.displayName = dn;
        const ip = text(pick(get, ["ip address", "ipaddress"]));
        if (ip !== undefined) rec.ip = ip;
        if (failureReason !== undefined && errorCode !== 0) rec.failureReason = failureReason;
        const ca = text(pick(get, ["conditional access", "conditionalaccessstatus"]));
        if (ca !== undefined) rec.conditionalAccessStatus = ca;
        events.signIn(rec, line);
      };
    case "smtp-report":
      return (get, line) => {
        const sender = text(pick(get, ["sender address", "senderaddress"]));
        if (sender === undefined) throw badInput("audit.input-value", "audit.err.blankIdentity", { file, line, column: "Sender address" });
        const rec: SmtpReportRecord = { sender, messages: numberOrNull(pick(get, ["messages sent", "messagessent", "message count"])) };
        const protocol = protocolOf(pick(get, ["authentication protocol", "authenticationprotocol"]));
        if (protocol !== undefined) rec.protocol = protocol;
        const t10 = numberOrNull(get("tls 1.0"));
        const t11 = numberOrNull(get("tls 1.1"));
        const t12 = numberOrNull(get("tls 1.2"));
        if (t10 !== null) rec.tls10 = t10;
        if (t11 !== null) rec.tls11 = t11;
        if (t12 !== null) rec.tls12 = t12;
        events.smtpReport(rec, line);
      };
    case "auth-policies":
      return (get, line) => {
        const name = text(get("name"));
        if (name === undefined) throw badInput("audit.input-value", "audit.err.blankIdentity", { file, line, column: "Name" });
        const allow = triState(get("allowbasicauthsmtp"), file, line, "AllowBasicAuthSmtp");
        events.authPolicy(name, allow === true, line);
      };
    case "user-policies": {
      const idCol = firstOf(["userprincipalname", "windowsemailaddress", "primarysmtpaddress", "identity"]) as string;
      return (get, line) => {
        const identity = text(get(idCol));
        if (identity === undefined) throw badInput("audit.input-value", "audit.err.blankIdentity", { file, line, column: idCol });
        events.userPolicy(identity, text(get("authenticationpolicy")) ?? null, line);
      };
    }
    case "org-config":
      return (get, line) => events.orgConfig(text(get("defaultauthenticationpolicy")) ?? null, line);
  }
}

function csvHandler(kind: InputKind, names: string[], file: string, events: InputEvents): (fields: string[], line: number) => void {
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i); // the portal repeats some columns; the first wins
  });
  let current: string[] = [];
  const get: Raw = (name) => {
    const i = index.get(name);
    return i === undefined ? undefined : current[i];
  };
  const handle = recordHandler(kind, file, events, new Set(index.keys()));
  return (fields, line) => {
    current = fields;
    handle(get, line);
  };
}

/**
 * A sink for records that arrive as objects: the JSON exports, and the live seam — a live source
 * (src/live) passes each Graph signIn or Exchange REST Get-CASMailbox object here with its kind,
 * so live and offline data go through the same extraction and checks.
 */
export function objectRecordSink(kind: InputKind, label: string, events: InputEvents): (rec: Record<string, unknown>, line: number) => void {
  return jsonHandler(kind, label, events);
}

function jsonHandler(kind: InputKind, file: string, events: InputEvents): (rec: Record<string, unknown>, line: number) => void {
  let keyMap = new Map<string, string>();
  let lastKeys: string[] = [];
  let current: Record<string, unknown> = {};
  const get: Raw = (name) => {
    const k = keyMap.get(name);
    return k === undefined ? undefined : current[k];
  };
  let handle: ((get: Raw, line: number) => void) | undefined;
  return (rec, line) => {
    const keys = Object.keys(rec);
    if (keys.length !== lastKeys.length || keys.some((k, i) => k !== lastKeys[i])) {
      keyMap = new Map();
      for (const k of keys) keyMap.set(normName(k), k);
      lastKeys = keys;
      if (!handle) handle = recordHandler(kind, file, events, new Set(keyMap.keys()));
      else checkRequired(kind, new Set(keyMap.keys()), file);
    }
    current = rec;
    (handle as (get: Raw, line: number) => void)(get, line);
  };
}

export type { Getter };

/** Thrown by sniffKind once the kind is known: the rest of the file is not read. */
class KindKnown extends Error {}

/**
 * What an export file is, from its header or first record, without reading the rest: for the wizard, which places a
 * file where its kind belongs whichever path it was typed for. Undefined when the file is none of the known exports or
 * cannot be read; reading it whole (readInput) then says why.
 */
export async function sniffKind(file: string): Promise<InputKind | undefined> {
  let kind: InputKind | undefined;
  const none = () => undefined;
  const events: InputEvents = { mailbox: none, transport: none, signIn: none, signInSkipped: none, smtpReport: none, authPolicy: none, userPolicy: none, orgConfig: none };
  try {
    return (
      await readInput(file, events, {
        onKind: (k) => {
          kind = k;
          throw new KindKnown();
        },
      })
    ).kind;
  } catch (e) {
    return e instanceof KindKnown ? kind : undefined;
  }
}
