// What the wizard needs from the rest of the program, wired in one place: the engine, the reply
// parser, the plan and report renderers, and saving files. Screens get these as callbacks.
import { isAppError } from "../errors.js";
import { saveCase, writeFileAtomic } from "../case/io.js";
import { FACT_PATHS, isKnown } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";
import { analyzeReply } from "../replies/index.js";
import { resultLines } from "../flow/result-lines.js";
import type { FlowDeps, FlowState } from "../flow/types.js";
import { t, type Lang } from "../i18n/index.js";
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

// PLACEHOLDER until the engine lands (src/engine/index.ts): asks for every unknown fact and names no cause.
function evaluatePlaceholder(c: Case, today: string): Diagnosis {
  const unknowns = FACT_PATHS.filter((p) => p !== "asOf" && !p.startsWith("account.oauthApp") && !isKnown(c, p));
  return { verdict: unknowns.length === 0 ? "clear" : "undetermined", asOf: c.asOf ?? today, causes: [], unknowns, info: [], retirement: "before-change" };
}

const NAMES: Record<ExportKind, string> = {
  case: "smtp-auth-case.json",
  md: "smtp-auth-plan.md",
  ps1: "smtp-auth-plan.ps1",
  json: "smtp-auth-result.json",
};

export function makeServices(opts: { today: string; cwd: string; lang: () => Lang }): WizardServices {
  const deps: FlowDeps = {
    evaluate: (c) => evaluatePlaceholder(c, opts.today),
    analyzeReply,
    liveAvailable: false,
  };
  const exportText = (state: FlowState, kind: Exclude<ExportKind, "case">): string => {
    switch (kind) {
      case "md":
        return `# ${t(state.lang, "wizard.result.title")}\n\n${resultLines(state.lang, state.diagnosis, 80).join("\n")}\n`;
      case "ps1":
        return `${resultLines(state.lang, state.diagnosis, 78)
          .map((l) => `# ${l}`.trimEnd())
          .join("\n")}\n`;
      case "json":
        return `${JSON.stringify({ diagnosis: state.diagnosis }, null, 2)}\n`;
    }
  };
  return {
    deps,
    resultLines: (state, width) => resultLines(state.lang, state.diagnosis, width),
    exportText,
    defaultName: (kind) => NAMES[kind],
    async save(state, kind, path, overwrite) {
      const full = resolve(opts.cwd, path);
      try {
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
