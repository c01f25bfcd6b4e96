// What the wizard needs from the rest of the program, wired in one place: the engine, the reply
// parser, the plan and report renderers, and saving files. Screens get these as callbacks.
import { isAppError } from "../errors.js";
import { evaluate } from "../engine/index.js";
import { buildPlan } from "../plan/index.js";
import { analyzeReply } from "../replies/index.js";
import { renderMarkdown, renderPs1, renderText, toJson, type ReportInput } from "../report/index.js";
import type { FlowDeps, FlowState } from "../flow/types.js";
import { t } from "../i18n/index.js";
import { resolve } from "node:path";

export type ExportKind = "case" | "md" | "ps1" | "json";
export type SaveResult = { ok: true; path: string } | { ok: false; exists: true; path: string } | { ok: false; exists: false; message: string };

export interface WizardServices {
  deps: FlowDeps;
  resultLines(state: FlowState, width: number): string[];
  exportText(state: FlowState, kind: Exclude<ExportKind, "case">): string;
  defaultName(kind: ExportKind): string;
  save(state: FlowState, kind: ExportKind, path: string, overwrite: boolean): Promise<SaveResult>;
}

const NAMES: Record<ExportKind, string> = {
  case: "smtp-auth-case.json",
  md: "smtp-auth-plan.md",
  ps1: "smtp-auth-plan.ps1",
  json: "smtp-auth-result.json",
};

/** The report of a flow state: the case, the engine's diagnosis and the plan, in the flow's language. */
export function reportInput(state: FlowState, extra: { width?: number; ascii?: boolean } = {}): ReportInput {
  return { case: state.case, diagnosis: state.diagnosis, plan: buildPlan(state.case, state.diagnosis, state.lang), lang: state.lang, ...extra };
}

export function makeServices(opts: { today: string; cwd: string; ascii: boolean }): WizardServices {
  const deps: FlowDeps = {
    evaluate: (c) => evaluate(c, { today: opts.today }),
    analyzeReply,
    // The live reader (issue 4) is not wired in yet: live and mix are shown as not available.
    liveAvailable: false,
  };
  const exportText = (state: FlowState, kind: Exclude<ExportKind, "case">): string => {
    const input = reportInput(state);
    switch (kind) {
      case "md":
        return renderMarkdown(input);
      case "ps1":
        return renderPs1(input);
      case "json":
        return `${JSON.stringify(toJson(input.diagnosis, input.plan), null, 2)}\n`;
    }
  };
  return {
    deps,
    resultLines: (state, width) => renderText(reportInput(state, { width, ascii: opts.ascii })).replace(/\n+$/, "").split("\n"),
    exportText,
    defaultName: (kind) => NAMES[kind],
    async save(state, kind, path, overwrite) {
      const full = resolve(opts.cwd, path);
      try {
        // Loaded on first save: the case-file writer validates with zod, not needed before.
        const { saveCase, writeFileAtomic } = await import("../case/io.js");
        if (kind === "case") await saveCase(full, state.case, { overwrite });
        else await writeFileAtomic(full, exportText(state, kind), { overwrite });
        return { ok: true, path };
      } catch (e) {
        if (isAppError(e) && e.code === "file.exists") return { ok: false, exists: true, path };
        if (isAppError(e)) return { ok: false, exists: false, message: t(state.lang, e.key, e.params) };
        return { ok: false, exists: false, message: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
