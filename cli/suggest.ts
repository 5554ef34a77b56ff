/**
 * "Did you mean ...?" for a mistyped command, option or value: the closest
 * candidate by edit distance (a swap of two neighbouring letters counts as
 * one edit), if it is close enough to be what was meant.
 */
import { nearestWithin } from '../language/edit-distance.js';

/** The candidate `input` most likely meant, or undefined when none is close. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
    return nearestWithin(input, candidates, input.toLowerCase().replace(/^-+/, '').length <= 3 ? 1 : 2);
}

/** `; did you mean 'check'?`, or '' when no candidate is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
    const match = closest(input, candidates);
    return match === undefined || match === input ? '' : `; did you mean '${match}'?`;
}
