// Gate 2 — AUTH mechanism. After STARTTLS Exchange Online offers `AUTH LOGIN XOAUTH2` only
// (domain.md §3): Basic needs LOGIN, OAuth needs XOAUTH2; no authentication at all is refused at MAIL FROM.
import { factEvidence, inference, type Ctx } from "../context.js";
import type { Evidence } from "../types.js";

export function mechanismEvidence(ctx: Ctx): Evidence {
  return ctx.device.authMechanism !== undefined
    ? factEvidence(ctx, "device.authMechanism")
    : inference("inference.mechanismFromTranscript", { mechanism: ctx.mechanism ?? "" });
}

/**
 * The mechanism is a device internal that negotiates itself from what the server offers (issue 10):
 * when nothing is recorded it is a stated assumption, not an unknown — unless the server's reply says
 * the mechanism is the problem (504 5.7.4), when it becomes a question.
 */
function mechanismInQuestion(ctx: Ctx): boolean {
  return ctx.analysis?.primary?.candidates.includes("auth-mechanism-unsupported") === true;
}

function assumeMechanism(ctx: Ctx, oauth: boolean): void {
  // The server accepted the sign-in (or answered after it): whatever the device chose worked.
  if (ctx.authPassed) return;
  if (mechanismInQuestion(ctx)) {
    ctx.out.unknown("device.authMechanism");
    return;
  }
  if (oauth) ctx.out.info("assumed-oauth-mechanism", [factEvidence(ctx, "device.auth"), inference("inference.xoauth2ForOauth")]);
  else ctx.out.info("assumed-auth-mechanism", [inference("inference.mechanismOffered")]);
}

export function mechanismGate(ctx: Ctx): void {
  const { mode, mechanism, out } = ctx;
  switch (mode) {
    case "none": {
      const host = ctx.hostKind;
      // Direct Send (the MX host) takes mail without sign-in: the transport gate says so (direct-send-path).
      if (host === "mx") return;
      // A relay of the organization's own may take mail without sign-in: what Exchange Online requires blocks only if the device talks to it directly.
      if (host === "other") out.add("no-authentication", "possible", [factEvidence(ctx, "device.auth"), factEvidence(ctx, "device.host")], { notes: ["note.relayOwnRules"] });
      else out.add("no-authentication", "blocking", [factEvidence(ctx, "device.auth")]);
      return;
    }
    case "unknown":
      out.unknown("device.auth");
      if (mechanism === undefined) assumeMechanism(ctx, false);
      return;
    case "basic":
      if (mechanism === undefined) assumeMechanism(ctx, false);
      else if (mechanism === "XOAUTH2") {
        out.add("auth-mechanism-unsupported", "possible", [factEvidence(ctx, "device.auth"), mechanismEvidence(ctx)], { notes: ["note.mechanismMismatch"] });
      } else if (mechanism !== "LOGIN") {
        out.add("auth-mechanism-unsupported", "blocking", [mechanismEvidence(ctx)], { notes: ["note.basicNeedsLogin"] });
      }
      return;
    case "oauth":
      // A device set to OAuth uses XOAUTH2 unless it says otherwise (stated as an assumption).
      if (mechanism === undefined) assumeMechanism(ctx, true);
      else if (mechanism !== "XOAUTH2") {
        out.add("auth-mechanism-unsupported", "blocking", [factEvidence(ctx, "device.auth"), mechanismEvidence(ctx)], { notes: ["note.oauthNeedsXoauth2"] });
      }
      return;
  }
}
