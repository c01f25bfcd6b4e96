// Removing secrets from text the user pasted or a transcript we recorded: AUTH payloads
// (base64 user names, passwords, XOAUTH2 blobs), bearer tokens, and password=… pairs.
const REDACTED = "[redacted]";

export function redactSecrets(text: string): string {
  const lines = text.split(/(\r?\n)/);
  let expectCredential = false;
  for (let i = 0; i < lines.length; i += 2) {
    let line = lines[i] as string;
    const body = stripTranscriptPrefix(line);
    if (expectCredential && /^[A-Za-z0-9+/=]{2,}$/.test(body.trim())) {
      line = line.replace(body.trim(), REDACTED);
      lines[i] = line;
      expectCredential = false;
      continue;
    }
    // "AUTH PLAIN <b64>", "AUTH LOGIN <b64>", "AUTH XOAUTH2 <b64>"
    line = line.replace(/\b(AUTH\s+(?:PLAIN|LOGIN|XOAUTH2|CRAM-MD5|NTLM))\s+[A-Za-z0-9+/=._-]{4,}/gi, `$1 ${REDACTED}`);
    // A 334 challenge means the next client line is a credential.
    expectCredential = /^\s*334\b/.test(body);
    line = line.replace(/\b(Bearer\s+)[A-Za-z0-9\-_.~+/]+=*/g, `$1${REDACTED}`);
    line = line.replace(/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g, REDACTED);
    line = line.replace(/\b(pass(?:word)?|pwd|secret|client_secret|access_token|refresh_token|token)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, `$1$2${REDACTED}`);
    lines[i] = line;
  }
  return lines.join("");
}

/** "C: ", "S: ", "Tx: ", ">>> ", "<<< ", "[C]" and timestamps in front of a transcript line. */
function stripTranscriptPrefix(line: string): string {
  return line.replace(/^\s*(?:\[?[\d:.T\-Z ]+\]?\s+)?(?:[CS]:|Tx:|Rx:|>>>|<<<|->|<-|\[[CS]\])?\s*/i, "");
}
