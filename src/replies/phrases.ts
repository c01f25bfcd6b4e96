// Which of a fixed set of squashed phrases (see squash()) a squashed text contains, found in one
// scan of the text instead of one search per phrase: the reply table, the codeless anchors and the
// signals hold nearly two hundred phrases, and every reply and line is compared with all of them.
//
// The scan is one regular expression that tries, at every position, the phrases longest first
// (inside a lookahead, so phrases that overlap are all seen). At a position it reports the longest
// phrase that starts there; every shorter phrase that starts there is a prefix of that one, so the
// phrases found at a position are the longest one and its prefixes in the set.

function escape(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Searches answered with one includes() per phrase before the scanner is built: compiling the
 * scanner (over a millisecond for the reply table's phrases) costs more than many such searches,
 * and a command that reads one paste makes only a few.
 */
const SEARCHES_BEFORE_SCANNER = 32;

export class PhraseIndex {
  /** Phrases in the order they were added; an id is a position here. */
  readonly phrases: string[] = [];
  private readonly ids = new Map<string, number>();
  private scanner: RegExp | undefined;
  /** Phrase → the ids of the phrases it starts with (itself included), filled as phrases are found. */
  private prefixes = new Map<string, number[]>();
  /** The empty phrase is in every text. */
  private empty: number | undefined;
  private searches = 0;
  /** What the last search found (one array per index, reused: allocating one per search cost more than the scan). */
  private found = new Uint8Array(0);

  /** `searchesBeforeScanner`: how many searches use includes() before the scanner is built (tests try both ways). */
  constructor(private readonly searchesBeforeScanner = SEARCHES_BEFORE_SCANNER) {}

  /** The id of a squashed phrase (the same phrase added twice keeps one id). */
  add(phrase: string): number {
    const known = this.ids.get(phrase);
    if (known !== undefined) return known;
    const id = this.phrases.length;
    this.phrases.push(phrase);
    this.ids.set(phrase, id);
    this.scanner = undefined;
    this.prefixes = new Map();
    return id;
  }

  private build(): RegExp {
    const real = this.phrases.filter((p) => p !== "");
    this.empty = this.ids.get("");
    const longestFirst = [...real].sort((a, b) => b.length - a.length);
    // Nothing matches when there are no phrases.
    this.scanner = new RegExp(longestFirst.length > 0 ? `(?=(${longestFirst.map(escape).join("|")}))` : "(?!)", "g");
    return this.scanner;
  }

  /** The ids of the phrases `phrase` starts with, itself included. */
  private prefixesOf(phrase: string): number[] {
    let ids = this.prefixes.get(phrase);
    if (ids === undefined) {
      ids = [];
      for (let id = 0; id < this.phrases.length; id++) {
        const q = this.phrases[id] as string;
        if (q !== "" && phrase.startsWith(q)) ids.push(id);
      }
      this.prefixes.set(phrase, ids);
    }
    return ids;
  }

  /**
   * found[id] is 1 when the text contains that phrase. The array is this index's own and is
   * overwritten by its next search: read it before searching this index again.
   */
  search(text: string): Uint8Array {
    let found = this.found;
    if (found.length !== this.phrases.length) found = this.found = new Uint8Array(this.phrases.length);
    else found.fill(0);
    if (this.scanner === undefined && this.searches < this.searchesBeforeScanner) {
      this.searches++;
      for (let id = 0; id < this.phrases.length; id++) if (text.includes(this.phrases[id] as string)) found[id] = 1;
      return found;
    }
    const scanner = this.scanner ?? this.build();
    if (this.empty !== undefined) found[this.empty] = 1;
    scanner.lastIndex = 0;
    for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
      for (const id of this.prefixesOf(m[1] as string)) found[id] = 1;
      scanner.lastIndex = m.index + 1;
    }
    return found;
  }
}
