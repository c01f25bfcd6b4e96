// What the probe is asked to do and what it found. Plain data: the CLI, the wizard and the case
// builder read it; it never holds a password, a token or an AUTH payload.
import type { CauseId } from "../engine/types.js";
import type { TranscriptEntry } from "./transcript.js";
import type { TlsVersionName } from "./session.js";

export type { TlsVersionName } from "./session.js";

export interface ProbeOptions {
  host: string;
  port: number;
  /** The account the device signs in as. Needed for AUTH (LOGIN or XOAUTH2). */
  username?: string;
  /** Used once for AUTH LOGIN and not kept anywhere (not in the result, the transcript or errors). */
  password?: string;
  /** An OAuth access token with the SMTP.Send (or SMTP.SendAsApp) permission: AUTH XOAUTH2. Used once, not kept. */
  oauthToken?: string;
  /** Envelope sender and recipient of the test message. */
  from?: string;
  to?: string;
  /** Send one test message (needs from and to). */
  send?: boolean;
  /** Time allowed for each phase, in milliseconds. Default 15,000. */
  timeoutMs?: number;
  /** Try TLS 1.3/1.2/1.1/1.0 handshakes one by one on extra connections. Default true. */
  tlsVersions?: boolean;
  /** Extra CA certificate(s), PEM, trusted in addition to Node's bundled roots. */
  ca?: string;
  /** Subject and body language of the test message. */
  lang?: "ja" | "en";
  /** Caps on reply lines (defaults: 2,000 bytes a line, 100 lines a reply). */
  maxLineBytes?: number;
  maxLinesPerReply?: number;
  /**
   * The encryption the device is set to (default starttls). The probe always goes on with STARTTLS,
   * which is what works; with "none" or "tls" it first says what the device itself meets: no sign-in
   * offered before STARTTLS, or a server that speaks plain SMTP where the device starts TLS.
   */
  security?: "starttls" | "tls" | "none";
  /** Stop at once (the wizard was left with Ctrl+C): the connection is closed, nothing more is tried. */
  signal?: AbortSignal;
  /** Name resolution (default: the system's, bounded by timeoutMs); tests answer here without any DNS traffic. */
  resolve?: (host: string) => Promise<string[]>;
}

export const PHASE_IDS = ["dns", "connect", "banner", "ehlo", "starttls", "tls", "ehlo-tls", "tls-versions", "auth", "send"] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export type PhaseStatus = "ok" | "failed" | "skipped";

export interface PhaseReport {
  id: PhaseId;
  status: PhaseStatus;
  /** Wall time of the phase in milliseconds (0 for skipped). */
  ms: number;
  /** Why it failed or was skipped, stable: a wire failure kind (timeout, reset, garbage …), an errno or TLS error code, starttls-not-offered, untrusted-certificate, no-credentials … */
  code?: string;
  /** Raw detail: an address, capabilities, a TLS version, a sanitized sample of what arrived… */
  detail?: string;
  /** The server reply that ended the phase, one line. */
  reply?: string;
}

export interface TlsDetails {
  /** "TLSv1.3" etc., as negotiated. */
  protocol: string;
  version?: TlsVersionName;
  cipher: string;
  subject: string;
  issuer: string;
  validFrom?: string;
  validTo?: string;
  altNames?: string;
  fingerprint256?: string;
  /** The chain is trusted and the name matches. */
  authorized: boolean;
  /** Why not: CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, SELF_SIGNED_CERT_IN_CHAIN … */
  authorizationError?: string;
}

export type TlsVersionOutcome = "accepted" | "refused" | "not-testable" | "failed";

export interface TlsVersionResult {
  version: TlsVersionName;
  outcome: TlsVersionOutcome;
  /** Error code or reply that decided it. */
  detail?: string;
}

/** Something the probe saw that points at a cause. The engine decides the verdict; these are its probe evidence. */
export interface ProbeProblem {
  cause: CauseId;
  /** blocking: the conversation stopped here; possible: it may explain a failure. */
  status: "blocking" | "possible";
  phase: PhaseId;
  /** Stable code: ECONNREFUSED, timeout, CERT_HAS_EXPIRED, starttls-not-offered, mechanism-not-offered … */
  code: string;
  /** Short, secret-free detail for people. */
  detail: string;
}

export interface ProbeResult {
  host: string;
  port: number;
  /** ISO time the probe started. */
  at: string;
  phases: PhaseReport[];
  addresses?: string[];
  /** The address actually connected to. */
  address?: string;
  reachable?: boolean;
  banner?: string;
  capabilitiesBeforeTls?: string[];
  capabilitiesAfterTls?: string[];
  starttlsOffered?: boolean;
  mechanismsBeforeTls?: string[];
  mechanismsAfterTls?: string[];
  tls?: TlsDetails;
  tlsVersions?: TlsVersionResult[];
  auth?: { mechanism: "LOGIN" | "XOAUTH2"; outcome: "accepted" | "rejected" | "not-attempted"; reply?: string; note?: string };
  send?: { outcome: "accepted" | "rejected" | "not-attempted"; reply?: string };
  /** The server reply that decides the outcome: a failure anywhere, or the AUTH / DATA result. */
  finalReply?: string;
  problems: ProbeProblem[];
  transcript: TranscriptEntry[];
}

export type PhaseListener = (phase: PhaseReport) => void;
