// Everything the inputs say, gathered as the records stream past: mailbox settings kept compactly
// (one small number per mailbox), sign-ins and report rows folded into one summary per account.
import { badInput } from "../errors.js";
import type { InputEvents, SignInRecord, SmtpReportRecord } from "./inputs.js";

/** Mailbox setting codes: SmtpClientAuthenticationDisabled = $true, $false, or blank/$null. */
export const SETTING_DISABLED = 1;
export const SETTING_ENABLED = 0;
export const SETTING_FOLLOW = 2;
export type SettingCode = typeof SETTING_DISABLED | typeof SETTING_ENABLED | typeof SETTING_FOLLOW;

const MAX_IPS_PER_ACCOUNT = 50;

/**
 * A copy of a string that does not keep the chunk it was cut from alive: values sliced from a 1 MB
 * chunk of a sign-in export would otherwise pin every chunk they came from for the whole run.
 */
function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

function ownRecord(rec: SignInRecord): SignInRecord {
  const r: SignInRecord = { at: own(rec.at), upn: "", errorCode: rec.errorCode };
  if (rec.ip !== undefined) r.ip = own(rec.ip);
  if (rec.failureReason !== undefined) r.failureReason = own(rec.failureReason);
  if (rec.conditionalAccessStatus !== undefined) r.conditionalAccessStatus = own(rec.conditionalAccessStatus);
  return r;
}
const MAX_RECENT_SIGNINS = 20;

export interface SignInAccount {
  upn: string;
  displayName?: string;
  total: number;
  successes: number;
  failures: number;
  firstAt: string;
  lastAt: string;
  /** IP address → sign-ins from it (at most 50 addresses kept; `moreIps` counts the rest). */
  ips: Map<string, number>;
  moreIps: number;
  /** Error code → count (0 = success; -1 = the export gave no code). */
  errorCodes: Map<number, number>;
  failureReasons: Map<number, string>;
  conditionalAccessFailures: number;
  /** Newest sign-ins (for the engine's case), newest first after `finish`. */
  recent: SignInRecord[];
  /** Index of the oldest entry in `recent`. */
  oldest: number;
}

export interface ReportAccount {
  sender: string;
  messages: number;
  protocols: Set<"basic" | "oauth" | "other">;
  protocolKnown: boolean;
  minTls12?: number;
}

export class AuditCollector implements InputEvents {
  readonly identities: string[] = [];
  readonly displayNames: (string | undefined)[] = [];
  settings: Uint8Array = new Uint8Array(1024);
  readonly byIdentity = new Map<string, number>();
  duplicates = 0;
  tenantDisabled: boolean | null | undefined;
  transportRecords = 0;
  readonly signIns = new Map<string, SignInAccount>();
  signInRecords = 0;
  otherAppSignIns = 0;
  periodFrom: string | undefined;
  periodTo: string | undefined;
  readonly report = new Map<string, ReportAccount>();
  reportRows = 0;
  readonly policies = new Map<string, boolean>();
  readonly userPolicies = new Map<string, string | null>();
  orgDefaultPolicy: string | null | undefined;
  private currentFile = "";

  /** The file being read (for messages about the content as a whole). */
  setFile(file: string): void {
    this.currentFile = file;
  }

  get mailboxCount(): number {
    return this.identities.length;
  }

  setting(i: number): SettingCode {
    return this.settings[i] as SettingCode;
  }

  mailbox(identity: string, setting: boolean | null, _line: number, displayName?: string): void {
    const key = identity.toLowerCase();
    const code: SettingCode = setting === true ? SETTING_DISABLED : setting === false ? SETTING_ENABLED : SETTING_FOLLOW;
    const existing = this.byIdentity.get(key);
    if (existing !== undefined) {
      // The same mailbox twice (two exports concatenated): keep the later value, count it once.
      this.duplicates++;
      this.settings[existing] = code;
      return;
    }
    const i = this.identities.length;
    if (i >= this.settings.length) {
      const grown = new Uint8Array(this.settings.length * 2);
      grown.set(this.settings);
      this.settings = grown;
    }
    this.settings[i] = code;
    this.identities.push(identity);
    this.displayNames.push(displayName);
    this.byIdentity.set(key, i);
  }

  transport(disabled: boolean | null, line: number): void {
    this.transportRecords++;
    if (this.transportRecords > 1) throw badInput("audit.input-transport-many", "audit.err.transportMany", { file: this.currentFile, line });
    this.tenantDisabled = disabled;
  }

  signIn(rec: SignInRecord, _line: number): void {
    this.signInRecords++;
    const key = rec.upn.toLowerCase();
    let acc = this.signIns.get(key);
    if (!acc) {
      acc = {
        upn: own(rec.upn),
        total: 0,
        successes: 0,
        failures: 0,
        firstAt: "",
        lastAt: "",
        ips: new Map(),
        moreIps: 0,
        errorCodes: new Map(),
        failureReasons: new Map(),
        conditionalAccessFailures: 0,
        recent: [],
        oldest: 0,
      };
      this.signIns.set(own(key), acc);
    }
    if (rec.displayName !== undefined && acc.displayName === undefined) acc.displayName = own(rec.displayName);
    acc.total++;
    const code = rec.errorCode ?? -1;
    if (code === 0) acc.successes++;
    else acc.failures++;
    acc.errorCodes.set(code, (acc.errorCodes.get(code) ?? 0) + 1);
    if (rec.failureReason !== undefined && !acc.failureReasons.has(code)) acc.failureReasons.set(code, own(rec.failureReason));
    if (rec.conditionalAccessStatus?.toLowerCase() === "failure") acc.conditionalAccessFailures++;
    if (rec.ip !== undefined) {
      const n = acc.ips.get(rec.ip);
      if (n !== undefined) acc.ips.set(rec.ip, n + 1);
      else if (acc.ips.size < MAX_IPS_PER_ACCOUNT) acc.ips.set(own(rec.ip), 1);
      else acc.moreIps++;
    }
    const at = rec.at;
    if (at !== "") {
      if (acc.firstAt === "" || at < acc.firstAt) acc.firstAt = own(at);
      if (acc.lastAt === "" || at > acc.lastAt) acc.lastAt = own(at);
      if (this.periodFrom === undefined || at < this.periodFrom) this.periodFrom = own(at);
      if (this.periodTo === undefined || at > this.periodTo) this.periodTo = own(at);
    }
    // Keep the newest few: an unsorted window and the index of its oldest entry (sorted in finish()).
    const recent = acc.recent;
    if (recent.length < MAX_RECENT_SIGNINS) {
      recent.push(ownRecord(rec));
      if (recent.length === 1 || at < (recent[acc.oldest] as SignInRecord).at) acc.oldest = recent.length - 1;
    } else if (at > (recent[acc.oldest] as SignInRecord).at) {
      recent[acc.oldest] = ownRecord(rec);
      let oldest = 0;
      for (let k = 1; k < recent.length; k++) if ((recent[k] as SignInRecord).at < (recent[oldest] as SignInRecord).at) oldest = k;
      acc.oldest = oldest;
    }
  }

  signInSkipped(): void {
    this.otherAppSignIns++;
  }

  smtpReport(rec: SmtpReportRecord, _line: number): void {
    this.reportRows++;
    const key = rec.sender.toLowerCase();
    let acc = this.report.get(key);
    if (!acc) {
      acc = { sender: own(rec.sender), messages: 0, protocols: new Set(), protocolKnown: false };
      this.report.set(own(key), acc);
    }
    acc.messages += rec.messages ?? 0;
    if (rec.protocol !== undefined) {
      acc.protocols.add(rec.protocol);
      acc.protocolKnown = true;
    }
    if (rec.tls12 !== undefined) acc.minTls12 = acc.minTls12 === undefined ? rec.tls12 : Math.min(acc.minTls12, rec.tls12);
  }

  authPolicy(name: string, allowBasicAuthSmtp: boolean, _line: number): void {
    this.policies.set(name.toLowerCase(), allowBasicAuthSmtp);
  }

  userPolicy(identity: string, policy: string | null, _line: number): void {
    this.userPolicies.set(identity.toLowerCase(), policy);
  }

  orgConfig(defaultPolicy: string | null, line: number): void {
    if (this.orgDefaultPolicy !== undefined) throw badInput("audit.input-org-many", "audit.err.transportMany", { file: this.currentFile, line });
    this.orgDefaultPolicy = defaultPolicy;
  }

  /** Sort each account's recent sign-ins newest first. */
  finish(): void {
    for (const acc of this.signIns.values()) acc.recent.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }
}
