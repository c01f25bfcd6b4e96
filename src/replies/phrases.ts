// Which of a fixed set of squashed phrases (see squash()) a squashed text contains, found in one
// pass over the text instead of one search per phrase: the reply table, the codeless anchors and
// the signals each hold dozens of phrases, and every reply and line is compared with all of them.

/** Squashed text is [a-z0-9]: 36 symbols, so two characters index a table of 1,296 buckets. */
const SYMBOLS = 36;

function symbol(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return -1;
}

export class PhraseIndex {
  /** Phrases in the order they were added; an id is a position here. */
  readonly phrases: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Bucket of the first two symbols → ids of the phrases that start with them. */
  private buckets: number[][] = [];
  /** Phrases of one symbol, or with a character outside [a-z0-9]: compared with includes(). */
  private odd: number[] = [];
  private built = false;

  /** The id of a squashed phrase (the same phrase added twice keeps one id). */
  add(phrase: string): number {
    const known = this.ids.get(phrase);
    if (known !== undefined) return known;
    const id = this.phrases.length;
    this.phrases.push(phrase);
    this.ids.set(phrase, id);
    this.built = false;
    return id;
  }

  private build(): void {
    this.buckets = Array.from({ length: SYMBOLS * SYMBOLS }, () => []);
    this.odd = [];
    this.phrases.forEach((p, id) => {
      const a = symbol(p.charCodeAt(0));
      const b = symbol(p.charCodeAt(1));
      let plain = p.length >= 2;
      for (let i = 0; i < p.length && plain; i++) if (symbol(p.charCodeAt(i)) < 0) plain = false;
      if (plain) (this.buckets[a * SYMBOLS + b] as number[]).push(id);
      else this.odd.push(id);
    });
    this.built = true;
  }

  /** found[id] is 1 when the text contains that phrase (an empty phrase is in every text). */
  search(text: string): Uint8Array {
    if (!this.built) this.build();
    const found = new Uint8Array(this.phrases.length);
    for (const id of this.odd) if (text.includes(this.phrases[id] as string)) found[id] = 1;
    let a = text.length > 0 ? symbol(text.charCodeAt(0)) : -1;
    for (let i = 0; i + 1 < text.length; i++) {
      const b = symbol(text.charCodeAt(i + 1));
      if (a >= 0 && b >= 0) {
        const bucket = this.buckets[a * SYMBOLS + b] as number[];
        for (let k = 0; k < bucket.length; k++) {
          const id = bucket[k] as number;
          if (found[id] === 0 && text.startsWith(this.phrases[id] as string, i)) found[id] = 1;
        }
      }
      a = b;
    }
    return found;
  }
}
