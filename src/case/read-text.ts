// A whole stream read as text within a size limit: its own module so that a command that reads a paste (explain -)
// does not load the case schema and its validator with the case files' reader (./io.ts), about 2 ms of its start.
import type { AppError } from "../errors.js";
import { decodeText } from "./encoding.js";

/** A whole stream as text (UTF-8, or UTF-16 with its mark: see ./encoding.ts), refusing (with the caller's error) once it passes maxBytes. */
export async function readTextBounded(stream: NodeJS.ReadableStream, maxBytes: number, tooLarge: () => AppError): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBytes) throw tooLarge();
    chunks.push(buf);
  }
  return decodeText(Buffer.concat(chunks));
}
