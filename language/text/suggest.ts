/**
 * "Did you mean ...?" for a mistyped command, option or value: the closest
 * candidate by edit distance (a swap of two neighbouring letters counts as
 * one edit), if it is close enough to be what was meant; else the one
 * candidate that begins with what was typed (`--out` for `--output`, as
 * GNU getopt would take it), which is suggested rather than taken.
 */
import { nearestWithin } from '../edit-distance.js';

/** The candidate `input` most likely meant, or undefined when none is close. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
    const letters = input.toLowerCase().replace(/^-+/, '').length;
    // One letter is one edit from every other letter: only the same letter in the other case is a likely slip (`-F` for `-f`).
    if (letters <= 1) return candidates.find(c => c !== input && c.toLowerCase() === input.toLowerCase());
    return nearestWithin(input, candidates, letters <= 3 ? 1 : 2) ?? (letters >= MIN_PREFIX ? onlyExtension(input, candidates) : undefined);
}

/** Letters (after the dashes) that a beginning must have to be suggested what it begins. */
const MIN_PREFIX = 3;

/** The one candidate longer than `input` that begins with it (case aside), if exactly one does. */
function onlyExtension(input: string, candidates: readonly string[]): string | undefined {
    const typed = input.toLowerCase();
    const longer = new Set(candidates.filter(c => c.length > typed.length && c.toLowerCase().startsWith(typed)));
    return longer.size === 1 ? [...longer][0] : undefined;
}

/** How a suggestion quotes the word meant: `'` in the command line's messages, `"` in those of `align.config.json` (JSON's quote). */
export type SuggestionQuote = "'" | '"';

/** How {@link didYouMean} picks the word meant: {@link closest} unless told otherwise (the settings' `nearest`, language/config/config-hints.ts). */
export interface SuggestionStyle {
    readonly quote?: SuggestionQuote;
    readonly match?: (input: string, candidates: readonly string[]) => string | undefined;
}

/** `; did you mean 'check'?` (`"check"` with `quote: '"'`), or '' when no candidate is close. */
export function didYouMean(input: string, candidates: readonly string[], { quote = "'", match = closest }: SuggestionStyle = {}): string {
    const meant = match(input, candidates);
    return meant === undefined || meant === input ? '' : `; did you mean ${quote}${meant}${quote}?`;
}
