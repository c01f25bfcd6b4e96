// What the reply parser finds in a pasted error text. Produced by analyzeReply() in ./index.ts.
import type { ProviderId } from "../case/schema.js";
import type { NoteKey } from "../engine/keys.js";
import type { CauseId } from "../engine/types.js";

/** One SMTP reply, normalized: wrappers, host/timestamp suffixes and transcript prefixes removed. */
export interface SmtpReply {
  /** Basic status code, e.g. 535. Absent when the text carried only an enhanced code (e.g. "5.7.57 …"). */
  code?: number;
  /** Enhanced status code, e.g. "5.7.139". */
  enhanced?: string;
  /** Reply text after the codes, trimmed, suffix removed. */
  text: string;
  /** A canonical one-line form: "535 5.7.139 Authentication unsuccessful, …". */
  line: string;
}

/**
 * "token": a token request to Microsoft Entra ID (an OAuth client's, before any SMTP). "unknown": a device's or a program's words
 * that sending failed, which do not say at which step (signals.ts, GENERIC_FAILURE).
 */
export type ReplyStage = "connect" | "ehlo" | "tls" | "auth" | "mail-from" | "rcpt" | "data" | "ndr" | "network" | "token" | "unknown";

export interface ReplyMatch {
  /** Stable id of the pattern that matched, e.g. "auth-tenant-disabled". */
  patternId: string;
  reply: SmtpReply;
  stage: ReplyStage;
  /** Causes this reply points at. One cause and `decisive` = the reply names it. */
  candidates: CauseId[];
  /** True when the reply names its cause without ambiguity. */
  decisive: boolean;
  /** A success reply (235, 250 after DATA, 220 banner …). */
  success: boolean;
  /** The reply is in the form of this service (e.g. Google's "… - gsmtp"): its candidates are that service's causes already. */
  provider?: ProviderId;
  /** Remarks the pattern adds to the causes it points at (e.g. where that service's app password is made). */
  notes?: NoteKey[];
  /**
   * Candidates this reply allows but does not suggest first (the engine lists them after the others): "Authentication
   * Credentials Invalid" says the user name or password is wrong; an app password is a reason for that only at some services.
   */
  lessLikely?: CauseId[];
  /**
   * The sign-in this refusal answered, as the words before it on its line say ("through the client_credentials flow …",
   * "via … email and password …"): OAuth (XOAUTH2) or a password (LOGIN). Only where the line names one of them alone.
   */
  mechanism?: "XOAUTH2" | "LOGIN";
}

export interface ReplyAnalysis {
  /** The input as given, with AUTH payloads, passwords and tokens redacted (never logged: it can be long). */
  input: string;
  /** Every SMTP reply found, in order of appearance, nested echoes included once. */
  replies: SmtpReply[];
  /** Classified replies, most decisive and most specific first. */
  matches: ReplyMatch[];
  /** The match that best explains the failure (the innermost failure, e.g. the 535 inside a 5.7.57). */
  primary?: ReplyMatch;
  /** True when the text shows "235 … Authentication successful". */
  authSucceeded: boolean;
  /**
   * A second sign-in the text tells of, refused too, with the other method than the primary's (each named by the words
   * before it: MailKit #1733's XOAUTH2 with client credentials refused with 535 5.7.3, then the password with 5.7.139).
   */
  otherAttempt?: ReplyMatch;
  /** The AUTH mechanism the client used, when a transcript shows it (e.g. "AUTH XOAUTH2"). */
  mechanismTried?: "LOGIN" | "PLAIN" | "XOAUTH2" | "CRAM-MD5" | "NTLM";
  /** Which client wrapper was recognized: "dotnet", "python", "java", "nodemailer", "mailkit", "curl", "postfix", "transcript", "kyocera", "plain" … */
  client?: string;
  /** Text was recognized as something (true), or nothing SMTP-like was found (false). */
  recognized: boolean;
  /** The input was longer than 64 KiB; only its first 64 KiB were analyzed (and kept in `input`). */
  truncated?: boolean;
  /** The mail service the text shows (issue 10): "exchange-online" when Microsoft's cloud front ends answered. */
  provider?: { id: ProviderId; clue: string };
  /** Only a code was pasted ("5.7.139", "535"): the reply's text, which names the cause, is missing. */
  codeOnly?: true;
  /** A CI log hid parts of the text ("***"): codes or names may be incomplete. */
  masked?: true;
  /**
   * The user name a configuration pasted with the error sets ("AuthUser=customerservice" of ssmtp, "SMTP_USER=…"), and
   * its line as the clue: the engine reads its shape when the case records none (sixth hunt #16).
   */
  userName?: { value: string; clue: string };
  /**
   * The address of a personal Microsoft account (Outlook.com, Hotmail, Live) that an AUTH XOAUTH2 string in the text names
   * ("user=…" inside its base64, read before the string is redacted; the token itself is never kept): such an account has no
   * tenant (sixth hunt #28). A work address there is not kept.
   */
  oauthUser?: string;
  /**
   * The OAuth flow the text names: the client credentials grant (the app's own identity: "client_credentials",
   * AcquireTokenForClient) or a user's sign-in (the password grant, a device code, an authorization code). Only when the text
   * names one and not the other.
   */
  oauthFlow?: "app" | "delegated";
}
