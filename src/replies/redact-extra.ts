// Credentials in transcript forms that the case redactor does not know ("< 334" / "> <base64>" from curl -v,
// Python's "send: '<base64>\r\n'"): the line after a 334 challenge is a credential.
import { stripPrefix } from "./lines.js";

const REDACTED = "[redacted]";
const CREDENTIAL = /^(?:b?['"])?[A-Za-z0-9+/]{2,}={0,2}(?:\\r\\n|\\n)?(?:['"])?$/;

export function redactTranscriptCredentials(text: string): string {
  // Only a line after a 334 challenge is redacted here.
  if (!text.includes("334")) return text;
  const lines = text.split(/(\r?\n)/);
  let expectCredential = false;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i] as string;
    const { text: body } = stripPrefix(line);
    const trimmed = body.trim();
    if (trimmed === "") continue;
    if (expectCredential && CREDENTIAL.test(trimmed)) {
      lines[i] = line.slice(0, line.length - body.length) + REDACTED;
      continue;
    }
    expectCredential = /^(?:b?['"])?334\b/.test(trimmed);
  }
  return lines.join("");
}
