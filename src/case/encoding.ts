// The text of a file or a stream whose encoding the person did not choose: Windows PowerShell 5.1 writes UTF-16LE with a
// byte-order mark for `>` and `Out-File`, `-Encoding UTF8` adds a UTF-8 mark, and a case file written there was refused
// as "not valid JSON (Unexpected token '�', "��{\x00 …")" (persona round 6, P6-15). The audit's exports are read the same
// way (src/audit/decode.ts sniffEncoding, which also refuses workbooks and binary files).

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

/** The encoding the first bytes show (a byte-order mark, or UTF-16 without one: most ASCII characters leave every other byte zero), and the mark's length. */
export function guessEncoding(head: Uint8Array): { encoding: TextEncodingName; bomBytes: number } {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomBytes: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
  if (head.length >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    const n = Math.min(head.length, 512) & ~1;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZeros++;
      if (head[i + 1] === 0) oddZeros++;
    }
    // A few zeros on the other side are characters whose low byte is zero (一 U+4E00, the ideographic space U+3000, a
    // surrogate D800): one of them made a case file's UTF-16 read as UTF-8 ("not valid JSON").
    if (oddZeros > n / 4 && evenZeros * 8 <= oddZeros) return { encoding: "utf-16le", bomBytes: 0 };
    if (evenZeros > n / 4 && oddZeros * 8 <= evenZeros) return { encoding: "utf-16be", bomBytes: 0 };
  }
  return { encoding: "utf-8", bomBytes: 0 };
}

/** The bytes as text in the encoding they show, without the byte-order mark (invalid sequences become U+FFFD, as a UTF-8 read did). */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bomBytes } = guessEncoding(bytes);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bomBytes));
}
