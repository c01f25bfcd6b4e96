// Gate 2 — AUTH mechanism. After STARTTLS Exchange Online offers `AUTH LOGIN XOAUTH2` only
// (domain.md §3): Basic needs LOGIN, OAuth needs XOAUTH2; no authentication at all is refused at MAIL FROM.
import { factEvidence, inference, type Ctx } from "../context.js";
import type { Evidence } from "../types.js";

export function mechanismEvidence(ctx: Ctx): Evidence {
  return ctx.device.authMechanism !== undefined
    ? factEvidence(ctx, "device.authMechanism")
    : inference("inference.mechanismFromTranscript", { mechanism: ctx.mechanism ?? "" });
}

export function mechanismGate(ctx: Ctx): void {
  const { mode, mechanism, out } = ctx;
  switch (mode) {
    case "none":
      out.add("no-authentication", "blocking", [factEvidence(ctx, "device.auth")]);
      return;
    case "unknown":
      out.unknown("device.auth");
      if (mechanism === undefined) out.unknown("device.authMechanism");
      return;
    case "basic":
      if (mechanism === undefined) out.unknown("device.authMechanism");
      else if (mechanism === "XOAUTH2") {
        out.add("auth-mechanism-unsupported", "possible", [factEvidence(ctx, "device.auth"), mechanismEvidence(ctx)], { notes: ["note.mechanismMismatch"] });
      } else if (mechanism !== "LOGIN") {
        out.add("auth-mechanism-unsupported", "blocking", [mechanismEvidence(ctx)], { notes: ["note.basicNeedsLogin"] });
      }
      return;
    case "oauth":
      // A device set to OAuth uses XOAUTH2 unless it says otherwise.
      if (mechanism !== undefined && mechanism !== "XOAUTH2") {
        out.add("auth-mechanism-unsupported", "blocking", [factEvidence(ctx, "device.auth"), mechanismEvidence(ctx)], { notes: ["note.oauthNeedsXoauth2"] });
      }
      return;
  }
}
