// Step 1, "readiness": the export files typed in one by one (the Get-CASMailbox export, then the
// optional Get-TransportConfig, sign-in and SMTP AUTH clients exports), each checked; the audit run
// on them; its summary with the reports to save (a confirmation before overwriting). A file the
// audit cannot use is said and the files can be entered again. Data plus a pure reducer: checking,
// running and saving are effects (./effects.ts) run by the Ink root or plain mode.
import { t, type Lang } from "../i18n/index.js";
import type { AuditSaveResult, FileCheck, ReadinessFiles, ReadinessOutcome } from "./ports.js";

export const READINESS_FIELDS = ["mailboxes", "transport", "signins", "smtpReport"] as const satisfies readonly (keyof ReadinessFiles)[];
export type ReadinessField = (typeof READINESS_FIELDS)[number];
export const DEFAULT_AUDIT_DIR = "smtp-auth-audit";

export type ReadyOutcome = Extract<ReadinessOutcome, { ok: true }>;

export type ReadinessPhase =
  | { id: "file"; field: number }
  /** The typed path is checked while the phase is this object (`previous`: the field's path before it was typed). */
  | { id: "checking"; field: number; path: string; previous?: string }
  /** The audit runs while the phase is this object. */
  | { id: "running"; files: ReadinessFiles }
  | { id: "summary"; ready: ReadyOutcome }
  | { id: "dir"; ready: ReadyOutcome }
  | { id: "confirm"; ready: ReadyOutcome; dir: string }
  /** The reports are written while the phase is this object. */
  | { id: "saving"; ready: ReadyOutcome; dir: string; overwrite: boolean };

export type ReadinessMessage =
  | { kind: "required" }
  /** A typed path the audit cannot read (the check's own message, in the user's language). */
  | { kind: "file"; text: string }
  /** The audit could not use the files. */
  | { kind: "bad"; text: string }
  /** The file typed for one field is, by its content, the file of another: it was taken as that one. */
  | { kind: "placed"; file: string; field: ReadinessField }
  /** The file typed is, by its content, of a kind another file was already given for. */
  | { kind: "sameKind"; file: string; field: ReadinessField; other: string }
  | { kind: "saved"; n: number; dir: string }
  | { kind: "exists"; path: string }
  | { kind: "saveFailed"; text: string };

export interface ReadinessState {
  phase: ReadinessPhase;
  /** The paths given so far (a path that failed its check is kept, to be corrected). */
  files: Partial<Record<ReadinessField, string>>;
  /** The full path each accepted file was checked as (one file typed two ways is one file). */
  resolved?: Partial<Record<ReadinessField, string>>;
  /** What the last step said: shown above the step (Ink), said before the next prompt (plain). */
  message?: ReadinessMessage;
  /** The file the audit reads and how far (0..1), while running. */
  progress?: { file: string; ratio: number };
  /** Counts the phases shown: an input shown again starts afresh. */
  turn: number;
  /**
   * Fields not asked again on the way forward: one a file typed elsewhere was placed in, or, after the audit could not
   * use a file, every other field given (only the wrong one is corrected).
   */
  skip?: ReadinessField[];
}

export type ReadinessEvent =
  /** The path typed for the current file (quotes around it are dropped; empty skips an optional file). */
  | { type: "submitFile"; text: string }
  | { type: "checked"; result: FileCheck }
  | { type: "progress"; file: string; ratio: number }
  | { type: "ran"; outcome: ReadinessOutcome }
  /** From the summary: save the reports (a folder is asked). */
  | { type: "exportReports" }
  /** From the summary: enter the files again. */
  | { type: "again" }
  | { type: "finish" }
  /** The folder typed (empty: the default). */
  | { type: "submitDir"; text: string }
  | { type: "overwrite" }
  /** Do not overwrite: ask for another folder. */
  | { type: "keep" }
  | { type: "saved"; result: AuditSaveResult }
  /** Esc: one field back (out of the step from the first); the summary goes back to the files; the folder to the summary. */
  | { type: "back" };

export type ReadinessStep = { state: ReadinessState } | { exit: "back" | "finish" };

export function initialReadiness(): ReadinessState {
  return { phase: { id: "file", field: 0 }, files: {}, turn: 0 };
}

/** Is the step waiting on an effect (keys typed meanwhile are dropped)? */
export function readinessBusy(s: ReadinessState): boolean {
  return s.phase.id === "checking" || s.phase.id === "running" || s.phase.id === "saving";
}

function to(s: ReadinessState, phase: ReadinessPhase, message?: ReadinessMessage, files = s.files, skip = s.skip): ReadinessStep {
  const { message: _old, progress: _p, skip: _s, ...rest } = s;
  return { state: { ...rest, phase, files, turn: s.turn + 1, ...(message ? { message } : {}), ...(skip && skip.length > 0 ? { skip } : {}) } };
}

/** The next field after `field` not to be skipped, or the audit run when there is none. */
function after(s: ReadinessState, field: number, files: ReadinessState["files"]): ReadinessStep {
  for (let next = field + 1; next < READINESS_FIELDS.length; next++) {
    if (!s.skip?.includes(READINESS_FIELDS[next] as ReadinessField)) return to(s, { id: "file", field: next }, undefined, files);
  }
  const given: ReadinessFiles = { mailboxes: files.mailboxes ?? "" };
  if (files.transport) given.transport = files.transport;
  if (files.signins) given.signins = files.signins;
  if (files.smtpReport) given.smtpReport = files.smtpReport;
  return to(s, { id: "running", files: given }, undefined, files, []);
}

export function reduceReadiness(s: ReadinessState, e: ReadinessEvent): ReadinessStep {
  const phase = s.phase;
  switch (e.type) {
    case "submitFile": {
      if (phase.id !== "file") return { state: s };
      const field = READINESS_FIELDS[phase.field] as ReadinessField;
      const value = e.text.trim().replace(/^(["'])(.*)\1$/, "$2");
      if (value === "") {
        if (phase.field === 0) return to(s, { id: "file", field: 0 }, { kind: "required" });
        const { [field]: _dropped, ...files } = s.files;
        return after(s, phase.field, files);
      }
      const previous = s.files[field];
      return to(s, { id: "checking", field: phase.field, path: value, ...(previous !== undefined ? { previous } : {}) }, undefined, { ...s.files, [field]: value });
    }
    case "checked": {
      if (phase.id !== "checking") return { state: s };
      if (!e.result.ok) return to(s, { id: "file", field: phase.field }, { kind: "file", text: e.result.message });
      const field = READINESS_FIELDS[phase.field] as ReadinessField;
      const kind = e.result.kind;
      const at = { ...s.resolved, [kind ?? field]: e.result.path };
      if (kind === undefined || kind === field) return after({ ...s, resolved: at }, phase.field, s.files);
      // The content says it is another of the files: taken as that one whichever question it answered, unless that one
      // was given already (two files of one kind is an error); this question is asked again, its own answer kept.
      const { [field]: _typed, ...rest } = s.files;
      const kept = phase.previous !== undefined ? { ...rest, [field]: phase.previous } : rest;
      const other = s.files[kind];
      if (other !== undefined && other !== phase.path && s.resolved?.[kind] !== e.result.path) return to(s, { id: "file", field: phase.field }, { kind: "sameKind", file: phase.path, field: kind, other });
      return to({ ...s, resolved: at }, { id: "file", field: phase.field }, { kind: "placed", file: phase.path, field: kind }, { ...kept, [kind]: phase.path }, [...(s.skip ?? []).filter((f) => f !== kind), kind]);
    }
    case "progress":
      return phase.id === "running" ? { state: { ...s, progress: { file: e.file, ratio: e.ratio } } } : { state: s };
    case "ran":
      if (phase.id !== "running") return { state: s };
      if (e.outcome.ok) return to(s, { id: "summary", ready: e.outcome });
      {
        // Back to the file the audit could not use (the first when it is not known); the others given are kept and not
        // asked again.
        const wrong = e.outcome.field;
        const index = wrong === undefined ? 0 : READINESS_FIELDS.indexOf(wrong);
        const skip = wrong === undefined ? [] : READINESS_FIELDS.filter((f) => f !== wrong && s.files[f] !== undefined);
        return to(s, { id: "file", field: index }, { kind: "bad", text: e.outcome.message }, s.files, skip);
      }
    case "exportReports":
      return phase.id === "summary" ? to(s, { id: "dir", ready: phase.ready }) : { state: s };
    case "again":
      return phase.id === "summary" ? to(s, { id: "file", field: 0 }, undefined, s.files, []) : { state: s };
    case "finish":
      return phase.id === "summary" ? { exit: "finish" } : { state: s };
    case "submitDir": {
      if (phase.id !== "dir") return { state: s };
      const dir = e.text.trim() === "" ? DEFAULT_AUDIT_DIR : e.text.trim();
      return to(s, { id: "saving", ready: phase.ready, dir, overwrite: false });
    }
    case "overwrite":
      return phase.id === "confirm" ? to(s, { id: "saving", ready: phase.ready, dir: phase.dir, overwrite: true }) : { state: s };
    case "keep":
      return phase.id === "confirm" ? to(s, { id: "dir", ready: phase.ready }) : { state: s };
    case "saved": {
      if (phase.id !== "saving") return { state: s };
      const r = e.result;
      if (r.ok) return to(s, { id: "summary", ready: phase.ready }, { kind: "saved", n: r.files.length, dir: phase.dir });
      if (r.exists) return to(s, { id: "confirm", ready: phase.ready, dir: phase.dir }, { kind: "exists", path: r.path });
      return to(s, { id: "summary", ready: phase.ready }, { kind: "saveFailed", text: r.message });
    }
    case "back":
      switch (phase.id) {
        case "file":
          return phase.field === 0 ? { exit: "back" } : to(s, { id: "file", field: phase.field - 1 });
        case "summary":
          return to(s, { id: "file", field: 0 });
        case "dir":
          return to(s, { id: "summary", ready: phase.ready });
        case "confirm":
          return to(s, { id: "dir", ready: phase.ready });
        case "checking":
        case "running":
        case "saving":
          return { state: s };
      }
  }
}

export function readinessMessageText(lang: Lang, m: ReadinessMessage): string {
  switch (m.kind) {
    case "required":
      return t(lang, "wizard.readiness.required");
    case "file":
      return m.text;
    case "bad":
      return t(lang, "wizard.readiness.bad", { message: m.text });
    case "placed":
      return t(lang, "wizard.readiness.placed", { file: m.file, what: t(lang, `wizard.readiness.kind.${m.field}`) });
    case "sameKind":
      return t(lang, "wizard.readiness.sameKind", { file: m.file, what: t(lang, `wizard.readiness.kind.${m.field}`), other: m.other });
    case "saved":
      return t(lang, "wizard.readiness.saved", { n: m.n, dir: m.dir });
    case "exists":
      return t(lang, "wizard.readiness.exists", { file: m.path });
    case "saveFailed":
      return t(lang, "wizard.export.failed", { message: m.text });
  }
}

/**
 * Where to get a file, as the lines to show: a PowerShell pipeline is cut after each "|" (PowerShell takes a line
 * that ends with a pipe as continued, so the lines paste as one command), never wrapped inside a command, which
 * would paste as two broken ones (persona run, 2026-12-04); an admin-center path is one paragraph.
 */
export function readinessHintLines(hint: string): { lines: string[]; command: boolean } {
  if (!/^Get-[A-Za-z]/.test(hint)) return { lines: [hint], command: false };
  const parts = hint.split(" | ");
  return { lines: parts.map((part, i) => `${i === 0 ? "" : "  "}${part}${i < parts.length - 1 ? " |" : ""}`), command: true };
}
