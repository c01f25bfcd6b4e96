// Removing secrets from text the user pasted or a transcript we recorded: AUTH payloads
// (base64 user names, passwords, XOAUTH2 blobs), bearer tokens, and password=… pairs.
const REDACTED = "[redacted]";
const MECHANISMS = "PLAIN|LOGIN|XOAUTH2|CRAM-MD5|NTLM|GSSAPI|OAUTHBEARER";
/** A client line that is only a base64 credential, possibly quoted with an escaped line end (Python: b'…\r\n'). */
const CREDENTIAL = /^(?:b?['"])?[A-Za-z0-9+/]{2,}={0,2}(?:\\r\\n|\\n)?(?:['"])?$/;

export function redactSecrets(text: string): string {
  const lines = text.split(/(\r?\n)/);
  let expectCredential = false;
  for (let i = 0; i < lines.length; i += 2) {
    let line = lines[i] as string;
    const body = stripTranscriptPrefix(line).trim();
    if (body === "") continue;
    if (expectCredential && CREDENTIAL.test(body)) {
      lines[i] = line.slice(0, line.lastIndexOf(body)) + REDACTED + line.slice(line.lastIndexOf(body) + body.length);
      expectCredential = false;
      continue;
    }
    // A 334 challenge means the next client line is a credential.
    expectCredential = /^(?:b?['"])?334\b/.test(body);
    // "AUTH PLAIN <b64>", "AUTH LOGIN <b64>", "AUTH XOAUTH2 <b64>" from a client — but not the
    // server's capability list ("250-AUTH LOGIN XOAUTH2"), whose next word is another mechanism.
    if (!/^(?:b?['"])?250[ -]/.test(body)) {
      line = line.replace(new RegExp(`\\b(AUTH\\s+(?:${MECHANISMS}))\\s+(?!(?:${MECHANISMS})\\b)[A-Za-z0-9+/=._-]{4,}`, "gi"), `$1 ${REDACTED}`);
    }
    line = line.replace(/\b(Bearer\s+)[A-Za-z0-9\-_.~+/]+=*/g, `$1${REDACTED}`);
    line = line.replace(/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g, REDACTED);
    // key=value / key: value where the key names a secret, also as part of a longer key
    // (smtp_password=, SMTP_PASS:, mail.smtp.password=, client_secret=, access_token: …).
    line = line.replace(/\b([\w.-]*?(?:pass(?:wd|word)?|pwd|secret|token))(["']?\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, `$1$2${REDACTED}`);
    lines[i] = line;
  }
  return lines.join("");
}

/**
 * Transcript decorations in front of a line: timestamps, "C:"/"S:", "Tx:"/"Rx:", ">>>"/"<<<",
 * curl -v "<"/">", PHPMailer "CLIENT -> SERVER:", Python smtplib "send:"/"reply:".
 */
function stripTranscriptPrefix(line: string): string {
  return line.replace(
    /^\s*(?:\[?[\d:.T\-Z/ ]+\]?\s+)?(?:[CS]:|Tx:|Rx:|>>>|<<<|->|<-|\[[CS]\]|<|>|(?:CLIENT|SERVER)\s*->\s*(?:CLIENT|SERVER)\s*:|send:|reply:)?\s*/i,
    "",
  );
}
