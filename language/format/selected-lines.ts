import type { LangiumCoreServices } from 'langium';
import type { OffsetRange } from './format-range.js';
import { matchedItems } from './line-diff.js';
import { lineStarts } from '../line-starts.js';

/** A line boundary that no token crosses, with how many tokens (comments included) come before it. */
interface Cut {
    readonly offset: number;
    readonly before: number;
}

/** A text's tokens (comments included) in order, compared by their text with white space runs as one space. */
interface Lexed {
    readonly keys: readonly string[];
    readonly cuts: readonly Cut[];
}

/**
 * `text` with the lines `lines` (whole lines) replaced by what its
 * formatting `formatted` makes of them, and nothing else: the smallest run
 * of whole lines around them that both texts cut at the same place among
 * the same tokens (a line the formatting joins to one outside the
 * selection comes along, a line it splits goes whole), so that the result
 * holds the same tokens in the same order. Blank lines at the run's edges
 * go as the formatting puts them. `undefined` when there is no such run
 * (formatting moves tokens into or out of the lines: a program's
 * attributes go before its members).
 */
export function formatSelectedLines(services: LangiumCoreServices, text: string, formatted: string, lines: OffsetRange): string | undefined {
    const before = lexed(services, text);
    const after = lexed(services, formatted);
    const match = new Array<number>(before.keys.length).fill(-1);
    for (const [i, j] of matchedItems(before.keys, after.keys)) match[i] = j;
    // The first cut: one before a token that the formatting keeps and starts a line with (or at the end).
    const startAt = (count: number): number | undefined => count === before.keys.length ? after.keys.length : match[count]! < 0 ? undefined : match[count];
    // The last cut: one after a token that the formatting keeps and ends a line with (or at the start).
    const endAt = (count: number): number | undefined => count === 0 ? 0 : match[count - 1]! < 0 ? undefined : match[count - 1]! + 1;
    const start = pairedCut(before.cuts, after.cuts, lastIndex(before.cuts, c => c.offset <= lines.start), -1, startAt, 'start');
    const end = pairedCut(before.cuts, after.cuts, before.cuts.findIndex(c => c.offset >= lines.end), 1, endAt, 'end');
    if (!start || !end || start.old.offset > end.old.offset) return undefined;
    const oldKeys = before.keys.slice(start.old.before, end.old.before);
    const newKeys = after.keys.slice(start.new.before, end.new.before);
    if (oldKeys.length !== newKeys.length || oldKeys.some((k, i) => k !== newKeys[i])) return undefined;
    // Within one run of blank lines the start may pair past the end: the lines' blank lines all go (`slice` gives nothing).
    return text.slice(0, start.old.offset) + formatted.slice(start.new.offset, end.new.offset) + text.slice(end.old.offset);
}

interface CutPair {
    readonly old: Cut;
    readonly new: Cut;
}

/**
 * From the cut at `index` of `oldCuts`, stepping by `step`, the first one
 * that `counterpart` places among the tokens of the formatted text at a cut
 * there. Cuts that blank lines separate have the same tokens before them;
 * of such a run, the part within the lines becomes as many of the
 * formatted text's blank lines as the part outside leaves to make: blank
 * lines the formatting adds or drops at the edge of the lines count as
 * within them only when they hold a blank line of the run (the edge is not
 * its last cut at the start, its first at the end).
 */
function pairedCut(oldCuts: readonly Cut[], newCuts: readonly Cut[], index: number, step: 1 | -1, counterpart: (before: number) => number | undefined, edge: 'start' | 'end'): CutPair | undefined {
    for (let at = index; at >= 0 && at < oldCuts.length; at += step) {
        const old = oldCuts[at]!;
        const count = counterpart(old.before);
        if (count === undefined) continue;
        const run = runOf(newCuts, count);
        if (run.start === run.end) continue;
        const oldRun = runOf(oldCuts, old.before);
        const nth = at - oldRun.start;
        const m = oldRun.end - oldRun.start;
        const n = run.end - run.start;
        const pick = edge === 'start'
            ? (nth === m - 1 ? n - 1 : Math.min(nth, n - 1))
            : (nth === 0 ? 0 : Math.max(0, n - m + nth));
        return { old, new: newCuts[run.start + pick]! };
    }
    return undefined;
}

/** The indices of the cuts with `before` tokens before them (cuts are in order, so those tokens never fewer). */
function runOf(cuts: readonly Cut[], before: number): OffsetRange {
    const first = (test: (c: Cut) => boolean): number => {
        let lo = 0;
        let hi = cuts.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (test(cuts[mid]!)) hi = mid; else lo = mid + 1;
        }
        return lo;
    };
    return { start: first(c => c.before >= before), end: first(c => c.before > before) };
}

function lastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
    return -1;
}

function lexed(services: LangiumCoreServices, text: string): Lexed {
    const result = services.parser.Lexer.tokenize(text);
    const tokens = [...result.tokens, ...result.hidden]
        .map(t => ({ start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, key: t.image.replace(/\s+/g, ' ').trim() }))
        .sort((a, b) => a.start - b.start);
    const cuts: Cut[] = [];
    let next = 0;
    for (const offset of lineBoundaries(text)) {
        while (next < tokens.length && tokens[next]!.end <= offset) next++;
        // A token from before this line boundary that runs on past it (a block comment, a string over lines): no cut.
        if (next < tokens.length && tokens[next]!.start < offset) continue;
        cuts.push({ offset, before: next });
    }
    return { keys: tokens.map(t => t.key), cuts };
}

/** Where the lines of a text start, and its end. */
function lineBoundaries(text: string): number[] {
    const result = lineStarts(text);
    if (result[result.length - 1] !== text.length) result.push(text.length);
    return result;
}
