// Source URLs cited by more than one vendor file, and the ones the lines for an application or a script cite.

/** msgwing/ZeroSMTP: a third-party compilation (docs/PRINTERS.md, data/devices.json, docs/ERROR-MESSAGES.md). */
export const ZEROSMTP = "https://github.com/msgwing/ZeroSMTP";

/** Microsoft Learn: OAuth for IMAP, POP and SMTP connections (the app registration, SMTP.Send / SMTP.SendAsApp, XOAUTH2). */
export const MS_SMTP_OAUTH = "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth";

/** Microsoft Graph: user: sendMail (sending without SMTP; Mail.Send). */
export const MS_GRAPH_SENDMAIL = "https://learn.microsoft.com/graph/api/user-sendmail";
