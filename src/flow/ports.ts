// The ports of the wizard: what the flow, the Ink screens and plain mode need from the rest of the
// program, as types only. The CLI implements them (src/cli/wizard-services.ts makeServices) and
// hands the one services object to the Ink root or to plain mode; nothing here imports src/cli.
import type { FactPath } from "../case/facts.js";
import type { ReadinessSummary } from "../audit/index.js";
import type { Lang } from "../i18n/index.js";
import { SAVE_FORMATS, type SaveFormat } from "../render/formats.js";
import type { PhaseReport, ProbeResult } from "../probe/types.js";
import type { FlowDeps, FlowState, LiveFact, LivePwsh } from "./types.js";

/** The export files of the readiness path (issue 7): the Get-CASMailbox export, and optionally more. */
export interface ReadinessFiles {
  mailboxes: string;
  transport?: string;
  signins?: string;
  smtpReport?: string;
}

export type AuditSaveResult = { ok: true; files: string[] } | { ok: false; exists: true; path: string } | { ok: false; exists: false; message: string };

export type ReadinessOutcome =
  | {
      ok: true;
      summary: ReadinessSummary;
      /** Write the audit's reports and bulk plan into `dir` (created when missing); an existing file is kept unless `overwrite`. */
      save(dir: string, overwrite: boolean): Promise<AuditSaveResult>;
    }
  /** `field`: the file the audit could not use, when the message names one of those given. */
  | { ok: false; message: string; field?: keyof ReadinessFiles };

/** Where the wizard's probe connects, from the device's answers. */
export interface ProbeTarget {
  host: string;
  port: number;
  /** The device's encryption setting, when the case knows it. */
  security?: "starttls" | "tls" | "none";
  username?: string;
  /**
   * The device signs in with OAuth, which this PC cannot do for it: the test connects, encrypts and reads what the
   * server offers, without signing in. Signing in with the password instead, it measured a Basic refusal and made it
   * the OAuth device's own reply (persona run, 2026-12-04).
   */
  oauth?: boolean;
}

/** What the save step offers: the case file, then every format of the registry the wizard can save. */
export type ExportKind = "case" | SaveFormat;
export const EXPORT_KINDS: readonly ExportKind[] = ["case", ...SAVE_FORMATS];
export type SaveResult = { ok: true; path: string } | { ok: false; exists: true; path: string } | { ok: false; exists: false; message: string };
/** `kind`: which of the readiness files it is, by its content, when that is recognised. */
export type FileCheck = { ok: true; path: string; kind?: keyof ReadinessFiles } | { ok: false; message: string };

export interface LiveReadResult {
  facts: LiveFact[];
  failed: FactPath[];
  error?: string;
}

/**
 * Everything the wizard asks of the program, passed once to the Ink root or to plain mode. The
 * optional ones may be missing in a build or a test: the step then says it is not available (the
 * readiness path), can only be skipped (the probe), or shows nothing more (device hints, live).
 */
export interface WizardServices {
  deps: FlowDeps;
  /** Without an app registration: look once for PowerShell with both modules (the sign-in route). */
  checkLive?: () => Promise<LivePwsh>;
  /** Read the tenant live (issue 4). `onMessage` shows the sign-in instructions. */
  readLive?: (state: FlowState, onMessage: (text: string) => void) => Promise<LiveReadResult>;
  /** The result as lines of at most `width` columns. */
  resultLines(state: FlowState, width: number): string[];
  defaultName(kind: ExportKind): string;
  /** Save a kind to a file; a report is written in `reportLang` when given (the admin's), messages stay in the wizard's language. */
  save(state: FlowState, kind: ExportKind, path: string, overwrite: boolean, reportLang?: Lang): Promise<SaveResult>;
  /** Is this a file the audit can read? A message in the user's language when not (missing, a folder, unreadable). */
  checkAuditFile?: (lang: Lang, path: string) => Promise<FileCheck>;
  /** Run the audit on the export files (read-only); `onProgress` reports the file being read and how far. */
  runReadiness?: (lang: Lang, files: ReadinessFiles, onProgress: (file: string, ratio: number) => void) => Promise<ReadinessOutcome>;
  /** Where a question's setting is on the device the case names (device.vendor): lines to show under "where to look", or none. */
  deviceHint?: (state: FlowState, path: FactPath) => string[];
  /**
   * Run once while the paste screen waits for the user: reads and evaluates a few sample replies, so
   * the first real paste finds the reply parser and the engine compiled. Changes no state.
   */
  warmUp?: (lang: Lang) => void;
  /** Run the SMTP probe from this PC; the password is used for this call only and not kept. */
  probe?: (lang: Lang, target: ProbeTarget, password: string | undefined, onPhase: (phase: PhaseReport) => void) => Promise<ProbeResult>;
}
