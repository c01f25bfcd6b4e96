// The question catalogue: for every fact path the engine may ask, how it is answered (choices or
// text), where to look (catalog keys `questions.<path>.…`), and the read-only PowerShell that shows
// the value. Identities in PowerShell are checked and single-quoted (src/shell/powershell.ts).
import { isFullAddress } from "../case/address.js";
import { EXCHANGE_PLANS, LEGACY_CLIENT_APP_TYPES } from "../case/m365.js";
import { isIsoDate, stoppedAfter } from "../case/dates.js";
import { FACT_PATHS, type FactPath } from "../case/facts.js";
import { PROVIDER_IDS, REPLY_MAX_LENGTH, type AuthPolicy, type Case } from "../case/schema.js";
import { hasKey, t, type Lang, type MessageKey } from "../i18n/index.js";
import { senderParams } from "../render/labels.js";
import { isPlausibleIdentity, psIdentity, psQuote } from "../shell/powershell.js";
import { isKnownVendor, MODEL_MAX_LENGTH, VENDOR_IDS } from "../devices/ids.js";

export interface Choice {
  value: unknown;
  label: MessageKey;
}

export type QuestionInput =
  | { type: "choice"; choices: readonly Choice[] }
  | { type: "text"; maxLength: number }
  | { type: "port" }
  | { type: "date" }
  | { type: "policy" }
  | { type: "paste" };

export interface Question {
  path: FactPath;
  prompt: MessageKey;
  where: MessageKey;
  /**
   * Where to look, for the admin who reads the hand-over or the report (src/report/checks.ts), when `where` speaks to
   * the help desk: "Ask your Microsoft 365 administrator" in a note the admin reads (persona round 6, P6-6).
   */
  adminWhere?: MessageKey;
  input: QuestionInput;
  /** Read-only PowerShell lines that show the value (identities quoted), or none. */
  powershell?: (c: Case) => string[];
}

/** The placeholder shown when the account is unknown or cannot be an identity; the screen then shows a hint. */
export const IDENTITY_PLACEHOLDER = "<UPN>";

/** The placeholder as PowerShell reads it: quoted, as every identity is (bare, `<` is an operator). */
const QUOTED_PLACEHOLDER = `'${IDENTITY_PLACEHOLDER}'`;

/** The device account as a quoted PowerShell identity, or the quoted placeholder. */
export function accountIdentity(c: Case): string {
  const u = c.device?.username;
  return u !== undefined && isPlausibleIdentity(u) ? psIdentity(u) : QUOTED_PLACEHOLDER;
}

function fromIdentity(c: Case): string {
  const f = c.device?.from;
  return f !== undefined && isPlausibleIdentity(f) ? psIdentity(f) : accountIdentity(c);
}

function graphUser(c: Case): string {
  const u = c.device?.username;
  return u !== undefined && isPlausibleIdentity(u) ? psIdentity(u) : QUOTED_PLACEHOLDER;
}

const yesNo = (path: string): readonly Choice[] => [
  { value: true, label: `questions.${path}.opt.true` as MessageKey },
  { value: false, label: `questions.${path}.opt.false` as MessageKey },
];

function choices(path: string, values: readonly (string | boolean | null)[]): readonly Choice[] {
  return values.map((v) => ({ value: v, label: `questions.${path}.opt.${String(v)}` as MessageKey }));
}

/** The questions whose directions speak to the help desk ("ask your admin", "answer Yes"), with others for the admin. */
const ADMIN_WHERE: ReadonlySet<FactPath> = new Set(["tenant.basicAuthSmtpReenabled", "tenant.createdDate", "account.sendAs", "account.legacyAuthBlockedByConditionalAccess"]);

const q = (path: FactPath, input: QuestionInput, powershell?: (c: Case) => string[]): Question => ({
  path,
  prompt: `questions.${path}.q` as MessageKey,
  where: `questions.${path}.where` as MessageKey,
  ...(ADMIN_WHERE.has(path) ? { adminWhere: `questions.${path}.whereAdmin` as MessageKey } : {}),
  input,
  ...(powershell ? { powershell } : {}),
});

/**
 * The Conditional Access policies that are On and apply to legacy clients, as the live reader counts them (targetsLegacyClients):
 * client apps 'other', 'all' (not configured) or none listed. A filter on 'other' alone missed the usual "require MFA for all
 * users" policy, whose client apps are not configured (persona round 8, #1). Report-only policies do not block and are left out.
 */
const CA_LEGACY_POLICIES =
  "Get-MgIdentityConditionalAccessPolicy -All | Where-Object { $_.State -eq 'enabled' -and (-not $_.Conditions.ClientAppTypes -or " +
  LEGACY_CLIENT_APP_TYPES.map((type) => `$_.Conditions.ClientAppTypes -contains ${psQuote(type)}`).join(" -or ") +
  ") } | Format-List DisplayName,State,@{Name='ClientAppTypes';Expression={$_.Conditions.ClientAppTypes -join ', '}}";

const QUESTIONS: Record<FactPath, Question> = {
  asOf: q("asOf", { type: "date" }),
  "device.host": q("device.host", { type: "text", maxLength: 255 }),
  "device.port": q("device.port", { type: "port" }),
  "device.security": q("device.security", { type: "choice", choices: choices("device.security", ["starttls", "tls", "none"]) }),
  "device.tlsVersion": q("device.tlsVersion", { type: "choice", choices: choices("device.tlsVersion", ["1.0", "1.1", "1.2", "1.3"]) }),
  "device.auth": q("device.auth", { type: "choice", choices: choices("device.auth", ["basic", "oauth", "none"]) }),
  "device.authMechanism": q("device.authMechanism", { type: "choice", choices: choices("device.authMechanism", ["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5", "NTLM"]) }),
  "device.username": q("device.username", { type: "text", maxLength: 320 }),
  "device.from": q("device.from", { type: "text", maxLength: 320 }),
  "device.reply": q("device.reply", { type: "paste" }),
  "device.oauthSupported": q("device.oauthSupported", { type: "choice", choices: yesNo("device.oauthSupported") }),
  "device.oauthFlow": q("device.oauthFlow", { type: "choice", choices: choices("device.oauthFlow", ["delegated", "app"]) }),
  // which device (issue 14): the maker's names are the devices area's; "I don't know" is added by every choice screen.
  "device.vendor": q("device.vendor", { type: "choice", choices: VENDOR_IDS.map((v) => ({ value: v, label: `devices.vendor.${v}` as const })) }),
  "device.model": q("device.model", { type: "text", maxLength: MODEL_MAX_LENGTH }),
  "device.provider": q("device.provider", { type: "choice", choices: choices("device.provider", PROVIDER_IDS) }),
  "tenant.smtpClientAuthenticationDisabled": q(
    "tenant.smtpClientAuthenticationDisabled",
    { type: "choice", choices: yesNo("tenant.smtpClientAuthenticationDisabled") },
    () => ["Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled"],
  ),
  "tenant.securityDefaultsEnabled": q(
    "tenant.securityDefaultsEnabled",
    { type: "choice", choices: yesNo("tenant.securityDefaultsEnabled") },
    () => ["Connect-MgGraph -Scopes 'Policy.Read.All'", "Get-MgPolicyIdentitySecurityDefaultEnforcementPolicy | Format-List IsEnabled"],
  ),
  "tenant.oauth2ClientProfileEnabled": q(
    "tenant.oauth2ClientProfileEnabled",
    { type: "choice", choices: yesNo("tenant.oauth2ClientProfileEnabled") },
    () => ["Get-OrganizationConfig | Format-List OAuth2ClientProfileEnabled"],
  ),
  "tenant.defaultAuthenticationPolicy": q("tenant.defaultAuthenticationPolicy", { type: "policy" }, () => [
    "Get-OrganizationConfig | Format-List DefaultAuthenticationPolicy",
    "Get-AuthenticationPolicy -Identity '<name>' | Format-List Name,AllowBasicAuthSmtp",
  ]),
  "tenant.basicAuthSmtpReenabled": q("tenant.basicAuthSmtpReenabled", { type: "choice", choices: yesNo("tenant.basicAuthSmtpReenabled") }),
  "tenant.entraIdP1": q("tenant.entraIdP1", { type: "choice", choices: yesNo("tenant.entraIdP1") }, () => [
    "Connect-MgGraph -Scopes 'Organization.Read.All'",
    "Get-MgSubscribedSku | Select-Object -ExpandProperty ServicePlans | Where-Object ServicePlanName -Like 'AAD_PREMIUM*' | Format-List ServicePlanName,ProvisioningStatus",
  ]),
  "tenant.rejectDirectSend": q("tenant.rejectDirectSend", { type: "choice", choices: yesNo("tenant.rejectDirectSend") }, () => [
    "Get-OrganizationConfig | Format-List RejectDirectSend",
  ]),
  "tenant.createdDate": q("tenant.createdDate", { type: "date" }, () => [
    "Connect-MgGraph -Scopes 'Organization.Read.All'",
    "Get-MgOrganization | Format-List DisplayName,CreatedDateTime",
  ]),
  "tenant.allowLegacyTlsClients": q(
    "tenant.allowLegacyTlsClients",
    { type: "choice", choices: choices("tenant.allowLegacyTlsClients", [true, false, null]) },
    () => ["Get-TransportConfig | Format-List AllowLegacyTLSClients"],
  ),
  "account.smtpClientAuthenticationDisabled": q(
    "account.smtpClientAuthenticationDisabled",
    { type: "choice", choices: choices("account.smtpClientAuthenticationDisabled", [false, true, null]) },
    (c) => [`Get-CASMailbox -Identity ${accountIdentity(c)} | Format-List SmtpClientAuthenticationDisabled`],
  ),
  "account.recipientTypeDetails": q(
    "account.recipientTypeDetails",
    { type: "choice", choices: choices("account.recipientTypeDetails", ["UserMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox", "MailUser", "None"]) },
    (c) => [`Get-Recipient -Identity ${accountIdentity(c)} | Format-List RecipientTypeDetails`],
  ),
  "account.exchangeLicensed": q("account.exchangeLicensed", { type: "choice", choices: yesNo("account.exchangeLicensed") }, (c) => [
    "Connect-MgGraph -Scopes 'User.Read.All'",
    `Get-MgUserLicenseDetail -UserId ${graphUser(c)} | Select-Object -ExpandProperty ServicePlans | Where-Object ServicePlanName -In ${EXCHANGE_PLANS.map((plan) => psQuote(plan)).join(",")} | Format-List ServicePlanName,ProvisioningStatus`,
  ]),
  "account.accountEnabled": q("account.accountEnabled", { type: "choice", choices: yesNo("account.accountEnabled") }, (c) => [
    "Connect-MgGraph -Scopes 'User.Read.All'",
    `Get-MgUser -UserId ${graphUser(c)} -Property AccountEnabled | Format-List AccountEnabled`,
  ]),
  "account.perUserMfaState": q(
    "account.perUserMfaState",
    { type: "choice", choices: choices("account.perUserMfaState", ["disabled", "enabled", "enforced"]) },
    (c) => {
      const u = c.device?.username;
      const uri = u !== undefined && isPlausibleIdentity(u) ? psQuote(`https://graph.microsoft.com/beta/users/${encodeURIComponent(u)}/authentication/requirements`) : `'https://graph.microsoft.com/beta/users/${IDENTITY_PLACEHOLDER}/authentication/requirements'`;
      return ["Connect-MgGraph -Scopes 'Policy.Read.All'", `Invoke-MgGraphRequest -Method GET -Uri ${uri}`];
    },
  ),
  "account.authenticationPolicy": q("account.authenticationPolicy", { type: "policy" }, (c) => [
    `Get-User -Identity ${accountIdentity(c)} | Format-List AuthenticationPolicy`,
    "Get-AuthenticationPolicy -Identity '<name>' | Format-List Name,AllowBasicAuthSmtp",
  ]),
  "account.legacyAuthBlockedByConditionalAccess": q(
    "account.legacyAuthBlockedByConditionalAccess",
    { type: "choice", choices: yesNo("account.legacyAuthBlockedByConditionalAccess") },
    () => [
      "Connect-MgGraph -Scopes 'Policy.Read.All'",
      CA_LEGACY_POLICIES,
    ],
  ),
  "account.sendAs": q("account.sendAs", { type: "choice", choices: yesNo("account.sendAs") }, (c) => [
    `Get-RecipientPermission -Identity ${fromIdentity(c)} -Trustee ${accountIdentity(c)} | Format-List Trustee,AccessRights`,
  ]),
  "account.passwordExpired": q("account.passwordExpired", { type: "choice", choices: yesNo("account.passwordExpired") }, (c) => [
    "Connect-MgGraph -Scopes 'User.Read.All'",
    `Get-MgUser -UserId ${graphUser(c)} -Property LastPasswordChangeDateTime,PasswordPolicies | Format-List LastPasswordChangeDateTime,PasswordPolicies`,
  ]),
  "account.oauthApp.servicePrincipalRegistered": q(
    "account.oauthApp.servicePrincipalRegistered",
    { type: "choice", choices: yesNo("account.oauthApp.servicePrincipalRegistered") },
    () => ["Get-ServicePrincipal | Format-List DisplayName,AppId,ObjectId"],
  ),
  "account.oauthApp.mailboxPermission": q(
    "account.oauthApp.mailboxPermission",
    { type: "choice", choices: yesNo("account.oauthApp.mailboxPermission") },
    (c) => [`Get-MailboxPermission -Identity ${fromIdentity(c)} | Format-List User,AccessRights`],
  ),
  "account.oauthApp.permissionConsented": q("account.oauthApp.permissionConsented", { type: "choice", choices: yesNo("account.oauthApp.permissionConsented") }),
  // What the person knows of the failure's history (persona round 8, #10): "I don't know" is every choice screen's own.
  "history.workedBefore": q("history.workedBefore", { type: "choice", choices: choices("history.workedBefore", ["yes", "no"]) }),
  "history.stoppedOn": q("history.stoppedOn", { type: "date" }),
};

/** The questions on the failure's history, which name what sends the mail in the question itself (a device, or an application). */
const HISTORY_PATHS: readonly FactPath[] = ["history.workedBefore", "history.stoppedOn"];

/**
 * The device questions whose directions speak of a printer's web page or panel: for an application or a script
 * (device.vendor "app") they point at its configuration, its runtime and its own OAuth 2.0 or Microsoft Graph support
 * instead (an MSP engineer with a Java application was sent to a printer panel, persona round 5, C10).
 */
export const APP_WHERE_PATHS: readonly FactPath[] = [
  "device.host",
  "device.port",
  "device.security",
  "device.tlsVersion",
  "device.auth",
  "device.authMechanism",
  "device.username",
  "device.from",
  "device.oauthSupported",
  "device.oauthFlow",
  "device.provider",
  "device.reply",
];

/**
 * The question for a fact; with the case, its directions fit what sends the mail (an application's, see APP_WHERE_PATHS),
 * and the model's examples are the chosen maker's (they were a Canon's and a Sharp's after Brother was chosen, persona
 * round 8, #16).
 */
export function question(path: FactPath, c?: Case): Question {
  const q = QUESTIONS[path];
  const vendor = c?.device?.vendor;
  if (vendor === "app" && HISTORY_PATHS.includes(path)) return { ...q, prompt: `questions.${path}.q.app` as MessageKey, where: `questions.${path}.where.app` as MessageKey };
  if (vendor === "app" && APP_WHERE_PATHS.includes(path)) return { ...q, where: `questions.${path}.where.app` as MessageKey, input: appChoices(q.input) };
  if (path === "device.model" && vendor !== undefined && isKnownVendor(vendor)) return { ...q, where: `questions.device.model.where.${vendor}` };
  return q;
}

/**
 * An application's answers where a device's words do not fit it (`<label>.app`): the connection security's STARTTLS read "some
 * devices call it \"TLS\"" to a .NET application's owner (persona 9b).
 */
function appChoices(input: QuestionInput): QuestionInput {
  if (input.type !== "choice") return input;
  return { ...input, choices: input.choices.map((c) => (hasKey(`${c.label}.app`) ? { ...c, label: `${c.label}.app` as MessageKey } : c)) };
}

/**
 * A question as it is asked: of the device, or of the application (`c`, see senderParams). An application's walk asked
 * "Which SMTP server (host name) is the device set to send through?" under "Step 2 of 6: The application".
 */
export function promptText(lang: Lang, q: Pick<Question, "prompt">, c?: Pick<Case, "device">): string {
  return t(lang, q.prompt, senderParams(lang, c));
}

/**
 * A question's directions (`key`: its `where`, or its `adminWhere` for the admin), naming what sends the mail as the case does
 * (`c`, see senderParams): an application's Conditional Access check read "… blocks the device's sign-in".
 */
export function whereText(lang: Lang, key: MessageKey, c?: Pick<Case, "device">): string {
  return t(lang, key, senderParams(lang, c));
}

/** Every fact path has a question (checked by a test). */
export const QUESTION_PATHS: readonly FactPath[] = FACT_PATHS;

// ---- answers typed as text -------------------------------------------------------------------

export type Parsed = { ok: true; value: unknown } | { ok: false; error: MessageKey };

/** The longest paste the wizard takes: what a case file holds as device.reply. */
export const MAX_PASTE_CHARS = REPLY_MAX_LENGTH;

/**
 * A paste as a case file can hold it (device.reply, MAX_PASTE_CHARS): a longer one keeps its last lines, where a debug log or a
 * transcript ends with the error, from the first whole line. It was refused whole and the field emptied, after the wizard itself
 * had asked for a debug log (a persona's 228 KB smtplib log, persona round 7).
 */
export function pasteTail(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_PASTE_CHARS) return { text, cut: false };
  const tail = text.slice(text.length - MAX_PASTE_CHARS);
  const firstBreak = tail.indexOf("\n");
  return { text: (firstBreak >= 0 && firstBreak < tail.length - 1 ? tail.slice(firstBreak + 1) : tail).trim(), cut: true };
}

/** Turn typed text into a fact value; empty text is "I don't know" and is handled by the caller. */
export function parseTextAnswer(input: QuestionInput, raw: string): Parsed {
  const text = raw.trim();
  switch (input.type) {
    case "port": {
      // Full-width digits from a Japanese IME ("５８７") are the same number (NFKC).
      const digits = text.normalize("NFKC");
      if (!/^\d{1,5}$/.test(digits)) return { ok: false, error: "questions.err.port" };
      const n = Number(digits);
      return n >= 1 && n <= 65535 ? { ok: true, value: n } : { ok: false, error: "questions.err.port" };
    }
    case "date": {
      const date = text.normalize("NFKC");
      return isIsoDate(date) ? { ok: true, value: date } : { ok: false, error: "questions.err.date" };
    }
    case "text":
      // eslint-disable-next-line no-control-regex
      if (text.length > input.maxLength || /[\u0000-\u001f\u007f]/.test(text)) return { ok: false, error: "questions.err.text" };
      return { ok: true, value: text };
    case "paste":
      // Any length: a paste longer than a case file holds keeps its end (pasteTail), where a log's error is.
      return { ok: true, value: text };
    case "policy":
    case "choice":
      return { ok: true, value: text };
  }
}

/**
 * The warning for an answer that is taken but looks wrong, or undefined: a device user name that is no
 * full address (Microsoft 365 signs in only with the UPN). The wizard says it once and keeps the answer
 * on a second Enter: the device may really have it, and the diagnosis then names the cause.
 */
export function answerWarning(path: FactPath, value: unknown): MessageKey | undefined {
  return path === "device.username" && typeof value === "string" && value !== "" && !isFullAddress(value) ? "questions.device.username.notAddress" : undefined;
}

/**
 * The text a question's field starts with when nothing is recorded: the day it stopped starts at the case's date (today, unless
 * the case is read at another): the person changes it, or empties it for "I don't know".
 */
export function suggestedAnswer(path: FactPath, c: Case, today: string | undefined): string | undefined {
  return path === "history.stoppedOn" ? (c.asOf ?? today) : undefined;
}

/** The text a question's field opens with (the wizard's and plain mode's): the answer recorded, else the suggestion, if any. */
export function openingAnswer(path: FactPath, value: unknown, c: Case, today: string | undefined): string | undefined {
  return value === undefined || value === null ? suggestedAnswer(path, c, today) : String(value);
}

/** A date refused for its day: the day it stopped cannot come after the case's date (today, unless the case is read at another). */
export function dateAnswerError(path: FactPath, value: unknown, c: Case, today: string | undefined): MessageKey | undefined {
  return path === "history.stoppedOn" && stoppedAfter(value, c.asOf ?? today) ? "questions.err.dateFuture" : undefined;
}

/** A policy value from the choice made and the typed name. */
export function policyValue(choice: "none" | "allows" | "blocks", name: string): Parsed {
  if (choice === "none") return { ok: true, value: null };
  const n = name.trim();
  // eslint-disable-next-line no-control-regex
  if (n.length < 1 || n.length > 256 || /[\u0000-\u001f\u007f]/.test(n)) return { ok: false, error: "questions.err.policyName" };
  const value: AuthPolicy = { name: n, allowBasicAuthSmtp: choice === "allows" };
  return { ok: true, value };
}

/** How a current value maps back to a choice index (to preselect it when the user comes back). */
export function choiceIndex(choicesList: readonly Choice[], value: unknown): number {
  return choicesList.findIndex((c) => Object.is(c.value, value));
}
