// Gate 1 — transport: host, port, STARTTLS, TLS version (domain.md §3, C10, C11).
import type { FactPath } from "../../case/facts.js";
import { factEvidence, inference, NO_OPTIONS, type AddOptions, type Ctx } from "../context.js";
import type { InfoId, NoteKey } from "../keys.js";
import type { CauseId, CauseStatus, Evidence } from "../types.js";
import { editDistance } from "../../edit-distance.js";
import { remembered } from "../remember.js";

/**
 * The collector for transport findings. When the server's reply shows the device got to sign-in
 * or later, a recorded setting that would have stopped it earlier is out of date: it becomes an
 * Info entry instead of a blocker. (A class: one object a case, not an object and three functions.)
 */
class TransportOut {
  constructor(private readonly ctx: Ctx) {}

  add(id: CauseId, status: CauseStatus, evidence: Evidence[], opts: AddOptions = NO_OPTIONS): void {
    const { ctx } = this;
    if (ctx.reachedAuth && status === "blocking") ctx.out.info("setting-contradicted-by-reply", [inference("inference.reachedAuth"), ...evidence]);
    else ctx.out.add(id, status, evidence, opts);
  }

  unknown(path: FactPath): void {
    this.ctx.out.unknown(path);
  }

  info(id: InfoId, evidence: Evidence[]): void {
    this.ctx.out.info(id, evidence);
  }
}

const SUBMISSION_HOSTS = new Set(["smtp.office365.com", "smtp.office365.us", "smtp.partner.outlook.cn"]);
const LEGACY_TLS_HOST = "smtp-legacy.office365.com";
/** 21Vianet's legacy-TLS endpoint ended on 30 Jun 2023 [S15]. */
const ENDED_LEGACY_HOSTS = new Set(["smtp-legacy.partner.outlook.cn"]);
/** High Volume Email's own hosts (the plan keeps them: src/plan/steps/common.ts, hveHost). */
export const HVE_HOSTS: ReadonlySet<string> = new Set(["smtp.hve.mx.microsoft", "smtp-hve.office365.com"]);

export type HostKind = "submission" | "legacy-tls" | "legacy-ended" | "hve" | "mx" | "ip" | "outlook" | "other";

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "");
}

/** What a host is: a pure function of the host, kept for the hosts seen last (src/engine/remember.ts). */
export const classifyHost: (host: string) => HostKind = remembered(kindOfHost);

function kindOfHost(host: string): HostKind {
  const h = normalizeHost(host);
  if (SUBMISSION_HOSTS.has(h)) return "submission";
  if (h === LEGACY_TLS_HOST) return "legacy-tls";
  if (ENDED_LEGACY_HOSTS.has(h)) return "legacy-ended";
  if (HVE_HOSTS.has(h)) return "hve";
  if (h.endsWith(".mail.protection.outlook.com")) return "mx";
  if (isIpLiteral(h)) return "ip";
  if (h === "outlook.office365.com") return "outlook";
  return "other";
}

/** The Microsoft 365 hosts a typed host is compared with for a typo, in the order a tie is resolved. */
const TYPO_TARGETS: readonly string[] = [...SUBMISSION_HOSTS, LEGACY_TLS_HOST, ...HVE_HOSTS];

/**
 * The known Microsoft 365 SMTP host a host is a typo of: one or two letters added, dropped, changed or swapped
 * ("smtp.office365.con", "smtp.ofice365.com", "smtp.office356.com"), or undefined. Persona round 7: such a host was only
 * "wrong server [possible]", third, with no word of the host meant.
 */
export const hostTypoOf: (host: string) => string | undefined = remembered(typoTarget);

function typoTarget(host: string): string | undefined {
  const h = normalizeHost(host);
  if (h.length < 8 || TYPO_TARGETS.includes(h)) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  const counts = letterCounts(h);
  for (const [i, target] of TYPO_TARGETS.entries()) {
    // Each edit changes the letters' counts by at most two (a swap by none): a host whose counts differ from the target's by
    // 2 × bestDistance − 1 or more is bestDistance edits away or further, and editDistance() would say so (exact, and ~20
    // times cheaper than the rows it fills in for "relay.contoso.local").
    if (countsApart(counts, TARGET_COUNTS[i] as Int16Array) > 2 * bestDistance - 2) continue;
    const d = editDistance(h, target, bestDistance);
    if (d < bestDistance) {
      best = target;
      bestDistance = d;
    }
  }
  return best;
}

/** How many times each UTF-16 code unit occurs (every one above ASCII counted in one place: that only lowers countsApart()). */
function letterCounts(text: string): Int16Array {
  const counts = new Int16Array(129);
  for (let i = 0; i < text.length; i++) {
    const at = Math.min(text.charCodeAt(i), 128);
    counts[at] = (counts[at] as number) + 1;
  }
  return counts;
}

/** The letters two texts do not share, counted (the sum of the differences of their letterCounts()). */
function countsApart(a: Int16Array, b: Int16Array): number {
  let apart = 0;
  for (let i = 0; i < a.length; i++) apart += Math.abs((a[i] as number) - (b[i] as number));
  return apart;
}

const TARGET_COUNTS: readonly Int16Array[] = TYPO_TARGETS.map(letterCounts);

function isIpLiteral(h: string): boolean {
  const bare = h.replace(/^\[(.*)\]$/, "$1");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bare)) return bare.split(".").every((p) => Number(p) <= 255);
  return bare.includes(":") && /^[0-9a-f:.]+$/.test(bare);
}

/** The pasted reply shows the device trying to sign in (an answer at AUTH: "504 5.7.4 Unrecognized authentication type" at the MX host). */
function triedSignIn(ctx: Ctx): boolean {
  const m = ctx.analysis?.primary;
  return m !== undefined && m.stage === "auth";
}

export function transportGate(ctx: Ctx): void {
  const { device, tenant } = ctx;
  const out = new TransportOut(ctx);
  const host = ctx.hostKind;
  // A typo of Microsoft's host is not a relay of the organization's own: the device means Exchange Online.
  const typoOf = host === "other" && device.host !== undefined ? hostTypoOf(device.host) : undefined;
  const legacyAllowed = tenant.allowLegacyTlsClients;
  // The MX host with nothing that says the device signs in (neither device.auth nor an answer at AUTH): Direct Send is as
  // possible as a wrong endpoint, and what blocks a sign-in there only may.
  const mxSignInUnknown = host === "mx" && ctx.mode === "unknown" && !triedSignIn(ctx) && !ctx.reachedAuth;

  switch (host) {
    case undefined:
      out.unknown("device.host");
      break;
    case "submission":
      break;
    case "legacy-tls":
      if (legacyAllowed === true) break;
      if (legacyAllowed === undefined) {
        out.add("wrong-endpoint", "possible", [factEvidence(ctx, "device.host")], { notes: ["note.legacyTlsOptIn"] });
        out.unknown("tenant.allowLegacyTlsClients");
      } else {
        out.add("wrong-endpoint", "blocking", [factEvidence(ctx, "device.host"), factEvidence(ctx, "tenant.allowLegacyTlsClients")], {
          notes: ["note.legacyTlsOptIn"],
        });
      }
      break;
    case "legacy-ended":
      out.add("wrong-endpoint", "blocking", [factEvidence(ctx, "device.host")], { notes: ["note.legacyTlsEnded"] });
      break;
    case "hve":
      out.info("hve-endpoint", [factEvidence(ctx, "device.host")]);
      break;
    case "mx":
      // The MX host without sign-in is Direct Send, a way of sending of its own (domain.md §9: internal recipients only), not
      // a wrong SMTP AUTH endpoint: a device set up so got "turn on SMTP authentication" and "the recorded server is out of date".
      if (ctx.mode === "none") {
        out.info("direct-send-path", [factEvidence(ctx, "device.host"), factEvidence(ctx, "device.auth")]);
        // Whether the organization refuses Direct Send decides it, unless a reply shows the mail got past that check.
        if (tenant.rejectDirectSend === undefined && !ctx.reachedAuth) out.unknown("tenant.rejectDirectSend");
      } else if (mxSignInUnknown) {
        // Nothing says the device signs in: the MX host on port 25 without a sign-in is Direct Send (domain.md §9), not a wrong
        // endpoint; with a user name and password it is (no AUTH there). Possible until device.auth says which (a printer at the
        // MX host was "blocked: wrong server" with nothing recorded of its sign-in, and "550 5.7.64 … Relay Access Denied" or
        // "250 OK" from that host led with it too, though the session had gone past where a sign-in would be).
        out.add("wrong-endpoint", "possible", [factEvidence(ctx, "device.host")], { notes: ["note.mxEndpoint"] });
        // Without a sign-in it is Direct Send, which the organization may refuse: asked as for a device recorded so.
        out.unknown("device.auth");
        if (tenant.rejectDirectSend === undefined) out.unknown("tenant.rejectDirectSend");
      } else out.add("wrong-endpoint", "blocking", [factEvidence(ctx, "device.host")], { notes: ["note.mxEndpoint"] });
      // A device pointed at the MX host is really doing Direct Send, which RejectDirectSend refuses
      // unless a connector matches it.
      if (tenant.rejectDirectSend === true) {
        out.add("direct-send-rejected", "possible", [factEvidence(ctx, "device.host"), factEvidence(ctx, "tenant.rejectDirectSend")]);
      }
      break;
    case "ip":
      // Whether this address is a current Exchange Online submission front end (and matches its
      // certificate) cannot be known; addresses change without notice (domain.md §3: never an IP).
      out.add("wrong-endpoint", "possible", [factEvidence(ctx, "device.host")], { notes: ["note.ipLiteral"] });
      break;
    case "outlook":
      out.add("wrong-endpoint", "warning", [factEvidence(ctx, "device.host")], { notes: ["note.outlookHost"] });
      break;
    case "other":
      if (typoOf !== undefined) out.add("wrong-endpoint", "blocking", [factEvidence(ctx, "device.host"), inference("inference.hostTypo", { host: typoOf })]);
      else out.add("wrong-endpoint", "possible", [factEvidence(ctx, "device.host")], { notes: ["note.unknownHost"] });
      break;
  }

  if (device.port === undefined) out.unknown("device.port");
  else if (device.port === 465) out.add("wrong-endpoint", "blocking", [factEvidence(ctx, "device.port")], { notes: ["note.port465"] });
  else if (device.port !== 587 && device.port !== 25) {
    out.add("wrong-endpoint", "blocking", [factEvidence(ctx, "device.port")], { notes: ["note.portUnsupported"] });
  }

  // A host that is not Microsoft's may be a relay of the organization's own, whose rules for encryption are its own: what
  // Exchange Online requires blocks only if the device talks to it directly (a printer sending to "relay.contoso.local" on
  // port 25 without TLS was told "use port 587 with STARTTLS" first, found on 2026-12-05). A reply from the sign-in step
  // or later then shows that the setting stopped nothing, whichever server answered.
  const relay = host === "other" && typoOf === undefined;
  const [status, relayNotes]: [CauseStatus, NoteKey[]] = relay ? ["possible", ["note.relayOwnRules"]] : ["blocking", []];
  if (device.security === undefined) out.unknown("device.security");
  else if (!(relay && ctx.reachedAuth)) {
    if (device.security === "tls") out.add("starttls-missing", status, [factEvidence(ctx, "device.security")], { notes: ["note.implicitTls", ...relayNotes] });
    // (Direct Send takes mail without TLS too: domain.md §9.)
    // At the MX host with the sign-in not known, no TLS blocks only if the device signs in (then the host is wrong too).
    else if (device.security === "none" && !(host === "mx" && ctx.mode === "none")) {
      out.add("starttls-missing", mxSignInUnknown ? "possible" : status, [factEvidence(ctx, "device.security")], { notes: ["note.noTls", ...relayNotes] });
    }
  }

  // Without TLS at all the version is moot.
  if (device.security === "none") return;
  if (device.tlsVersion === undefined) {
    out.unknown("device.tlsVersion");
  } else if (device.tlsVersion === "1.0" || device.tlsVersion === "1.1") {
    if (relay) {
      if (!ctx.reachedAuth) out.add("tls-version-unsupported", status, [factEvidence(ctx, "device.tlsVersion")], { notes: relayNotes });
    } else if (host !== "legacy-tls") {
      out.add("tls-version-unsupported", "blocking", [factEvidence(ctx, "device.tlsVersion")]);
    } else if (legacyAllowed === true) {
      out.add("tls-version-unsupported", "warning", [factEvidence(ctx, "device.tlsVersion"), factEvidence(ctx, "device.host"), factEvidence(ctx, "tenant.allowLegacyTlsClients")], {
        notes: ["note.legacyTlsDowngrade"],
      });
    } else if (legacyAllowed === undefined) {
      out.add("tls-version-unsupported", "possible", [factEvidence(ctx, "device.tlsVersion"), factEvidence(ctx, "device.host")], {
        notes: ["note.legacyTlsOptIn"],
      });
      out.unknown("tenant.allowLegacyTlsClients");
    } else {
      out.add("tls-version-unsupported", "blocking", [factEvidence(ctx, "device.tlsVersion"), factEvidence(ctx, "tenant.allowLegacyTlsClients")], {
        notes: ["note.legacyTlsOptIn"],
      });
    }
  }

  // A measurement from the support person's PC: it says little about the device's own network.
  // The probe's own findings (case.probe.problems) say it with the wire's code and the same note: not twice (persona round 8 #14).
  const probe = ctx.c.probe;
  if (probe?.reachable === false && !probe.problems?.some((p) => p.cause === "network-unreachable")) {
    out.add("network-unreachable", "possible", [{ kind: "probe", what: `${probe.host}:${probe.port}`, value: false }], { notes: ["note.probeFromSupportPc"] });
  }
}
