// Reading an export file as text, a chunk at a time: the encoding is taken from the byte-order mark
// (PowerShell writes UTF-16LE with a BOM for `>` in Windows PowerShell 5.1, UTF-8 with a BOM for
// `-Encoding UTF8`), or guessed for BOM-less UTF-16; anything that is not valid text is refused with
// the line where it went wrong.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { AppError, badInput } from "../errors.js";
import { guessEncoding, type TextEncodingName } from "../case/encoding.js";

export type { TextEncodingName } from "../case/encoding.js";

export interface TextChunkReader {
  encoding: TextEncodingName;
  size: number;
  /** Decoded text chunks (BOM removed). `onBytes` reports the bytes consumed so far, for progress. */
  chunks(onBytes?: (bytesRead: number) => void): AsyncGenerator<string>;
}

/**
 * Open a file for chunked text reading; missing files, directories and binary files are bad input.
 * The file is read 256 KiB at a time (few trips to the thread pool) but decoded and handed on 32 KiB
 * at a time: each text chunk stays below V8's large-object size, so it is collected young (1 MiB
 * text chunks went to the old generation and made the peak memory grow with the file's size).
 */
export async function openTextFile(path: string, chunkBytes = 1 << 18): Promise<TextChunkReader> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw badInput("audit.input-unreadable", "common.err.fileUnreadable", { file: path, reason: "not a file" });
    size = s.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw badInput("audit.input-missing", "common.err.fileMissing", { file: path });
    throw badInput("audit.input-unreadable", "common.err.fileUnreadable", { file: path, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  if (size === 0) throw badInput("audit.input-empty", "audit.err.empty", { file: path });
  const head = await readHead(path, 4096);
  const { encoding, bomBytes } = sniffEncoding(head, path);
  return {
    encoding,
    size,
    chunks: (onBytes) => decodeChunks(path, encoding, bomBytes, chunkBytes, onBytes),
  };
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of createReadStream(path, { start: 0, end: n - 1 })) {
      parts.push(chunk as Buffer);
      total += (chunk as Buffer).length;
    }
  } catch (e) {
    throw badInput("audit.input-unreadable", "common.err.fileUnreadable", { file: path, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  return Buffer.concat(parts, total);
}

/** Decide the encoding from the first bytes (src/case/encoding.ts), refusing a workbook and a binary file. Exported for tests. */
export function sniffEncoding(head: Buffer, file: string): { encoding: TextEncodingName; bomBytes: number } {
  const guess = guessEncoding(head);
  if (guess.bomBytes > 0) return guess;
  if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) throw badInput("audit.input-binary", "audit.err.workbook", { file });
  if (guess.encoding === "utf-8" && head.includes(0)) throw badInput("audit.input-binary", "audit.err.binary", { file });
  return guess;
}

const DECODE_BYTES = 1 << 15;

async function* decodeChunks(
  path: string,
  encoding: TextEncodingName,
  bomBytes: number,
  chunkBytes: number,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let bytes = 0;
  let lines = 1;
  const stream = createReadStream(path, { start: bomBytes, highWaterMark: chunkBytes });
  try {
    for await (const raw of stream) {
      const read = raw as Buffer;
      for (let off = 0; off < read.length; off += DECODE_BYTES) {
        const chunk = read.subarray(off, off + DECODE_BYTES);
        bytes += chunk.length;
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw encodingError(path, encoding, lines + (encoding === "utf-8" ? newlinesBeforeInvalidUtf8(chunk) : 0));
        }
        if (text.length > 0) {
          // A NUL character is binary data in any encoding (in UTF-16 it was read as a character of a display name).
          if (text.includes("\u0000")) throw badInput("audit.input-binary", "audit.err.binary", { file: path });
          lines += countNewlines(text);
          onBytes?.(bytes + bomBytes);
          yield text;
        }
      }
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw badInput("audit.input-truncated", "audit.err.truncatedEncoding", { file: path, line: lines });
    }
    if (tail.length > 0) yield tail;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badInput("audit.input-unreadable", "common.err.fileUnreadable", { file: path, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  } finally {
    stream.destroy();
  }
}

function encodingError(file: string, encoding: TextEncodingName, line: number): AppError {
  return badInput("audit.input-encoding", "audit.err.encoding", { file, line, encoding: encoding.toUpperCase() });
}

export function countNewlines(text: string): number {
  let n = 0;
  let i = text.indexOf("\n");
  while (i !== -1) {
    n++;
    i = text.indexOf("\n", i + 1);
  }
  return n;
}

/** Newlines before the first invalid UTF-8 sequence of a chunk (for the line number in the error). */
function newlinesBeforeInvalidUtf8(buf: Buffer): number {
  let n = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    if (b === 0x0a) n++;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    if (len === 0 || b > 0xf4) return n;
    for (let k = 1; k < len; k++) {
      if (i + k >= buf.length) return n;
      if (((buf[i + k] as number) & 0xc0) !== 0x80) return n;
    }
    i += len;
  }
  return n;
}
