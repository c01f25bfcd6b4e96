// A pasted error can carry credentials (a transcript's AUTH payloads, a config line with a
// password). They are removed the moment the paste enters the flow, so that no screen, file or
// report can show them: the case redactor, the reply parser's transcript rule, and key=value
// lines whose key only contains a secret word (smtp_password=…, SMTP_PASS: …), which the case
// redactor's word-boundary rule misses.
import { redactSecrets } from "../case/redact.js";
import { redactTranscriptCredentials } from "../replies/redact-extra.js";

const SECRET_KEY = /\b([A-Za-z0-9_.-]*(?:pass(?:word|wd)?|pwd|secret|token|credential)[A-Za-z0-9_.-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi;

export function redactPaste(text: string): string {
  return redactTranscriptCredentials(redactSecrets(text)).replace(SECRET_KEY, (whole, key: string, sep: string, value: string) =>
    value === "[redacted]" ? whole : `${key}${sep}[redacted]`,
  );
}
