// Step 6, "save": choose what to save (the case file, the plan as Markdown or .ps1, the result as
// JSON), a file name, a confirmation before an existing file is replaced. Data plus a pure reducer;
// the saving itself is an effect (./effects.ts) run by the Ink root or plain mode.
import { EXPORT_KINDS, type ExportKind, type SaveResult } from "./ports.js";
import { t, type Lang, type MessageKey } from "../i18n/index.js";
import { saveSpec } from "../render/formats.js";

export { EXPORT_KINDS };

/** The menu line of a kind: the case file's own, or the format's label in the registry. */
export function exportLabel(kind: ExportKind): MessageKey {
  return kind === "case" ? "wizard.export.case" : saveSpec(kind).label;
}

/** The file name suggested for a kind: the case file's own, or the format's in the registry. */
export function exportFileName(kind: ExportKind): string {
  return kind === "case" ? "smtp-auth-case.json" : saveSpec(kind).file;
}

/** Kinds written for someone else: the wizard asks in which language (the admin's may differ). */
export const ASKS_LANGUAGE: readonly ExportKind[] = ["handover"];

/** `reportLang`: the language the file is written in, when it was asked (else the wizard's). */
export type ExportPhase =
  | { id: "menu" }
  /** In which language the admin reads the hand-over. */
  | { id: "lang"; kind: ExportKind; suggested: string }
  /** The file name is asked; `suggested` is shown and taken when nothing is typed. */
  | { id: "path"; kind: ExportKind; suggested: string; reportLang?: Lang }
  | { id: "confirm"; kind: ExportKind; suggested: string; path: string; reportLang?: Lang }
  /** Saving: the effect runs while the phase is this object. */
  | { id: "saving"; kind: ExportKind; suggested: string; path: string; overwrite: boolean; reportLang?: Lang };

export type ExportMessage = { kind: "saved"; file: string } | { kind: "failed"; message: string };

export interface ExportState {
  phase: ExportPhase;
  /** What was saved or not, in order. */
  messages: readonly ExportMessage[];
  /** What the last step said, if anything (plain mode says it once). */
  last?: ExportMessage;
  /** Counts the phases shown: an input shown again starts afresh. */
  turn: number;
}

export type ExportEvent =
  /** A kind from the menu, with the file name to suggest (services.defaultName). */
  | { type: "choose"; kind: ExportKind; suggested: string }
  | { type: "finish" }
  /** The language the file is written in (the admin's). */
  | { type: "chooseLang"; lang: Lang }
  /** The file name typed (empty: the default name). */
  | { type: "submitPath"; text: string }
  | { type: "overwrite" }
  /** Do not overwrite: ask for another name. */
  | { type: "keep" }
  | { type: "saved"; result: SaveResult }
  /** Esc: from the name or the confirmation to the step before; from the menu out of the step. */
  | { type: "back" };

export type ExportStep = { state: ExportState } | { exit: "back" | "finish" };

export function initialExport(): ExportState {
  return { phase: { id: "menu" }, messages: [], turn: 0 };
}

const to = (s: ExportState, phase: ExportPhase, message?: ExportMessage): ExportStep => ({
  state: { phase, messages: message ? [...s.messages, message] : s.messages, turn: s.turn + 1, ...(message ? { last: message } : {}) },
});

const lang = (p: { reportLang?: Lang }): { reportLang?: Lang } => (p.reportLang ? { reportLang: p.reportLang } : {});

export function reduceExport(s: ExportState, e: ExportEvent): ExportStep {
  const phase = s.phase;
  switch (e.type) {
    case "choose":
      if (phase.id !== "menu") return { state: s };
      return to(s, ASKS_LANGUAGE.includes(e.kind) ? { id: "lang", kind: e.kind, suggested: e.suggested } : { id: "path", kind: e.kind, suggested: e.suggested });
    case "chooseLang":
      return phase.id === "lang" ? to(s, { id: "path", kind: phase.kind, suggested: phase.suggested, reportLang: e.lang }) : { state: s };
    case "finish":
      return phase.id === "menu" ? { exit: "finish" } : { state: s };
    case "submitPath": {
      if (phase.id !== "path") return { state: s };
      const path = e.text.trim() === "" ? phase.suggested : e.text.trim();
      return to(s, { id: "saving", kind: phase.kind, suggested: phase.suggested, path, overwrite: false, ...lang(phase) });
    }
    case "overwrite":
      return phase.id === "confirm" ? to(s, { id: "saving", kind: phase.kind, suggested: phase.suggested, path: phase.path, overwrite: true, ...lang(phase) }) : { state: s };
    case "keep":
      return phase.id === "confirm" ? to(s, { id: "path", kind: phase.kind, suggested: phase.suggested, ...lang(phase) }) : { state: s };
    case "saved": {
      if (phase.id !== "saving") return { state: s };
      const r = e.result;
      if (r.ok) return to(s, { id: "menu" }, { kind: "saved", file: r.path });
      if (r.exists) return to(s, { id: "confirm", kind: phase.kind, suggested: phase.suggested, path: r.path, ...lang(phase) });
      return to(s, { id: "menu" }, { kind: "failed", message: r.message });
    }
    case "back":
      switch (phase.id) {
        case "menu":
          return { exit: "back" };
        case "lang":
        case "path":
          return to(s, { id: "menu" });
        case "confirm":
          return to(s, { id: "path", kind: phase.kind, suggested: phase.suggested, ...lang(phase) });
        case "saving":
          return { state: s };
      }
  }
}

export function exportMessageText(lang: Lang, m: ExportMessage): string {
  switch (m.kind) {
    case "saved":
      return t(lang, "wizard.export.saved", { file: m.file });
    case "failed":
      return t(lang, "wizard.export.failed", { message: m.message });
  }
}
