// The SMTP probe's public surface, for the probe command and the wizard's "test from this PC" step.
export { runProbe, DEFAULT_TIMEOUT_MS, xoauth2Blob } from "./run.js";
export { probeCase, probeFacts, type ProbeCaseOptions } from "./case.js";
export { concludeProbe, probeFindings, mergeFindings, type ProbeConclusion } from "./diagnose.js";
export { renderPhaseLine, renderProbeText, renderTranscriptText, transcriptFile, probeJsonExtra, phaseLabel } from "./render.js";
export { readHidden, HiddenInputCancelled } from "./hidden-input.js";
export { formatTranscript, type TranscriptEntry } from "./transcript.js";
export type { PhaseId, PhaseListener, PhaseReport, ProbeOptions, ProbeProblem, ProbeResult, TlsDetails, TlsVersionName, TlsVersionResult } from "./types.js";
export { PHASE_IDS } from "./types.js";
