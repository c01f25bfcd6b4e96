// The side effects of the wizard, as data: which one the state asks for (`pendingEffect`), and
// how it is run through the wizard's ports (`runEffect`), ending in the event that reports it. The
// Ink root and plain mode both run effects this one way; neither holds a state machine of its own.
// An effect is asked for by a state object (its token): while that object is the state's, the
// effect is still wanted; the Ink root starts each token once and drops what a superseded one says.
import type { Case } from "../case/schema.js";
import { t, type Lang } from "../i18n/index.js";
import type { ExportKind, ReadinessFiles, WizardServices } from "./ports.js";
import { probeTarget } from "./probe.js";
import type { ReadyOutcome } from "./readiness.js";
import type { FlowEvent, FlowState } from "./types.js";
import type { WhatIfSaveOutcome } from "./whatif.js";

export type Effect =
  | { kind: "readLive"; token: object }
  | { kind: "checkAuditFile"; token: object; path: string }
  | { kind: "runReadiness"; token: object; files: ReadinessFiles }
  | { kind: "saveAudit"; token: object; ready: ReadyOutcome; dir: string; overwrite: boolean }
  | { kind: "saveExport"; token: object; export: ExportKind; path: string; overwrite: boolean; lang?: Lang }
  | { kind: "probe"; token: object }
  | { kind: "saveWhatIf"; token: object; hypothetical: Case };

export type EffectKind = Effect["kind"];

/** The effect the state waits for, if any. */
export function pendingEffect(state: FlowState): Effect | undefined {
  const sub = state.sub;
  if (!sub || sub.id !== state.screen.id) return undefined;
  switch (sub.id) {
    case "live":
      return { kind: "readLive", token: sub.state.reading };
    case "readiness": {
      const p = sub.state.phase;
      if (p.id === "checking") return { kind: "checkAuditFile", token: p, path: p.path };
      if (p.id === "running") return { kind: "runReadiness", token: p, files: p.files };
      if (p.id === "saving") return { kind: "saveAudit", token: p, ready: p.ready, dir: p.dir, overwrite: p.overwrite };
      return undefined;
    }
    case "export": {
      const p = sub.state.phase;
      return p.id === "saving" ? { kind: "saveExport", token: p, export: p.kind, path: p.path, overwrite: p.overwrite, ...(p.reportLang ? { lang: p.reportLang } : {}) } : undefined;
    }
    case "probe": {
      const p = sub.state.phase;
      return p.id === "running" ? { kind: "probe", token: p } : undefined;
    }
    case "whatif": {
      const saving = sub.state.saving;
      return saving ? { kind: "saveWhatIf", token: saving, hypothetical: saving.hypothetical } : undefined;
    }
  }
  // A sub-flow without a case above does not compile here.
  const missing: never = sub;
  return missing;
}

export interface EffectIO {
  services: WizardServices;
  /** Progress while the effect runs: a phase of the probe, how far the audit has read, the sign-in message. */
  emit(event: FlowEvent): void;
  /**
   * The probe's password, handed over once: it goes from the password input straight into the
   * probe call and is never part of the flow state, an event or React state.
   */
  takeSecret(): string | undefined;
}

/** The names the what-if explorer saves to: the first that does not exist yet. */
export const WHATIF_FILE = "smtp-auth-whatif.json";
export const whatIfName = (n: number) => (n === 1 ? WHATIF_FILE : `smtp-auth-whatif-${n}.json`);

/** Run one effect; the event it ends with (to be reduced while the effect is still the state's). */
export async function runEffect(effect: Effect, state: FlowState, io: EffectIO): Promise<FlowEvent> {
  const { services } = io;
  const lang = state.lang;
  const unavailable = { ok: false as const, message: t(lang, "wizard.readiness.unavailable") };
  switch (effect.kind) {
    case "readLive": {
      const r = services.readLive ? await services.readLive(state, (text) => io.emit({ type: "live", event: { type: "message", text } })) : { facts: [], failed: [] };
      return { type: "liveRead", facts: r.facts, failed: r.failed, ...("error" in r && r.error !== undefined ? { error: r.error } : {}) };
    }
    case "checkAuditFile": {
      const result = services.checkAuditFile ? await services.checkAuditFile(lang, effect.path) : unavailable;
      return { type: "readiness", event: { type: "checked", result } };
    }
    case "runReadiness": {
      const outcome = services.runReadiness
        ? await services.runReadiness(lang, effect.files, (file, ratio) => io.emit({ type: "readiness", event: { type: "progress", file, ratio } }))
        : unavailable;
      return { type: "readiness", event: { type: "ran", outcome } };
    }
    case "saveAudit":
      return { type: "readiness", event: { type: "saved", result: await effect.ready.save(effect.dir, effect.overwrite) } };
    case "saveExport":
      return { type: "export", event: { type: "saved", result: await services.save(state, effect.export, effect.path, effect.overwrite, effect.lang) } };
    case "probe": {
      const password = io.takeSecret();
      if (!services.probe) throw new Error("the probe ran without a probe service");
      const result = await services.probe(lang, probeTarget(state.case), password === "" ? undefined : password, (phase) => io.emit({ type: "probe", event: { type: "phase", phase } }));
      return { type: "probe", event: { type: "finished", result } };
    }
    case "saveWhatIf": {
      // Never over a file: the first free name of smtp-auth-whatif.json, -2, -3, ...
      const at: FlowState = { ...state, case: effect.hypothetical };
      let result: WhatIfSaveOutcome = { ok: false, message: t(lang, "wizard.whatif.noFreeName", { file: WHATIF_FILE }) };
      for (let n = 1; n <= 50; n++) {
        const r = await services.save(at, "case", whatIfName(n), false);
        if (r.ok) {
          result = { ok: true, file: r.path };
          break;
        }
        if (!r.exists) {
          result = { ok: false, message: r.message };
          break;
        }
      }
      return { type: "whatif", event: { type: "saved", result } };
    }
  }
}

/** A one-shot slot for the probe's password: put by the input, taken (and cleared) by the probe effect. */
export function oneShot(): { put(value: string): void; take(): string | undefined } {
  let value: string | undefined;
  return {
    put: (v) => {
      value = v;
    },
    take: () => {
      const v = value;
      value = undefined;
      return v;
    },
  };
}
