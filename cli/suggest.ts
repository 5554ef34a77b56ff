/**
 * "Did you mean ...?" for a mistyped command, option or value: the closest
 * candidate by edit distance (a swap of two neighbouring letters counts as
 * one edit), if it is close enough to be what was meant.
 */

/** The candidate `input` most likely meant, or undefined when none is close. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
    const typed = input.toLowerCase();
    const limit = typed.replace(/^-+/, '').length <= 3 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        const d = distance(typed, candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

/** `; did you mean 'check'?`, or '' when no candidate is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
    const match = closest(input, candidates);
    return match === undefined || match === input ? '' : `; did you mean '${match}'?`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function distance(a: string, b: string): number {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
            rows[i]![j] = d;
        }
    }
    return rows[a.length]![b.length]!;
}
