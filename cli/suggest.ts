/**
 * "Did you mean ...?" for a mistyped command, option or value: the closest
 * candidate by edit distance (a swap of two neighbouring letters counts as
 * one edit), if it is close enough to be what was meant.
 */
import { editDistance } from '../language/edit-distance.js';

/** The candidate `input` most likely meant, or undefined when none is close. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
    const typed = input.toLowerCase();
    const limit = typed.replace(/^-+/, '').length <= 3 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        const d = editDistance(typed, candidate.toLowerCase());
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
