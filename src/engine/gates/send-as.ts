// Gate 6 — Send As (domain.md C12): a From address other than the signed-in mailbox needs the
// Send As permission on that address.
import { addressOf, factEvidence, type Ctx } from "../context.js";
import { remembered } from "../remember.js";

export function sendAsGate(ctx: Ctx): void {
  const { device, account, out } = ctx;
  // A sender that is no address at all ("scanner", "Scan Center"): the server refuses it as such (Exchange Online's
  // 501 5.1.7). Only possible: some devices add their own domain to a bare name.
  if (device.from !== undefined && !isAddress(addressOf(device.from))) {
    out.add("sender-address-invalid", "possible", [factEvidence(ctx, "device.from")]);
    return;
  }
  if (ctx.mode === "none") return;
  if (device.from === undefined || device.username === undefined) {
    // Whether Send As matters at all depends on both addresses.
    if (device.username === undefined) out.unknown("device.username");
    if (device.from === undefined) out.unknown("device.from");
    return;
  }
  if (addressOf(device.from) === addressOf(device.username)) return;
  const differ = [factEvidence(ctx, "device.username"), factEvidence(ctx, "device.from")];
  if (account.sendAs === false) out.add("send-as-denied", "blocking", [...differ, factEvidence(ctx, "account.sendAs")]);
  else if (account.sendAs === undefined) out.unknown("account.sendAs");
}

/** name@domain.tld, without spaces (the form a server takes as a sender; the display name is cut by addressOf()). */
const isAddress = remembered(shapedAsAddress);
function shapedAsAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
