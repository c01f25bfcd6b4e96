// After the device step: "test from this PC" with the device's settings. Offer → (password) →
// running, each phase as it ends → done, then on to the source of facts. Data plus a pure reducer.
// The password is never part of this state or of any event: the Ink root and plain mode hand it
// straight to the probe effect (./effects.ts), once.
import type { Case } from "../case/schema.js";
import type { PhaseReport, ProbeResult } from "../probe/types.js";
import type { ProbeTarget } from "./ports.js";

export type ProbePhase =
  | { id: "offer" }
  | { id: "password" }
  /** The probe runs while the phase is this object. */
  | { id: "running" }
  | { id: "done"; result: ProbeResult };

export interface ProbeState {
  phase: ProbePhase;
  /** The phases ended so far (all of them once done). */
  lines: readonly PhaseReport[];
}

export type ProbeEvent =
  /** Test: the password is asked when the device signs in, else the probe starts. */
  | { type: "test" }
  /** From the result (its own key, R): the same test once more, as from the offer. */
  | { type: "retest" }
  /** The password was typed (and handed to the effect): the probe starts. */
  | { type: "start" }
  | { type: "phase"; phase: PhaseReport }
  | { type: "finished"; result: ProbeResult }
  /** Take what the probe measured into the case and go on. */
  | { type: "accept" }
  | { type: "skip" }
  /** Esc: from the password or the result back to the offer (the result is dropped); from the offer out of the step. */
  | { type: "back" };

export type ProbeStep = { state: ProbeState } | { exit: "back" | "skip" } | { exit: "done"; result: ProbeResult };

export interface ProbeDeps {
  target: ProbeTarget;
}

export function initialProbe(): ProbeState {
  return { phase: { id: "offer" }, lines: [] };
}

/** Where the probe connects: the device's answers, Exchange Online's submission endpoint by default. */
export function probeTarget(c: Case): ProbeTarget {
  const device = c.device ?? {};
  return {
    host: typeof device.host === "string" && device.host !== "" ? device.host : "smtp.office365.com",
    port: typeof device.port === "number" ? device.port : 587,
    ...(device.security !== undefined ? { security: device.security } : {}),
    ...(typeof device.username === "string" && device.username !== "" ? { username: device.username } : {}),
    ...(device.auth === "oauth" ? { oauth: true } : {}),
  };
}

/** Where a test starts: the password is asked when the device signs in with one, else the probe runs. */
function testAgain(deps: ProbeDeps): ProbeState {
  return { phase: deps.target.username && !deps.target.oauth ? { id: "password" } : { id: "running" }, lines: [] };
}

/** The result adds nothing to the diagnosis: no problem seen on the way and no reply from the server to read. */
export function probeAddsNothing(result: ProbeResult): boolean {
  return result.problems.length === 0 && !result.finalReply;
}

export function reduceProbe(s: ProbeState, e: ProbeEvent, deps: ProbeDeps): ProbeStep {
  const phase = s.phase;
  switch (e.type) {
    case "test":
      // (A build that cannot probe offers only "skip": the screens send that instead.)
      if (phase.id !== "offer") return { state: s };
      // No password for a device that signs in with OAuth: the test does not sign in (ProbeTarget.oauth).
      return { state: testAgain(deps) };
    case "retest":
      return phase.id === "done" ? { state: testAgain(deps) } : { state: s };
    case "start":
      return phase.id === "password" ? { state: { phase: { id: "running" }, lines: [] } } : { state: s };
    case "phase":
      return phase.id === "running" ? { state: { ...s, lines: [...s.lines, e.phase] } } : { state: s };
    case "finished":
      return phase.id === "running" ? { state: { phase: { id: "done", result: e.result }, lines: e.result.phases } } : { state: s };
    case "accept":
      return phase.id === "done" ? { exit: "done", result: phase.result } : { state: s };
    case "skip":
      return phase.id === "offer" ? { exit: "skip" } : { state: s };
    case "back":
      switch (phase.id) {
        case "offer":
          return { exit: "back" };
        case "password":
        case "done":
          return { state: { ...s, phase: { id: "offer" } } };
        case "running":
          return { state: s };
      }
  }
}
