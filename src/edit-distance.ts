// The edits from one word to another (insert, delete, change, and a swap of two neighbouring letters counted as one): for a
// typed name close to a known one, the CLI's options ("--vendr") and Microsoft 365's SMTP hosts ("smtp.office365.con").

/** Edits from a to b; `limit` when there are that many or more (the rows stop as soon as none can come in under it). */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length] as number, limit);
}
