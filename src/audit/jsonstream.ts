// A streaming reader for the JSON shapes admins export: a top-level array of objects (ConvertTo-Json,
// the Entra portal's JSON download), a single object (ConvertTo-Json of one item,
// Get-TransportConfig), Microsoft Graph pages ({"value":[…], "@odata.nextLink":…}, one or several
// concatenated), and JSON Lines. Only one record is held in memory at a time; the text of each
// record is handed to JSON.parse on its own. Errors name the file and the line.
import { MAX_JSON_DEPTH } from "../case/json-limits.js";
import { badInput } from "../errors.js";

export type JsonRecordSink = (record: Record<string, unknown>, line: number) => void;

const MAX_RECORD_CHARS = 64 * 1024 * 1024;

const enum Mode {
  /** Between top-level values. */
  Top,
  /** Inside a top-level array: its elements are records. */
  Array,
  /** Inside a top-level object that may turn out to be a Graph page. */
  Object,
  /** Inside the "value" array of a Graph page. */
  Page,
  /** After the "value" array of a page, until the page object closes. */
  PageTail,
}

export class JsonRecordReader {
  private mode = Mode.Top;
  private depth = 0;
  private inString = false;
  private escape = false;
  private line = 1;
  /** Capture of the current record's text (parts from earlier chunks, and where it starts in this one). */
  private parts: string[] = [];
  private partsLength = 0;
  private capturing = false;
  private captureDepth = 0;
  private captureLine = 0;
  // Key tracking at depth 1 of a top-level object.
  private expectKey = false;
  private keyStart = -1;
  private keyText = "";
  private lastKey = "";
  private afterColon = false;
  private records = 0;
  private topValues = 0;

  constructor(
    private readonly file: string,
    private readonly sink: JsonRecordSink,
  ) {}

  get recordCount(): number {
    return this.records;
  }

  push(text: string): void {
    let captureFrom = this.capturing ? 0 : -1;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          i++;
          continue;
        }
        const j = text.indexOf('"', i);
        if (j === -1) {
          let k = n - 1;
          let bs = 0;
          while (k >= i && text.charCodeAt(k) === 92) {
            bs++;
            k--;
          }
          this.escape = bs % 2 === 1;
          i = n;
          break;
        }
        let k = j - 1;
        let bs = 0;
        while (k >= i && text.charCodeAt(k) === 92) {
          bs++;
          k--;
        }
        if (bs % 2 === 1) {
          i = j + 1;
          continue;
        }
        this.inString = false;
        if (this.keyStart >= 0) {
          this.keyText += text.slice(this.keyStart, j);
          this.lastKey = this.keyText;
          this.keyText = "";
          this.keyStart = -1;
        }
        i = j + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      switch (c) {
        case 10: // \n
          this.line++;
          break;
        case 32:
        case 9:
        case 13:
          break;
        case 34: // "
          this.inString = true;
          if (this.depth === 1 && (this.mode === Mode.Object || this.mode === Mode.PageTail) && this.expectKey) {
            this.keyStart = i + 1;
            this.keyText = "";
            this.expectKey = false;
          } else this.valueStart();
          break;
        case 123: // {
        case 91: {
          // [
          if (this.depth === 0) {
            this.topValues++;
            if (c === 91) {
              this.mode = Mode.Array;
            } else {
              this.mode = Mode.Object;
              this.expectKey = true;
              this.lastKey = "";
              this.startCapture(1);
              captureFrom = i;
            }
          } else if (this.depth === 1 && this.mode === Mode.Array) {
            this.startCapture(2);
            captureFrom = i;
          } else if (this.depth === 1 && this.mode === Mode.Object && c === 91 && this.afterColon && this.lastKey === "value") {
            // A Graph page: stream the elements of "value"; forget the page object itself.
            this.mode = Mode.Page;
            this.capturing = false;
            this.parts = [];
            this.partsLength = 0;
            captureFrom = -1;
          } else if (this.depth === 2 && this.mode === Mode.Page) {
            this.startCapture(3);
            captureFrom = i;
          }
          this.afterColon = false;
          this.depth++;
          // Bounded before anything parses or walks the record: a `[[[[…` file is bad input, not a crash.
          if (this.depth > MAX_JSON_DEPTH) throw badInput("audit.json-too-deep", "audit.err.jsonTooDeep", { file: this.file, line: this.line, limit: MAX_JSON_DEPTH });
          break;
        }
        case 125: // }
        case 93: {
          // ]
          if (this.depth === 0) throw this.syntax();
          this.depth--;
          if (this.capturing && this.depth === this.captureDepth - 1) {
            this.emit(text.slice(captureFrom, i + 1));
            captureFrom = -1;
          }
          if (this.depth === 0) this.mode = Mode.Top;
          else if (this.depth === 1 && this.mode === Mode.Page) {
            this.mode = Mode.PageTail;
          }
          break;
        }
        case 44: // ,
          if (this.depth === 1 && (this.mode === Mode.Object || this.mode === Mode.PageTail)) this.expectKey = true;
          this.afterColon = false;
          break;
        case 58: // :
          if (this.depth === 1) this.afterColon = true;
          break;
        default:
          if (this.depth === 0) throw this.syntax();
          // a literal or number inside a value
          if (this.depth === 1 && this.mode === Mode.Array && !this.capturing) {
            throw badInput("audit.json-shape", "audit.err.jsonNotObjects", { file: this.file, line: this.line });
          }
          this.afterColon = false;
      }
      i++;
    }
    if (this.inString && this.keyStart >= 0) {
      // A key continues in the next chunk.
      this.keyText += text.slice(this.keyStart);
      this.keyStart = 0;
    }
    if (this.capturing && captureFrom !== -1) {
      const piece = text.slice(captureFrom);
      this.parts.push(piece);
      this.partsLength += piece.length;
      if (this.partsLength > MAX_RECORD_CHARS) throw badInput("audit.json-too-large", "audit.err.jsonRecordTooLarge", { file: this.file, line: this.captureLine });
    }
  }

  end(): void {
    if (this.depth !== 0 || this.inString) throw badInput("audit.json-truncated", "audit.err.truncated", { file: this.file, line: this.line });
    if (this.topValues === 0) throw badInput("audit.json-empty", "audit.err.empty", { file: this.file });
  }

  private valueStart(): void {
    if (this.depth === 1 && this.mode === Mode.Array && !this.capturing) {
      throw badInput("audit.json-shape", "audit.err.jsonNotObjects", { file: this.file, line: this.line });
    }
    if (this.depth === 0) throw this.syntax();
    this.afterColon = false;
  }

  private startCapture(depthAfterOpen: number): void {
    this.capturing = true;
    this.captureDepth = depthAfterOpen;
    this.captureLine = this.line;
    this.parts = [];
    this.partsLength = 0;
  }

  private emit(lastPiece: string): void {
    const text = this.parts.length === 0 ? lastPiece : this.parts.join("") + lastPiece;
    this.parts = [];
    this.partsLength = 0;
    this.capturing = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw badInput("audit.json-invalid", "audit.err.jsonSyntax", {
        file: this.file,
        line: this.captureLine,
        reason: (e as Error).message.replace(/\s+/g, " ").slice(0, 100),
      });
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw badInput("audit.json-shape", "audit.err.jsonNotObjects", { file: this.file, line: this.captureLine });
    }
    this.records++;
    this.sink(value as Record<string, unknown>, this.captureLine);
  }

  private syntax() {
    return badInput("audit.json-invalid", "audit.err.jsonSyntax", { file: this.file, line: this.line, reason: "unexpected character" });
  }
}
