// Removing secrets from text the user pasted or a transcript we recorded: AUTH payloads
// (base64 user names, passwords, XOAUTH2 blobs), bearer tokens, and password=… pairs.
const REDACTED = "[redacted]";
const MECHANISMS = "PLAIN|LOGIN|XOAUTH2|CRAM-MD5|NTLM|GSSAPI|OAUTHBEARER";
/**
 * A blank within a line: what [^\S\n] matches (\s without the line feed), written out. The same characters, with or without the
 * i flag (none has another case; test/unit/redact-blank.test.ts checks every UTF-16 unit), but V8 compiles [^\S\n] under i by
 * closing the set it negates, nearly all of Unicode, over case (ICU): about 1 M instructions each time it is written, ~7.6 M
 * for SECRET_WORDS, at the first redaction check of every run (issue 15). This class is closed over case at almost no cost.
 */
export const BLANK = String.raw`[\t\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]`;
/** "AUTH PLAIN <b64>" and the like from a client (IMAP's "a1 AUTHENTICATE PLAIN <b64>" too; not a capability list, whose next word is another mechanism). */
const AUTH_PAYLOAD = new RegExp(`\\b(AUTH(?:ENTICATE)?\\s+(?:${MECHANISMS}))\\s+(?!(?:${MECHANISMS})\\b)[A-Za-z0-9+/=._-]{4,}`, "gi");
/**
 * What every match of AUTH_PAYLOAD starts with: "AUTH", a mechanism and a blank ("Authentication" or "SMTP AUTH is disabled" in a reply has none).
 * Blanks within a line: the rules run line by line, and a capability list ("250-AUTH LOGIN" at the end of its line) has no payload after it.
 */
const AUTH_WORD = new RegExp(`auth(?:enticate)?${BLANK}+(?:${MECHANISMS})${BLANK}`, "i");
/**
 * What every match of the key=value pattern below contains: one of its words, then (after the rest
 * of the word) an optional quote, blanks and "=" or ":". "Password not accepted" in a reply has none.
 */
const KEY_HINT = /(?:pass|pwd|secret|token)\w*["']?\s*[=:]/i;
/**
 * A person testing by hand who typed another protocol's sign-in into the session (email-oauth2-proxy #372: an IMAP login typed
 * into SMTP, answered "500 5.3.3 Unrecognized command"): IMAP's "<tag> LOGIN <user> <password>" and POP3's "PASS <password>",
 * each the whole line after the transcript's prefix. The password is the last word (or quoted string).
 */
const IMAP_LOGIN = new RegExp(String.raw`^((?![2-5]\d\d\b)(?:[A-Za-z]{0,3}\d{1,6}|[A-Za-z.])${BLANK}+login${BLANK}+(?!(?:or|and|for|with|to|of|is|was|failed|denied|error|incorrect|invalid|attempts?)(?:${BLANK}|$))(?:"(?:[^"\\\n]|\\.)*"|[^\s"]\S*)${BLANK}+)("(?:[^"\\\n]|\\.)*"|[^\s"]\S*)(${BLANK}*)$`, "i");
const POP_PASS = new RegExp(String.raw`^(pass${BLANK}+)(\S+)(${BLANK}*)$`, "i");
/**
 * What a text holds where IMAP_LOGIN or POP_PASS may change a line, or an IMAP AUTHENTICATE may be answered after its "+": "login"
 * and two words, "pass" and a word, or "authenticate" and a mechanism. (IMAP's tag is short, as clients and people write it: "a1", "A001", "a",
 * "."; a word such as "Bad" or "Error", or a reply's code, is not one, and "login or password" is a sentence, not a user name.)
 */
const TYPED_LOGIN = new RegExp(`login${BLANK}+\\S+${BLANK}+\\S|\\bpass${BLANK}+\\S|authenticate${BLANK}+(?:${MECHANISMS})`, "i");

/**
 * A SASL initial response that carries a bearer token, wherever it stands: XOAUTH2's base64 of "user=…\x01auth=Bearer …"
 * starts "dXNlcj", OAUTHBEARER's of "n,a=…" or "n,,…" starts "bixh" or "biws" (a Postfix debug log puts it on a line of its
 * own after a bare "334", behind prefixes no rule below knows: fifth hunt #28 showed the whole token).
 */
const SASL_TOKEN = /\b(?:dXNlcj|bixh|biws)[A-Za-z0-9+/]{12,}={0,2}/g;
const SASL_TOKEN_HINT = /dXNlcj|bixh|biws/;
/** A client line that is only a base64 credential, possibly quoted with an escaped line end (Python: b'…\r\n'). */
const CREDENTIAL = /^(?:b?['"])?[A-Za-z0-9+/]{2,}={0,2}(?:\\r\\n|\\n)?(?:['"])?$/;

/**
 * The word "password" in the languages servers and devices use: a 334 challenge that asks for it
 * (base64 as on the wire, e.g. "334 UGFzc3dvcmQ6", or decoded by a log, "334 Password:") means
 * the next client line is the password, whatever the log puts in front of it.
 */
const PASSWORD_WORD = /pass(?:word|wort|wd)?\b|パスワード|密码|密碼|kennwort|mot de passe|contrase(?:ñ|n)a|senha|wachtwoord|has(?:ł|l)o|l(?:ö|o)senord|adgangskode|salasana|비밀번호|пароль/i;

/** Is this line a 334 challenge asking for a password (in any language, base64 or decoded)? */
export function isPasswordPrompt(line: string): boolean {
  if (!line.includes("334")) return false;
  const m = /(?:^|[^0-9A-Za-z])334(?:[ -]|$)\s*(.*)$/.exec(line);
  if (!m) return false;
  const payload = (m[1] as string).trim().replace(/^['"]|(?:\\r\\n|\\n)?['"]?$/g, "");
  if (PASSWORD_WORD.test(payload)) return true;
  const word = /^[A-Za-z0-9+/]{4,}={0,2}/.exec(payload)?.[0];
  if (!word) return false;
  return PASSWORD_WORD.test(Buffer.from(word, "base64").toString("utf8"));
}

/** A server reply line (so not a client's credential): "535 …", "S: 235 …", "<~* 535 …", "5.7.139". */
function isServerReply(line: string, body: string): boolean {
  return /^(?:b?['"])?[2-5]\d\d(?:[ -]|$)/.test(body) || /(?:^|\s)[2-5]\d\d[ -][2-5]\.\d{1,3}\.\d{1,3}\b/.test(line);
}

/** The credential of a client line after a password prompt: the base64 word at its end, or (a log that decoded it) all after its prefix. */
function redactPasswordLine(line: string): string {
  const b64 = /^(.*?)(?:b?['"])?[A-Za-z0-9+/]{2,}={0,2}(?:\\r\\n|\\n)?(?:['"])?(\s*)$/.exec(line);
  if (b64 && (b64[1] === "" || /[\s:>\]]$/.test(b64[1] as string))) return `${b64[1]}${REDACTED}${b64[2]}`;
  const body = stripTranscriptPrefix(line);
  let prefix = line.slice(0, line.length - body.length);
  if (prefix.trim() === "") prefix = /^\s*\S+?[:>\]]\s+/.exec(line)?.[0] ?? /^\s*/.exec(line)?.[0] ?? "";
  return `${prefix}${REDACTED}`;
}

/**
 * Whether the text can hold a secret that redactSecrets() removes: every rule there needs one of these
 * words in the line it changes (most pasted replies have none, and most lines of a transcript).
 */
export function mayHoldSecret(text: string): boolean {
  return SECRET_LITERAL.test(text) || SECRET_WORDS.test(text);
}
/** mayHoldSecret's words of fixed case, in one search: "334", "Bearer", "eyJ" and SASL_TOKEN_HINT's. */
const SECRET_LITERAL = new RegExp(`334|Bearer|eyJ|${SASL_TOKEN_HINT.source}`);
/** mayHoldSecret's words of any case, in one search: AUTH_WORD's, KEY_HINT's and TYPED_LOGIN's alternatives (any matches where this does). */
const SECRET_WORDS = new RegExp(`${AUTH_WORD.source}|${KEY_HINT.source}|${TYPED_LOGIN.source}`, "i");

export function redactSecrets(text: string): string {
  if (!mayHoldSecret(text)) return text;
  const lines = text.split(/(\r?\n)/);
  let expectCredential = false;
  let expectPassword = false;
  for (let i = 0; i < lines.length; i += 2) {
    let line = lines[i] as string;
    // A line without those words, when no credential is due after a 334, is left as it is.
    if (!expectPassword && !expectCredential && !mayHoldSecret(line) && !line.includes("+")) continue;
    const body = stripTranscriptPrefix(line).trim();
    if (body === "") continue;
    if (expectPassword) {
      expectPassword = false;
      expectCredential = false;
      if (!isServerReply(line, body) && !isPasswordPrompt(line)) {
        lines[i] = redactPasswordLine(line);
        continue;
      }
    }
    if (isPasswordPrompt(line)) {
      expectPassword = true;
      continue;
    }
    if (expectCredential && CREDENTIAL.test(body)) {
      lines[i] = line.slice(0, line.lastIndexOf(body)) + REDACTED + line.slice(line.lastIndexOf(body) + body.length);
      expectCredential = false;
      continue;
    }
    // A 334 challenge (SMTP) or a "+" continuation (IMAP's AUTHENTICATE) means the next client line is a credential.
    expectCredential = /^(?:b?['"])?334\b/.test(body) || /^\+(?:[^\S\n]|$)/.test(body);
    // Another protocol's sign-in typed by hand (IMAP_LOGIN, POP_PASS): the password at the end of the line.
    // (Read on the line without its prefix, then on the whole line, then on the prefix's last word and the body: a tag such as "1"
    // or "." reads as part of the prefix's timestamp, alone or after a real one: "2026-11-20 10:00:01 1 LOGIN joe secret".)
    if (TYPED_LOGIN.test(line)) {
      let typedLine: string | undefined;
      for (const part of [body, line.trim(), tagAndBody(line, body)]) {
        if (part === undefined) continue;
        const typed = part.replace(IMAP_LOGIN, `$1${REDACTED}$3`).replace(POP_PASS, `$1${REDACTED}$3`);
        if (typed === part) continue;
        const at = line.lastIndexOf(part);
        typedLine = line.slice(0, at) + typed + line.slice(at + part.length);
        break;
      }
      if (typedLine !== undefined) {
        lines[i] = typedLine;
        continue;
      }
    }
    // Each pattern below runs only on a line with its own word: most lines have none.
    // "AUTH PLAIN <b64>", "AUTH LOGIN <b64>", "AUTH XOAUTH2 <b64>" from a client — but not the
    // server's capability list ("250-AUTH LOGIN XOAUTH2"), whose next word is another mechanism.
    if (AUTH_WORD.test(line) && !/^(?:b?['"])?250[ -]/.test(body)) line = line.replace(AUTH_PAYLOAD, `$1 ${REDACTED}`);
    if (line.includes("Bearer")) line = line.replace(/\b(Bearer\s+)[A-Za-z0-9\-_.~+/]+=*/g, `$1${REDACTED}`);
    if (SASL_TOKEN_HINT.test(line)) line = line.replace(SASL_TOKEN, REDACTED);
    if (line.includes("eyJ")) line = line.replace(/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g, REDACTED);
    // key=value / key: value where the key names a secret, also as part of a longer key
    // (smtp_password=, SMTP_PASS:, mail.smtp.password=, client_secret=, access_token: …).
    if (KEY_HINT.test(line)) line = line.replace(/\b([\w.-]*?(?:pass(?:wd|word)?|pwd|secret|token))(["']?\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, `$1$2${REDACTED}`);
    lines[i] = line;
  }
  return lines.join("");
}

/**
 * The last word of the transcript prefix stripped from `line` and the body after it, when that word can be an IMAP tag (digits, or
 * "."), which the prefix's timestamp takes for its own: "2026-11-20 10:00:01 1 LOGIN …" → "1 LOGIN …". Otherwise undefined.
 */
function tagAndBody(line: string, body: string): string | undefined {
  const at = line.lastIndexOf(body);
  if (at <= 0) return undefined;
  const tag = /(?<=^|\s)(?:\d{1,6}|\.)[^\S\n]+$/.exec(line.slice(0, at));
  return tag ? line.slice(tag.index, at + body.length) : undefined;
}

/**
 * Transcript decorations in front of a line: timestamps, "C:"/"S:", "Tx:"/"Rx:" (and "[Tx]"/"[Rx]"), ">>>"/"<<<",
 * curl -v "<"/">", PHPMailer "CLIENT -> SERVER:", Python smtplib "send:"/"reply:".
 */
function stripTranscriptPrefix(line: string): string {
  return line.replace(
    /^\s*(?:\[?[\d:.T\-Z/ ]+\]?\s+)?(?:[CS]:|Tx:|Rx:|>>>|<<<|->|<-|\[(?:[CS]|Tx|Rx)\]|<|>|(?:CLIENT|SERVER)\s*->\s*(?:CLIENT|SERVER)\s*:|send:|reply:)?\s*/i,
    "",
  );
}
