// The wizard's state and events. Pure data: the Ink screens and the plain prompts both drive the
// same reducer (./reducer.ts) with these events and draw whatever screen the state names.
import type { Case } from "../case/schema.js";
import type { FactPath } from "../case/facts.js";
import type { Diagnosis } from "../engine/types.js";
import type { Lang, MessageKey, Params } from "../i18n/index.js";
import type { ReplyAnalysis } from "../replies/types.js";
import type { ProbeResult } from "../probe/types.js";
import type { KnownVendorId } from "../devices/ids.js";
import type { ExportEvent, ExportState } from "./export.js";
import type { LiveEvent, LiveState } from "./live.js";
import type { ProbeEvent, ProbeState } from "./probe.js";
import type { ReadinessEvent, ReadinessState } from "./readiness.js";
import type { WhatIfEvent, WhatIfState } from "./whatif.js";

export type Purpose = "failing" | "new-device" | "readiness" | "whatif";
export const PURPOSES: readonly Purpose[] = ["failing", "new-device", "readiness", "whatif"];

export type SourceMode = "live" | "manual" | "mix";
export const SOURCE_MODES: readonly SourceMode[] = ["live", "manual", "mix"];

/** Device facts asked in step 2, in this order (each can be answered "I don't know"). */
export const DEVICE_FIELDS = [
  "device.vendor",
  "device.model",
  "device.host",
  "device.port",
  "device.security",
  "device.auth",
  "device.username",
  "device.from",
  "device.oauthSupported",
] as const satisfies readonly FactPath[];
export type DeviceField = (typeof DEVICE_FIELDS)[number];

/**
 * Asked after the device's settings when something that sent mail fails (purpose "failing"), before the test from this PC and
 * every question on the account or the tenant: did it work before, and since when (persona round 8, #10). A help desk knows "it
 * sent fine until 1 December"; the answer orders the checks.
 */
export const HISTORY_FIELDS = ["history.workedBefore", "history.stoppedOn"] as const satisfies readonly FactPath[];
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export type Screen =
  | { id: "language" }
  | { id: "purpose" }
  | { id: "paste" }
  | { id: "pasteSummary" }
  | { id: "device"; path: DeviceField }
  | { id: "history"; path: HistoryField }
  | { id: "probe" }
  | { id: "source" }
  | { id: "live" }
  /** Live reads chosen, but no way to read is set up: the two set-ups explained, then the questions. */
  | { id: "liveSetup" }
  | { id: "question"; path: FactPath }
  | { id: "result" }
  | { id: "export" }
  | { id: "readiness" }
  | { id: "whatif" };

export type ScreenId = Screen["id"];

/**
 * The state of the screen on show when it is a step of its own (a sub-flow with its own pure
 * reducer in this folder). It belongs to the screen on show only: whenever the screen changes,
 * the main reducer starts it afresh, so coming back to a step starts that step again.
 */
export interface SubStates {
  readiness: ReadinessState;
  export: ExportState;
  probe: ProbeState;
  whatif: WhatIfState;
  live: LiveState;
}
export type SubFlowId = keyof SubStates & ScreenId;
export type SubState = { [K in SubFlowId]: { id: K; state: SubStates[K] } }[SubFlowId];

/** What the pasted error told, shown at once after the paste. */
export interface PasteSummary {
  analysis: ReplyAnalysis;
  /** The maker whose own device message the paste is (one maker only), chosen for the maker question. */
  maker?: { vendor: KnownVendorId; excerpt: string };
  /**
   * The program whose own error or log the paste is (".NET (System.Net.Mail)", "Python (smtplib)": sendingProgram()), when no
   * maker was known: "an application or a script" is chosen for the maker question.
   */
  program?: string;
  /**
   * The paste is only a code of one maker's shape whose meaning our sources do not have (Canon's "#801": devices/panel.ts
   * bareCode), with no SMTP reply: that maker is chosen for the maker question, and the paste screen says where the reply is.
   */
  bareCode?: { vendor: KnownVendorId; code: string };
  /** Questions the engine no longer needs because of the paste, in the order it would have asked them. */
  resolved: FactPath[];
  /** The paste was longer than a case file holds: only its end was kept (pasteTail). */
  cut?: boolean;
}

export interface FlowState {
  lang: Lang;
  purpose?: Purpose;
  source?: SourceMode;
  case: Case;
  diagnosis: Diagnosis;
  /** Facts answered "I don't know": never asked again, reported as unknown in the result. */
  dontKnow: FactPath[];
  screen: Screen;
  /** Screens behind the current one; `back` returns to the last. */
  history: Screen[];
  /**
   * The device questions this walk has shown, in order (kept when `back` leaves them): the counter counts them. Back past the
   * first device question and on again, the walk skips the answered ones, and the counter read `1 / 最大 5` for `2 / 最大 6`.
   */
  walked?: readonly DeviceField[];
  paste?: PasteSummary;
  /** Facts a live read could not get (denied or failed): asked as questions instead. */
  liveFailed: FactPath[];
  /** Why the live read as a whole did not work (sign-in failed, no account to read): shown with the questions. */
  liveError?: string;
  /** The case was opened from a file or a hand-over's code (--case, --resume): its first screen says which, and Esc leads to the source of facts. */
  opened?: true;
  /** Without an app registration: whether PowerShell with both modules was found (the sign-in route), or what is missing. */
  livePwsh?: LivePwsh;
  /** The flow is over (the user finished or quit from a final screen). */
  done: boolean;
  /** The sub-flow of the screen on show (readiness, export, probe, what-if, live read); set by the reducer. */
  sub?: SubState;
  /**
   * Text typed into a question's field but not yet answered, kept while the wizard leaves the screen to show lines
   * whole for copying (Ctrl+O) and comes back: it was lost (persona round 3). Only the Ink root reads and writes it.
   */
  draft?: { path: FactPath; text: string };
}

export type LivePwsh = { status: "ready" } | { status: "missing"; key: MessageKey; params: Params };

/** A value read live, with where it came from. */
export interface LiveFact {
  path: FactPath;
  value: unknown;
  endpoint?: string;
  at?: string;
}

export type FlowEvent =
  | { type: "chooseLanguage"; lang: Lang }
  | { type: "choosePurpose"; purpose: Purpose }
  | { type: "submitPaste"; text: string }
  | { type: "continue" }
  | { type: "answer"; path: FactPath; value: unknown }
  | { type: "dontKnow"; path: FactPath }
  | { type: "chooseSource"; source: SourceMode }
  | { type: "liveRead"; facts: LiveFact[]; failed: FactPath[]; error?: string }
  /** The look for PowerShell and its modules finished (no app registration configured). */
  | { type: "liveChecked"; result: LivePwsh }
  | { type: "skipProbe" }
  /** The probe ran (from this PC): what it measured. Never carries the password. */
  | { type: "probed"; result: ProbeResult }
  | { type: "openExport" }
  /** From the result: explore "what if" on the case as it stands (back returns to the result). */
  | { type: "openWhatIf" }
  | { type: "back" }
  | { type: "finish" }
  /** An event of the sub-flow on show; ignored when another screen is on show. */
  | { type: "readiness"; event: ReadinessEvent }
  | { type: "export"; event: ExportEvent }
  | { type: "probe"; event: ProbeEvent }
  | { type: "whatif"; event: WhatIfEvent }
  | { type: "live"; event: LiveEvent };

/** What the flow asks of the rest of the program. All pure: the engine and the reply parser. */
export interface FlowDeps {
  evaluate(c: Case): Diagnosis;
  /** The date the engine evaluates at when the case has none (YYYY-MM-DD): the what-if calendar starts there. */
  today: string;
  analyzeReply(text: string): ReplyAnalysis;
  /** The makers whose own device messages (not a bare code of their shape) the text holds (src/devices), when the catalog is loaded. */
  makersOf?(text: string): ReadonlyArray<{ vendor: KnownVendorId; excerpt: string }>;
  /** The makers whose code shape the whole paste is (src/devices bareCode: Canon's "#801" alone), when the catalog is loaded. */
  bareCodeOf?(text: string): ReadonlyArray<{ vendor: KnownVendorId; code: string }>;
  /** A live reader is wired in (issue 4). When false the "live" and "mix" sources are shown as not available yet. */
  liveAvailable: boolean;
  /**
   * Merge what the probe measured into the case (src/probe probeCase with the case as base): the
   * answers are kept, the final server reply becomes device.reply with source "probe". Pure.
   */
  mergeProbe?(result: ProbeResult, base: Case): Case;
}
