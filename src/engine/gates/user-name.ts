// Gate 4c — the user name's shape (domain.md §4 "must be UPN/full address"). Microsoft 365 signs a
// device in only with the account's full address: a short name ("scanner"), DOMAIN\user, or a name
// with a space or a control character is a wrong user name whatever the password. The recorded user
// name proves it, with no reply needed (persona round 6, P6-3: nothing read the name's shape).
import { isFullAddress } from "../../case/address.js";
import { addUnlessAuthPassed, basicOnly, factEvidence, unknownUnlessAuthPassed, type Ctx } from "../context.js";
import type { NoteKey } from "../keys.js";
import type { Evidence } from "../types.js";
import { classifyHost, type HostKind } from "./transport.js";

/** Microsoft 365's own hosts that take a sign-in: client submission, the legacy-TLS endpoints, High Volume Email. */
const SIGN_IN_HOSTS: ReadonlySet<HostKind> = new Set(["submission", "legacy-tls", "legacy-ended", "hve", "outlook"]);

export function userNameGate(ctx: Ctx): void {
  // The password sign-in's user name (an OAuth device signs in through Microsoft's own page; no sign-in, no name).
  const b = basicOnly(ctx);
  if (!b.applies) return;
  const name = ctx.device.username;
  // Unknown, it can decide the verdict: asked (the Send As gate does not ask it beside a sender that is no address).
  if (name === undefined) return unknownUnlessAuthPassed(ctx, "device.username");
  if (isFullAddress(name)) return;
  // Blocking where the device is known to send to Microsoft 365; else only possible (an on-premises
  // Exchange server takes DOMAIN\user, and nothing recorded says which server this is).
  const m365 = microsoft365(ctx);
  const notes: NoteKey[] = ["note.userNameNotAddress", ...(m365 ? [] : ["note.userNameIfMicrosoft365" as const]), ...b.notes];
  addUnlessAuthPassed(ctx, "wrong-credentials", m365 ? b.status("blocking") : "possible", [factEvidence(ctx, "device.username"), ...(m365 ? [m365] : [])], { notes });
}

/** The recorded fact that shows the device sends to Microsoft 365 (the service, or one of its sign-in hosts), or undefined. */
function microsoft365(ctx: Ctx): Evidence | undefined {
  if (ctx.device.provider === "exchange-online") return factEvidence(ctx, "device.provider");
  if (ctx.device.host !== undefined && SIGN_IN_HOSTS.has(classifyHost(ctx.device.host))) return factEvidence(ctx, "device.host");
  return undefined;
}
