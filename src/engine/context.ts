// What every gate sees: the case, the reply analysis, the date, the authentication mode, and a
// collector for findings, unknowns and info entries. Gates only read the context and add to the
// collector; the evaluator merges and sorts.
import { getFact, type FactPath } from "../case/facts.js";
import type { Account, Case, Device, Tenant } from "../case/schema.js";
import type { ReplyAnalysis } from "../replies/types.js";
import type { ProviderFinding } from "./gates/provider.js";
import type { HostKind } from "./gates/transport.js";
import { CAUSES, strongerStatus } from "./causes.js";
import { remembered } from "./remember.js";
import type { InferenceKey, InfoId, NoteKey } from "./keys.js";
import type { CauseId, CauseStatus, Evidence, Finding, Info, RetirementPhase } from "./types.js";

export type Mechanism = NonNullable<Device["authMechanism"]>;
export type AuthMode = "basic" | "oauth" | "none" | "unknown";

export interface Ctx {
  readonly c: Case;
  readonly device: Device;
  readonly tenant: Tenant;
  readonly account: Account;
  readonly analysis: ReplyAnalysis | undefined;
  readonly asOf: string;
  readonly phase: RetirementPhase;
  /** How the device authenticates: from device.auth, else inferred from the mechanism. */
  readonly mode: AuthMode;
  /** Where the mode came from: the fact itself, or an inference (evidence for findings that depend on it). */
  readonly modeEvidence: Evidence | undefined;
  /**
   * A device recorded as using OAuth that got the server's answer to a password (the "criteria" reply, security
   * defaults …): for this sending it still sends one, so the Basic-only gates read its facts (and ask for them).
   */
  readonly sendsPassword: boolean;
  /** The AUTH mechanism: device.authMechanism, else what a pasted transcript shows. */
  readonly mechanism: Mechanism | undefined;
  /** What device.host is (classifyHost), read once for the gates; undefined when no host is recorded. */
  readonly hostKind: HostKind | undefined;
  /** The host is a High Volume Email endpoint: the SMTP AUTH switches do not apply. */
  readonly hve: boolean;
  /** A pasted reply shows "235 Authentication successful": everything up to AUTH passed at that time. */
  readonly authPassed: boolean;
  /** The reply shows the device got to sign-in or later: the connection, STARTTLS and TLS worked. */
  readonly reachedAuth: boolean;
  /** What the test from the support person's PC proved, when the case's reply is that test's (src/engine/probe.ts probeSucceeded). */
  readonly probeTested: "sent" | "signed-in" | undefined;
  /** A service other than Exchange Online answers (issue 10): no tenant, mailbox or identity gate applies. */
  readonly provider: ProviderFinding | undefined;
  readonly out: Collector;
}

/** The options of Collector.add(). */
export interface AddOptions {
  notes?: readonly NoteKey[];
  affects?: Finding["affects"];
  lessLikely?: boolean;
}

/** No options (a default made once, not an object for each call). */
export const NO_OPTIONS: AddOptions = Object.freeze({});

export class Collector {
  // Arrays searched in place of a map and sets: a case has a handful of each, and an evaluation
  // allocated them all (with the notes' sets) every time.
  private readonly findings: Finding[] = [];
  private readonly unknownList: FactPath[] = [];
  private readonly infos: Info[] = [];

  private finding(id: CauseId): Finding | undefined {
    for (const f of this.findings) if (f.id === id) return f;
    return undefined;
  }

  /**
   * A finding, or more to one found before. `evidence` becomes the new finding's own list (later evidence is added to it): a
   * list the caller made for this call, not one it keeps or gives again (each gate writes its list in the call; src/engine/gates/provider.ts copies its own).
   */
  add(id: CauseId, status: CauseStatus, evidence: Evidence[], opts: AddOptions = NO_OPTIONS): void {
    this.addFinding(id, status, evidence, opts.notes, opts.affects, opts.lessLikely);
  }

  /** add() with its options as arguments: the reply gate's collector passes them on without an object made for each finding. */
  addFinding(id: CauseId, status: CauseStatus, evidence: Evidence[], notes: readonly NoteKey[] | undefined, affects?: Finding["affects"], lessLikely?: boolean): void {
    if (evidence.length === 0) throw new Error(`finding ${id} without evidence`);
    const prev = this.finding(id);
    if (!prev) {
      // The list given becomes the finding's own (see add()): no copy.
      const f: Finding = { id, status, evidence, affects: affects ?? CAUSES[id].affects };
      if (notes?.length) f.notes = unique(notes);
      if (lessLikely) f.lessLikely = true;
      this.findings.push(f);
      return;
    }
    if (!lessLikely) delete prev.lessLikely;
    prev.status = strongerStatus(prev.status, status);
    mergeEvidence(prev.evidence, evidence);
    if (notes?.length) prev.notes = unique([...(prev.notes ?? []), ...notes]);
    if (affects && affects !== prev.affects) prev.affects = "all";
  }

  /** The status found so far for a cause (by the gates that ran before), if any. */
  statusOf(id: CauseId): CauseStatus | undefined {
    return this.finding(id)?.status;
  }

  /** Remove a finding that is only "possible" (another cause, now named by the server, explains it). */
  dropPossible(id: CauseId): void {
    const i = this.findings.findIndex((f) => f.id === id);
    if (i >= 0 && (this.findings[i] as Finding).status === "possible") this.findings.splice(i, 1);
  }

  unknown(path: FactPath): void {
    if (!this.unknownList.includes(path)) this.unknownList.push(path);
  }

  /** An Info entry, or more evidence to one given before; as add(), `evidence` becomes the new entry's own list. */
  info(id: InfoId, evidence: Evidence[]): void {
    const prev = this.infos.find((i) => i.id === id);
    if (prev) {
      mergeEvidence(prev.evidence, evidence);
    } else this.infos.push({ id, evidence });
  }

  /** What the gates found: the collector's own lists, not copies (the evaluation is done adding when it reads them). */
  result(): { findings: Finding[]; unknowns: FactPath[]; info: Info[] } {
    return { findings: this.findings, unknowns: this.unknownList, info: this.infos };
  }
}

/** The items in their order, each once (the lists here are a few items long: no set is built). */
export function unique<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of items) if (!out.includes(item)) out.push(item);
  return out;
}

/** `evidence` added to `into`, each piece not there already. */
function mergeEvidence(into: Evidence[], evidence: readonly Evidence[]): void {
  for (const e of evidence) if (!into.some((p) => sameEvidence(p, e))) into.push(e);
}

/** The same evidence as JSON (the form every report shows). Most pairs differ in kind, path, key or reply: said without serialising. */
function sameEvidence(a: Evidence, b: Evidence): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if (a.kind === "fact" && b.kind === "fact" && a.path !== b.path) return false;
  if (a.kind === "inference" && b.kind === "inference") {
    if (a.messageKey !== b.messageKey) return false;
    // The same key without parameters ("the server accepted the sign-in"): the same evidence.
    if (a.params === undefined && b.params === undefined) return true;
  }
  if (a.kind === "reply" && b.kind === "reply" && (a.reply !== b.reply || a.patternId !== b.patternId)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Evidence for a recorded fact, with its provenance when the case has one. */
export function factEvidence(ctx: Ctx, path: FactPath): Evidence {
  const value = getFact(ctx.c, path);
  const source = ctx.c.sources?.[path];
  return source ? { kind: "fact", path, value, source } : { kind: "fact", path, value };
}

export function inference(messageKey: InferenceKey, params?: Record<string, string | number>): Evidence {
  return params ? { kind: "inference", messageKey, params } : { kind: "inference", messageKey };
}

/**
 * Basic-only gates: for Basic they apply as found; when the mode is unknown they are evaluated as
 * "would apply if Basic" (a blocker becomes possible, with a note); for OAuth/none they do not apply, unless the
 * server answered an OAuth-recorded device as it answers a password (then as found, with that note).
 */
export function basicOnly(ctx: Ctx): BasicOnly {
  if (ctx.mode === "basic") return AS_FOUND;
  if (ctx.sendsPassword) return PASSWORD_ANSWER;
  if (ctx.mode === "unknown") return IF_BASIC;
  return NOT_APPLICABLE;
}

interface BasicOnly {
  readonly applies: boolean;
  readonly status: (s: CauseStatus) => CauseStatus;
  readonly notes: readonly NoteKey[];
}

// The four readings of basicOnly(), made once: five gates asked for one each per case, a new object, function and list each time.
const asFound = (s: CauseStatus): CauseStatus => s;
const AS_FOUND: BasicOnly = { applies: true, status: asFound, notes: [] };
const PASSWORD_ANSWER: BasicOnly = { applies: true, status: asFound, notes: ["note.passwordAnswerToOauthDevice"] };
const IF_BASIC: BasicOnly = { applies: true, status: (s) => (s === "blocking" ? "possible" : s), notes: ["note.ifBasic"] };
const NOT_APPLICABLE: BasicOnly = { applies: false, status: asFound, notes: [] };

/** The address part of "Name <addr>" or "addr", lower-cased (kept for the last values seen: src/engine/remember.ts). */
export const addressOf: (value: string) => string = remembered(addressIn);

function addressIn(value: string): string {
  const m = /<([^<>]+)>/.exec(value);
  return (m ? (m[1] as string) : value).trim().toLowerCase();
}

/**
 * A blocker found in the recorded facts of a gate that sits before AUTH. When the server has since
 * accepted AUTH, the reply outranks the setting: an Info entry shows the disagreement instead.
 */
export function addUnlessAuthPassed(
  ctx: Ctx,
  id: CauseId,
  status: CauseStatus,
  evidence: Evidence[],
  opts: { notes?: readonly NoteKey[]; affects?: Finding["affects"] } = NO_OPTIONS,
): void {
  if (ctx.authPassed) ctx.out.info("setting-contradicted-by-success", [inference("inference.authSucceeded"), ...evidence]);
  else ctx.out.add(id, status, evidence, opts);
}

/** Unknowns of a gate that sits before AUTH: irrelevant once AUTH has succeeded. */
export function unknownUnlessAuthPassed(ctx: Ctx, path: FactPath): void {
  if (!ctx.authPassed) ctx.out.unknown(path);
}
