// Steps on the device's mailbox (or the sender's): its SMTP AUTH switch, Send As, its quota.
import { PLACEHOLDER, casMailboxRead, exo, portal, psBool, transportRead, EXCHANGE_READERS, type StepDef } from "./common.js";

export const MAILBOX_STEPS: StepDef[] = [
  {
    id: "mailbox-enable-smtp-auth",
    causes: ["tenant-smtp-auth-disabled", "mailbox-smtp-auth-disabled"],
    build: (ctx) => {
      const prev = psBool(ctx.c.account?.smtpClientAuthenticationDisabled);
      const set = (v: string) => exo(`Set-CASMailbox -Identity ${ctx.login.ps} -SmtpClientAuthenticationDisabled ${v}`, true);
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "mailbox",
        check: [casMailboxRead(ctx), transportRead],
        commands: [set("$false")],
        adminCenter: portal(ctx, "mac", ["plan.nav.users", "plan.nav.activeUsers", "plan.nav.theUser", "plan.nav.mail", "plan.nav.manageEmailApps", "plan.nav.authenticatedSmtp"]),
        verifyCommands: [casMailboxRead(ctx)],
        undo: {
          text: prev
            ? ctx.tr("plan.undo.previousValue", { value: prev })
            : ctx.tr("plan.undo.previousUnknownSwitch", { placeholder: PLACEHOLDER.previous }),
          commands: [set(prev ?? PLACEHOLDER.previous)],
        },
        security: "medium",
        wait: "plan.wait.casMailbox",
      };
    },
  },
  {
    id: "mailbox-grant-send-as",
    causes: ["send-as-denied"],
    build: (ctx) => {
      const args = `-Identity ${ctx.from.ps} -Trustee ${ctx.login.ps} -AccessRights SendAs`;
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "mailbox",
        check: [exo(`Get-RecipientPermission -Identity ${ctx.from.ps} -Trustee ${ctx.login.ps}`)],
        commands: [exo(`Add-RecipientPermission ${args} -Confirm:$false`, true)],
        adminCenter: portal(ctx, "eac", ["plan.nav.recipients", "plan.nav.mailboxes", "plan.nav.theSenderMailbox", "plan.nav.delegation", "plan.nav.sendAs"]),
        verifyCommands: [exo(`Get-RecipientPermission -Identity ${ctx.from.ps} -Trustee ${ctx.login.ps}`)],
        undo: { text: ctx.tr("plan.undo.removeGrant"), commands: [exo(`Remove-RecipientPermission ${args} -Confirm:$false`, true)] },
        security: "medium",
        wait: "plan.wait.permission",
        alternativeTo: "device-from-address",
      };
    },
  },
  {
    id: "mailbox-quota",
    causes: ["mailbox-full"],
    build: (ctx) => {
      const stats = exo(`Get-EXOMailboxStatistics -Identity ${ctx.login.ps} | Select-Object DisplayName,ItemCount,TotalItemSize`);
      const quota = exo(`Get-EXOMailbox -Identity ${ctx.login.ps} -Properties ProhibitSendQuota,ProhibitSendReceiveQuota | Select-Object PrimarySmtpAddress,ProhibitSendQuota,ProhibitSendReceiveQuota`);
      const sent = exo(`Get-EXOMailboxFolderStatistics -Identity ${ctx.login.ps} -FolderScope SentItems | Select-Object Name,ItemsInFolder,FolderSize`);
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "mailbox",
        check: [stats, quota, sent],
        adminCenter: portal(ctx, "eac", ["plan.nav.recipients", "plan.nav.mailboxes", "plan.nav.theMailbox", "plan.nav.mailboxUsage"]),
        verifyCommands: [stats, quota],
        security: "none",
      };
    },
  },
];
