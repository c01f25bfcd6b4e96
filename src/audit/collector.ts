// Everything the inputs say, gathered as the records stream past, in memory that does not grow with
// the number of mailboxes or sign-in records: one byte per mailbox (its setting) stays in memory,
// the identities and display names go to a RecordLog (src/audit/spill.ts), and sign-ins and report
// rows are folded into one bounded summary per SMTP AUTH account. `finish()` then settles what needs
// the whole input: duplicate mailboxes (in partitions of bounded size) and the mailbox and policy
// facts of the SMTP AUTH accounts.
import { badInput } from "../errors.js";
import type { InputEvents, SignInRecord, SmtpReportRecord } from "./inputs.js";
import { isPlausibleIdentity } from "../shell/powershell.js";
import { field, NumberLog, RecordLog, SpillSpace, unfield } from "./spill.js";

/** Mailbox setting codes: SmtpClientAuthenticationDisabled = $true, $false, or blank/$null. */
export const SETTING_DISABLED = 1;
export const SETTING_ENABLED = 0;
export const SETTING_FOLLOW = 2;
export type SettingCode = typeof SETTING_DISABLED | typeof SETTING_ENABLED | typeof SETTING_FOLLOW;
/** A later copy of a mailbox already listed (its value moved to the first copy). */
const SETTING_REPEATED = 3;
/** The low two bits of a mailbox's byte hold its setting; this bit marks a value that cannot be an identity. */
const CODE = 3;
const IMPLAUSIBLE = 4;
/** While settling: the address's fingerprint is shared with another mailbox (maybe the same one). */
const CANDIDATE = 8;

/** One mailbox as the exports gave it: the first spelling and display name, the last setting. */
export interface MailboxEntry {
  /** Position among the mailbox records received (duplicates included). */
  index: number;
  identity: string;
  displayName?: string;
  setting: SettingCode;
  /** Whether the identity can be an Exchange identity (src/shell/powershell.ts isPlausibleIdentity). */
  plausible: boolean;
}

/** Mailboxes de-duplicated per partition: at most this many distinct addresses in memory at once. */
const PARTITION_SIZE = 65_536;
const MAX_PARTITIONS = 64;

const MAX_IPS_PER_ACCOUNT = 50;

/**
 * A copy of a string that does not keep the chunk it was cut from alive: values sliced from a
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

export interface CollectorOptions {
  /** Distinct mailboxes de-duplicated at once (tests make it small to exercise partitions). */
  partitionSize?: number;
  /** Bytes of mailbox records kept in memory before they move to a temporary file. */
  memoryBytes?: number;
}

export class AuditCollector implements InputEvents {
  /** Per mailbox record: its setting (SETTING_REPEATED for a later duplicate once finished) | IMPLAUSIBLE. */
  private settings: Uint8Array = new Uint8Array(1024);
  private records = 0;
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
  orgDefaultPolicy: string | null | undefined;
  private currentFile = "";
  private readonly space = new SpillSpace();
  /** Identity, and display name ("" for none), per mailbox record in the order received: two logs, so that the passes that need only identities read only those. */
  private readonly identityLog: RecordLog;
  private readonly nameLog: RecordLog;
  /** "key[TAB policy]" per user-policy record (no policy: no TAB). */
  private readonly userPolicyLog: RecordLog;
  private usersComplete = false;
  private readonly partitionSize: number;
  private finished = false;
  /** After finish: the SMTP AUTH accounts' own mailbox and policy facts. */
  private readonly accountMailboxes = new Map<string, MailboxEntry>();
  private readonly accountPolicies = new Map<string, string | null>();

  constructor(opts: CollectorOptions = {}) {
    this.partitionSize = Math.max(1, opts.partitionSize ?? PARTITION_SIZE);
    const logOpts = opts.memoryBytes !== undefined ? { memoryBytes: opts.memoryBytes } : {};
    this.identityLog = new RecordLog(this.space, logOpts);
    this.nameLog = new RecordLog(this.space, logOpts);
    this.userPolicyLog = new RecordLog(this.space, logOpts);
  }

  /** The file being read (for messages about the content as a whole). */
  setFile(file: string): void {
    this.currentFile = file;
  }

  /** Distinct mailboxes (duplicates are known, and left out, once finished). */
  get mailboxCount(): number {
    return this.records - this.duplicates;
  }

  /** The setting of the mailbox record at `index` (see MailboxEntry.index). */
  setting(index: number): SettingCode {
    return ((this.settings[index] as number) & CODE) as SettingCode;
  }

  private open(): void {
    if (this.finished) throw new Error("AuditCollector: a record after finish()");
  }

  mailbox(identity: string, setting: boolean | null, _line: number, displayName?: string): void {
    this.open();
    const code: SettingCode = setting === true ? SETTING_DISABLED : setting === false ? SETTING_ENABLED : SETTING_FOLLOW;
    const i = this.records++;
    if (i >= this.settings.length) {
      const grown = new Uint8Array(this.settings.length * 2);
      grown.set(this.settings);
      this.settings = grown;
    }
    this.settings[i] = isPlausibleIdentity(identity) ? code : code | IMPLAUSIBLE;
    this.identityLog.append(field(identity));
    this.nameLog.append(displayName === undefined ? "" : field(displayName));
  }

  /**
   * Every distinct mailbox in the order of the exports (a duplicate at its first place, with the
   * later setting), read back from the logs: nothing is held but the one being looked at. Before
   * `finish()`, duplicates are not yet known and every record is given. `names: false` skips the
   * display names (a faster pass).
   */
  *mailboxes(opts: { names?: boolean } = {}): Generator<MailboxEntry, void, undefined> {
    const names = opts.names === false ? undefined : this.nameLog.records();
    let index = 0;
    for (const id of this.identityLog.records()) {
      const i = index++;
      const name = names ? nextOf(names) : undefined;
      const b = this.settings[i] as number;
      if ((b & CODE) === SETTING_REPEATED) continue;
      yield entry(id, name, i, b);
    }
  }

  /**
   * Distinct mailboxes whose setting passes `test`, counted from the bytes alone (no pass over the
   * log), split by whether their identity is plausible.
   */
  tally(test: (setting: SettingCode) => boolean): { plausible: number; implausible: number } {
    const t = { plausible: 0, implausible: 0 };
    const s = this.settings;
    for (let i = 0; i < this.records; i++) {
      const b = s[i] as number;
      const code = b & CODE;
      if (code === SETTING_REPEATED || !test(code as SettingCode)) continue;
      if (b & IMPLAUSIBLE) t.implausible++;
      else t.plausible++;
    }
    return t;
  }

  /** Distinct mailboxes per setting. */
  settingCounts(): Record<SettingCode, number> {
    const c: Record<SettingCode, number> = { [SETTING_ENABLED]: 0, [SETTING_DISABLED]: 0, [SETTING_FOLLOW]: 0 };
    const s = this.settings;
    for (let i = 0; i < this.records; i++) {
      const code = (s[i] as number) & CODE;
      if (code !== SETTING_REPEATED) c[code as SettingCode]++;
    }
    return c;
  }

  /** After `finish()`: the mailbox of an SMTP AUTH account (seen in sign-ins or the EAC report). */
  accountMailbox(key: string): MailboxEntry | undefined {
    return this.accountMailboxes.get(key);
  }

  /** Whether any user-policy facts came in (Get-User assignments, or "none" for everyone listed). */
  get hasUserPolicies(): boolean {
    return this.userPolicyLog.count > 0 || (this.usersComplete && (this.signIns.size > 0 || this.report.size > 0));
  }

  /** User-policy records received. */
  get userPolicyRecords(): number {
    return this.userPolicyLog.count;
  }

  /** After `finish()`: the authentication policy assigned to an SMTP AUTH account (null: none; undefined: not known). */
  userPolicyOf(key: string): string | null | undefined {
    return this.accountPolicies.get(key);
  }

  /** Every user-policy record as received (key in lower case). */
  *userPolicyEntries(): Generator<[string, string | null], void, undefined> {
    for (const rec of this.userPolicyLog.records()) {
      const tab = rec.indexOf("\t");
      yield tab === -1 ? [unfield(rec), null] : [unfield(rec.slice(0, tab)), unfield(rec.slice(tab + 1))];
    }
  }

  /**
   * Get-User was read to the end (live): an SMTP AUTH account it did not list with a policy has
   * none of its own.
   */
  userPoliciesComplete(): void {
    this.usersComplete = true;
  }

  /** Remove the temporary files (the collector cannot be read afterwards). */
  dispose(): void {
    this.identityLog.dispose();
    this.nameLog.dispose();
    this.userPolicyLog.dispose();
    this.space.dispose();
  }

  transport(disabled: boolean | null, line: number): void {
    this.transportRecords++;
    if (this.transportRecords > 1) throw badInput("audit.input-transport-many", "audit.err.transportMany", { file: this.currentFile, line });
    this.tenantDisabled = disabled;
  }

  signIn(rec: SignInRecord, _line: number): void {
    this.open();
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
    this.open();
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
    this.open();
    const key = field(identity.toLowerCase());
    this.userPolicyLog.append(policy === null ? key : `${key}\t${field(policy)}`);
  }

  orgConfig(defaultPolicy: string | null, line: number): void {
    if (this.orgDefaultPolicy !== undefined) throw badInput("audit.input-org-many", "audit.err.transportMany", { file: this.currentFile, line });
    this.orgDefaultPolicy = defaultPolicy;
  }

  /**
   * The input is complete: sort each account's recent sign-ins newest first, settle duplicate
   * mailboxes, and look up the mailbox and policy of every SMTP AUTH account. Called once (again: no-op).
   */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const acc of this.signIns.values()) acc.recent.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const accounts = new Set<string>([...this.signIns.keys(), ...this.report.keys()]);
    this.settleMailboxes(accounts);
    for (const [key, policy] of this.userPolicyEntries()) if (accounts.has(key)) this.accountPolicies.set(key, policy);
    if (this.usersComplete) for (const key of accounts) if (!this.accountPolicies.has(key)) this.accountPolicies.set(key, null);
  }

  /**
   * The same mailbox twice (two exports concatenated): the later value counts, at the first place,
   * once. Settled in memory that does not grow with the number of mailboxes:
   *  1. one pass over the addresses gives each two 32-bit hashes; records are split by the first
   *     into partitions of at most `partitionSize` (binary files of index and hashes), and each
   *     partition finds the records whose two hashes it has seen before, in fixed typed arrays;
   *  2. only those candidates are compared by their real address (exact), in the order of the
   *     exports, in partitions again if there are many. Different hashes prove different addresses,
   *     so an export without duplicates needs no second step.
   * A record's place (its index) is kept throughout, so the order of the exports is never lost.
   */
  private settleMailboxes(accounts: ReadonlySet<string>): void {
    const n = this.records;
    if (n === 0) return;
    const s = this.settings;
    const parts = Math.min(MAX_PARTITIONS, Math.ceil(n / this.partitionSize));
    // One partition: settled during the pass, in memory. More: split to files first.
    const partitions = parts > 1 ? Array.from({ length: parts }, () => new NumberLog(this.space, 3)) : [];
    let table = parts > 1 ? undefined : new FingerprintTable(n);
    let candidates = 0;
    const mark = (f: number, i: number) => {
      if (((s[f] as number) & CANDIDATE) === 0) {
        s[f] = (s[f] as number) | CANDIDATE;
        candidates++;
      }
      s[i] = (s[i] as number) | CANDIDATE;
      candidates++;
    };
    const byIndex = new Map<number, MailboxEntry>();
    let index = 0;
    for (const id of this.identityLog.records()) {
      const i = index++;
      const key = unfield(id).toLowerCase();
      if (accounts.has(key) && !this.accountMailboxes.has(key)) {
        const m = entry(id, undefined, i, s[i] as number);
        this.accountMailboxes.set(key, m);
        byIndex.set(i, m);
      }
      const h1 = fnv1a(key);
      const h2 = djb2(key);
      if (table) {
        const f = table.put(i, h1, h2);
        if (f !== -1) mark(f, i);
      } else (partitions[h1 % parts] as NumberLog).push(i, h1, h2);
    }
    if (partitions.length > 0) {
      table = new FingerprintTable(Math.max(...partitions.map((p) => p.count)));
      for (const p of partitions) {
        const t = table;
        t.clear();
        p.forEach((i, h1, h2) => {
          const f = t.put(i, h1, h2);
          if (f !== -1) mark(f, i);
        });
        p.dispose();
      }
    }
    // Step 2: the candidates by their real address.
    if (candidates > 0) this.settleCandidates(candidates);
    for (const m of this.accountMailboxes.values()) m.setting = this.setting(m.index);
    // The accounts' display names (a pass over the names only when an account has a mailbox).
    if (byIndex.size > 0) {
      let k = 0;
      for (const name of this.nameLog.records()) {
        const m = byIndex.get(k++);
        if (m !== undefined && name !== "") m.displayName = unfield(name);
      }
    }
  }

  /** Exact de-duplication of the records marked CANDIDATE (the mark is cleared). */
  private settleCandidates(candidates: number): void {
    const s = this.settings;
    const parts = Math.min(MAX_PARTITIONS, Math.ceil(candidates / this.partitionSize));
    const partitions = parts > 1 ? Array.from({ length: parts }, () => new RecordLog(this.space, { memoryBytes: 0 })) : [];
    const first = new Map<string, number>();
    let index = 0;
    for (const id of this.identityLog.records()) {
      const i = index++;
      if (((s[i] as number) & CANDIDATE) === 0) continue;
      s[i] = (s[i] as number) & ~CANDIDATE;
      const key = unfield(id).toLowerCase();
      if (parts > 1) (partitions[fnv1a(key) % parts] as RecordLog).append(`${i}\t${field(key)}`);
      else this.settle(first, key, i);
    }
    for (const p of partitions) {
      first.clear();
      for (const rec of p.records()) {
        const tab = rec.indexOf("\t");
        this.settle(first, unfield(rec.slice(tab + 1)), Number(rec.slice(0, tab)));
      }
      p.dispose();
    }
  }

  private settle(first: Map<string, number>, key: string, i: number): void {
    const f = first.get(key);
    if (f === undefined) {
      first.set(key, i);
      return;
    }
    const s = this.settings;
    s[f] = ((s[f] as number) & ~CODE) | ((s[i] as number) & CODE);
    s[i] = ((s[i] as number) & ~CODE) | SETTING_REPEATED;
    this.duplicates++;
  }
}

/** Open addressing over two hashes in typed arrays: no object per mailbox, nothing for the collector to trace. */
class FingerprintTable {
  private readonly h1: Uint32Array;
  private readonly h2: Uint32Array;
  private readonly idx: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 16;
    while (size < entries * 2) size *= 2;
    this.mask = size - 1;
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
    this.idx = new Int32Array(size).fill(-1);
  }

  clear(): void {
    this.idx.fill(-1);
  }

  /** Adds record `i`; returns the earlier record with the same two hashes, or -1. */
  put(i: number, h1: number, h2: number): number {
    const mask = this.mask;
    for (let slot = (h2 ^ (h1 >>> 7)) & mask; ; slot = (slot + 1) & mask) {
      const f = this.idx[slot] as number;
      if (f === -1) {
        this.idx[slot] = i;
        this.h1[slot] = h1;
        this.h2[slot] = h2;
        return -1;
      }
      if (this.h1[slot] === h1 && this.h2[slot] === h2) return f;
    }
  }
}

function entry(id: string, name: string | undefined, index: number, b: number): MailboxEntry {
  const m: MailboxEntry = { index, identity: unfield(id), setting: (b & CODE) as SettingCode, plausible: (b & IMPLAUSIBLE) === 0 };
  if (name) m.displayName = unfield(name);
  return m;
}

function nextOf(g: Generator<string, void, undefined>): string | undefined {
  const r = g.next();
  return r.done === true ? undefined : r.value;
}

/** FNV-1a over the UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A second, different hash (djb2 with xor, then mixed): two records agree on both only rarely unless equal. */
function djb2(s: string): number {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = Math.imul(h, 33) ^ s.charCodeAt(i);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
