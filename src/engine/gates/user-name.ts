// Gate 4c — the user name's shape (domain.md §4 "must be UPN/full address"). Microsoft 365 signs a
// device in only with the account's full address: a short name ("scanner"), DOMAIN\user, or a name
// with a space or a control character is a wrong user name whatever the password. The recorded user
// name proves it, with no reply needed (persona round 6, P6-3: nothing read the name's shape).
import { isFullAddress as fullAddress } from "../../case/address.js";
import { remembered } from "../remember.js";
import { addUnlessAuthPassed, basicOnly, factEvidence, inference, unknownUnlessAuthPassed, type Ctx } from "../context.js";
import { CONFIG_USER_NAME } from "../../replies/signals.js";
import type { NoteKey } from "../keys.js";
import type { Evidence } from "../types.js";
import type { HostKind } from "./transport.js";

/** isFullAddress() (pure), kept for the last names seen (src/engine/remember.ts). */
const isFullAddress = remembered(fullAddress);

/** Words of a user name written in place of a real one in a pasted configuration. */
const PLACEHOLDER_NAME = /user|name|login|account|example|your|xxx|\*|placeholder|redacted|hidden|^\W*$/i;

/** Microsoft 365's own hosts that take a sign-in: client submission, the legacy-TLS endpoints, High Volume Email. */
const SIGN_IN_HOSTS: ReadonlySet<HostKind> = new Set(["submission", "legacy-tls", "legacy-ended", "hve", "outlook"]);

export function userNameGate(ctx: Ctx): void {
  // The password sign-in's user name (an OAuth device signs in through Microsoft's own page; no sign-in, no name).
  const b = basicOnly(ctx);
  if (!b.applies) return;
  // The recorded user name, else the one a configuration pasted with the error sets (sixth hunt #16: ssmtp's
  // "AuthUser=customerservice" beside its 535 5.7.3 left the user name unknown among seven possible causes).
  const shown = ctx.device.username === undefined ? ctx.analysis?.userName : undefined;
  const name = ctx.device.username ?? shown?.value;
  // Unknown, it can decide the verdict: asked (the Send As gate does not ask it beside a sender that is no address).
  if (name === undefined) return unknownUnlessAuthPassed(ctx, "device.username");
  if (isFullAddress(name)) return;
  // Blocking where the device is known to send to Microsoft 365; else only possible (an on-premises
  // Exchange server takes DOMAIN\user, and nothing recorded says which server this is).
  // A name a poster put in place of theirs ("smtp_username", "xxx") says nothing of the device: only possible then.
  const m365 = shown && PLACEHOLDER_NAME.test(shown.value) ? undefined : microsoft365(ctx);
  const notes: NoteKey[] = ["note.userNameNotAddress", ...(m365 ? [] : ["note.userNameIfMicrosoft365" as const]), ...b.notes];
  const named: Evidence = shown ? { kind: "reply", reply: shown.clue, patternId: CONFIG_USER_NAME } : factEvidence(ctx, "device.username");
  addUnlessAuthPassed(ctx, "wrong-credentials", m365 ? b.status("blocking") : "possible", [named, ...(m365 ? [m365] : [])], { notes });
}

/** The recorded fact that shows the device sends to Microsoft 365 (the service, or one of its sign-in hosts), or undefined. */
function microsoft365(ctx: Ctx): Evidence | undefined {
  if (ctx.device.provider === "exchange-online") return factEvidence(ctx, "device.provider");
  if (ctx.hostKind !== undefined && SIGN_IN_HOSTS.has(ctx.hostKind)) return factEvidence(ctx, "device.host");
  // The text names Microsoft 365's host or front ends ("mailhub=smtp.office365.com:587", "…PROD.OUTLOOK.COM").
  const clue = ctx.analysis?.provider;
  if (clue?.id === "exchange-online") return inference("inference.providerClue", { clue: clue.clue });
  return undefined;
}
