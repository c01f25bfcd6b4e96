// A streaming CSV reader for PowerShell and portal exports: quoted fields (with commas, doubled
// quotes and line breaks inside), CRLF or LF, an optional `#TYPE …` first line (Export-Csv without
// -NoTypeInformation), and `,`, `;` or tab as the separator (Export-Csv -UseCulture). Text arrives in
// chunks; complete rows are handed to a callback with the line they start on. A file that ends inside
// a quoted field, or a row whose field count differs from the header's, is an error naming the line.
import { badInput } from "../errors.js";

export interface CsvRowSink {
  /** May return which columns are needed: the others are parsed but not kept (they read as ""). */
  header(fields: string[], line: number): readonly boolean[] | void;
  row(fields: string[], line: number): void;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvReader {
  private buf = "";
  private line = 1;
  private sep = -1;
  private width = -1;
  private started = false;
  private rows = 0;
  private keep: readonly boolean[] | undefined;

  constructor(
    private readonly file: string,
    private readonly sink: CsvRowSink,
  ) {}

  /** Rows seen after the header. */
  get rowCount(): number {
    return this.rows;
  }

  push(text: string): void {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    this.consume(false);
  }

  end(): void {
    this.consume(true);
    if (!this.started) throw badInput("audit.csv-empty", "audit.err.empty", { file: this.file });
  }

  private consume(final: boolean): void {
    const buf = this.buf;
    let pos = 0;
    for (;;) {
      if (!this.started) {
        // Skip a PowerShell type line and blank lines before the header.
        const nl = buf.indexOf("\n", pos);
        if (nl === -1 && !final) break;
        const end = nl === -1 ? buf.length : nl;
        const first = buf.slice(pos, end).replace(/\r$/, "");
        if (first.trim() === "" || first.startsWith("#TYPE") || first.startsWith("#")) {
          if (nl === -1) {
            pos = buf.length;
            break;
          }
          pos = nl + 1;
          this.line++;
          continue;
        }
        if (this.sep === -1) this.sep = pickSeparator(first);
      }
      if (pos >= buf.length) break;
      const parsed = this.parseRow(buf, pos, final);
      if (parsed === null) break;
      const { fields, next } = parsed;
      const lines = countLfIn(buf, pos, next) + (next >= buf.length && !endsWithNewline(buf) ? 1 : 0);
      const startLine = this.line;
      this.line += lines;
      pos = next;
      if (fields.length === 1 && fields[0] === "") continue; // blank line
      if (!this.started) {
        this.started = true;
        this.width = fields.length;
        const keep = this.sink.header(fields, startLine);
        if (keep) this.keep = keep;
        continue;
      }
      if (fields.length !== this.width) {
        if (final && next >= buf.length && fields.length < this.width && !endsWithNewline(buf)) {
          throw badInput("audit.csv-truncated", "audit.err.truncated", { file: this.file, line: startLine });
        }
        throw badInput("audit.csv-width", "audit.err.csvWidth", { file: this.file, line: startLine, found: fields.length, expected: this.width });
      }
      this.rows++;
      this.sink.row(fields, startLine);
    }
    this.buf = pos >= buf.length ? "" : buf.slice(pos);
  }

  /** One row starting at `pos`, or null when the buffer ends before the row does (more text needed). */
  private parseRow(buf: string, pos: number, final: boolean): { fields: string[]; next: number } | null {
    const fields: string[] = [];
    const sep = this.sep;
    const n = buf.length;
    let p = pos;
    for (;;) {
      if (p < n && buf.charCodeAt(p) === QUOTE) {
        let i = p + 1;
        let escaped = false;
        let end = -1;
        for (;;) {
          const j = buf.indexOf('"', i);
          if (j === -1) break;
          if (j + 1 < n && buf.charCodeAt(j + 1) === QUOTE) {
            escaped = true;
            i = j + 2;
            continue;
          }
          if (j + 1 >= n && !final) break; // could be the first half of a doubled quote
          end = j;
          break;
        }
        if (end === -1) {
          if (!final) return null;
          throw badInput("audit.csv-truncated", "audit.err.truncated", { file: this.file, line: this.line + countLfIn(buf, pos, p) });
        }
        if (this.keep === undefined || this.keep[fields.length] === true) {
          const value = buf.slice(p + 1, end);
          fields.push(escaped ? value.replaceAll('""', '"') : value);
        } else fields.push("");
        p = end + 1;
        if (p >= n) {
          if (!final) return null;
          return { fields, next: p };
        }
        const c = buf.charCodeAt(p);
        if (c === sep) {
          p++;
          continue;
        }
        if (c === LF) return { fields, next: p + 1 };
        if (c === CR) {
          if (p + 1 >= n && !final) return null;
          return { fields, next: buf.charCodeAt(p + 1) === LF ? p + 2 : p + 1 };
        }
        throw badInput("audit.csv-malformed", "audit.err.csvQuote", { file: this.file, line: this.line + countLfIn(buf, pos, p) });
      }
      // Unquoted field: up to the separator or the end of the line.
      let i = p;
      while (i < n) {
        const c = buf.charCodeAt(i);
        if (c === sep || c === LF || c === CR) break;
        i++;
      }
      const wanted = this.keep === undefined || this.keep[fields.length] === true;
      if (i >= n) {
        if (!final) return null;
        // A file that stops right after a separator was cut there (exports end with a line break).
        if (i === p && fields.length > 0) throw badInput("audit.csv-truncated", "audit.err.truncated", { file: this.file, line: this.line + countLfIn(buf, pos, p) });
        fields.push(wanted ? buf.slice(p, i) : "");
        return { fields, next: i };
      }
      fields.push(wanted ? buf.slice(p, i) : "");
      const c = buf.charCodeAt(i);
      if (c === sep) {
        p = i + 1;
        continue;
      }
      if (c === LF) return { fields, next: i + 1 };
      if (i + 1 >= n && !final) return null;
      return { fields, next: buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
    }
  }
}

function countLfIn(s: string, from: number, to: number): number {
  let n = 0;
  let i = s.indexOf("\n", from);
  while (i !== -1 && i < to) {
    n++;
    i = s.indexOf("\n", i + 1);
  }
  return n;
}

function endsWithNewline(buf: string): boolean {
  return buf.endsWith("\n") || buf.endsWith("\r");
}

/** The separator of a header line: the one among , ; TAB that occurs outside quotes most often. */
export function pickSeparator(headerLine: string): number {
  const counts = new Map<number, number>([
    [44, 0],
    [59, 0],
    [9, 0],
  ]);
  let inQuote = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) inQuote = !inQuote;
    else if (!inQuote && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1);
  }
  let best = 44;
  let bestCount = counts.get(44) as number;
  for (const [c, k] of counts) {
    if (k > bestCount) {
      best = c;
      bestCount = k;
    }
  }
  return best;
}
