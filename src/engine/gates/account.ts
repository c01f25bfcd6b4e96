// Gate 5 — the account: enabled, password, licence, mailbox type (domain.md C8, C9).
import type { NoteKey } from "../keys.js";
import { addUnlessAuthPassed, basicOnly, factEvidence, unknownUnlessAuthPassed, type Ctx } from "../context.js";

const NO_PASSWORD_TYPES = new Set(["SharedMailbox", "RoomMailbox", "EquipmentMailbox"]);
const NO_MAILBOX_TYPES = new Set(["MailUser", "None"]);

export function accountGate(ctx: Ctx): void {
  const { account, out, mode } = ctx;
  if (mode === "none") return;
  const b = basicOnly(ctx);

  // Enabled: blocks every sign-in as this user. A 235 shows it was enabled at that time. App-only
  // OAuth never signs in as the user (the app's token sends as the mailbox), so a blocked sign-in —
  // the normal state of a shared mailbox — does not matter there.
  const appOnly = mode === "oauth" && ctx.device.oauthFlow === "app";
  // A shared or resource mailbox: sign-in blocked is its normal state, and turning it on is no fix (a password sign-in
  // needs a licensed user mailbox; OAuth sends as it with FullAccess). A plan said "unblock sign-in" right after its
  // own "do not enable sign-in on a shared mailbox" (persona round 4).
  const type = account.recipientTypeDetails;
  const sharedType = type !== undefined && NO_PASSWORD_TYPES.has(type);
  if (!appOnly && !sharedType) {
    if (account.accountEnabled === false) addUnlessAuthPassed(ctx, "account-disabled", "blocking", [factEvidence(ctx, "account.accountEnabled")]);
    else if (account.accountEnabled === undefined) unknownUnlessAuthPassed(ctx, "account.accountEnabled");
  }

  // Password expiry: Basic sends the password itself.
  if (b.applies) {
    if (account.passwordExpired === true) addUnlessAuthPassed(ctx, "password-expired", b.status("blocking"), [factEvidence(ctx, "account.passwordExpired")], { notes: b.notes });
    // Like the password itself, expiry is a credential question no setting answers: it is not a
    // required fact for a verdict, but the report says plainly that credentials were not verified.
    else if (account.passwordExpired === undefined && !ctx.authPassed && mode === "basic") {
      out.info("credentials-unverified", [{ kind: "inference", messageKey: "inference.credentialsUnverified" }]);
    }
  }

  // Mailbox type: no mailbox at all stops everything; a shared/resource mailbox has no usable password.
  let typeBlocks = false;
  if (type !== undefined && NO_MAILBOX_TYPES.has(type)) {
    out.add("no-licensed-mailbox", "blocking", [factEvidence(ctx, "account.recipientTypeDetails")], { notes: ["note.noMailbox"], affects: "all" });
    typeBlocks = true;
  } else if (sharedType) {
    if (b.applies) {
      out.add("no-licensed-mailbox", b.status("blocking"), [factEvidence(ctx, "account.recipientTypeDetails")], { notes: ["note.sharedMailboxNoPassword", ...b.notes], affects: "basic" });
      typeBlocks = mode === "basic";
    } else {
      // OAuth can send as a shared mailbox: the token's user or app needs FullAccess on it [S10].
      out.info("shared-mailbox-oauth", [factEvidence(ctx, "account.recipientTypeDetails")]);
    }
  } else if (type === undefined) out.unknown("account.recipientTypeDetails"); // no mailbox at all would block any mode

  // Licence: Basic and delegated OAuth sign in as the mailbox's own user, which needs an Exchange
  // Online licence. App-only OAuth does not sign in as a user, but it sends as a mailbox, and a user
  // mailbox without an Exchange Online licence is not a working mailbox (domain.md C9, §10: only
  // shared mailboxes are the licence-free way to send with OAuth).
  if (typeBlocks) return;
  if (sharedType) return; // shared/resource mailboxes need no licence
  const needsLicence: "yes" | "maybe" =
    mode === "basic" ? "yes" : mode === "unknown" ? "maybe" : ctx.device.oauthFlow === "delegated" ? "yes" : ctx.device.oauthFlow === "app" ? (type === "UserMailbox" ? "yes" : "maybe") : "maybe";
  if (account.exchangeLicensed === false) {
    const notes: NoteKey[] = mode === "unknown" ? ["note.ifBasic"] : mode === "oauth" && needsLicence === "maybe" ? ["note.ifDelegated"] : [];
    out.add("no-licensed-mailbox", needsLicence === "yes" ? "blocking" : "possible", [factEvidence(ctx, "account.exchangeLicensed")], { notes: ["note.unlicensed", ...notes] });
  } else if (account.exchangeLicensed === undefined) out.unknown("account.exchangeLicensed");
}
