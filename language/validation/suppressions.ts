/**
 * `// align-disable-next-line id[, id...]` comments: which rule ids are
 * suppressed on which 0-based line. A comment without ids suppresses every
 * rule, except those in {@link NEVER_SUPPRESSED}.
 */
import { INTERNAL_ERROR } from './internal-error.js';
import { forwardLineOf } from '../line-starts.js';

/**
 * Findings no comment hides: a syntax error (the rest of the file may not
 * read as written, and a check must not pass on it) and a fault of Align
 * itself. Neither can be configured either (language/rules.ts).
 */
export const NEVER_SUPPRESSED: ReadonlySet<string> = new Set(['syntax', INTERNAL_ERROR]);

export type Suppressions = Map<number, Set<string> | 'all'>;

/**
 * The comments are found in one pass over the text (splitting a
 * 300,000-line document into lines took 80 ms), and their lines counted on
 * the way (`\r\n`, `\r` and `\n` end a line, as in the document's own
 * line index, which its diagnostics' ranges use): asking the document for
 * each comment's position made it index every line first, 9 ms per edit of
 * a 10k-element file.
 */
export function suppressedLines(text: string): Suppressions {
    const result: Suppressions = new Map();
    // Most documents have none.
    if (!text.includes('align-disable-next-line')) return result;
    const lineAt = forwardLineOf(text);
    for (const comment of suppressionComments(text)) {
        result.set(lineAt(comment.index) + 1, comment.ids.length === 0 ? 'all' : new Set(comment.ids.map(i => i.id)));
    }
    return result;
}

/** A suppression comment: where it starts, and its ids with the offset of each in the text. */
interface SuppressionComment {
    readonly index: number;
    readonly ids: ReadonlyArray<{ readonly id: string; readonly offset: number }>;
}

/**
 * The suppression comments of `text`, in order. The ids are the words after
 * the keyword, separated by commas or spaces, up to a word that starts with
 * `--`: `-- why` explains the suppression (as for ESLint), its words are no ids.
 */
function* suppressionComments(text: string): Generator<SuppressionComment> {
    for (const comment of lineCommentStarts(text)) {
        SUPPRESSION.lastIndex = comment;
        const m = SUPPRESSION.exec(text);
        if (!m) continue;
        const rest = m[1]!;
        // The rest of the line runs to its end: a line separator inside it (not a line break here) ends it early.
        if (rest.includes('\u2028') || rest.includes('\u2029')) continue;
        const start = m.index! + m[0].length - rest.length;
        const ids: Array<{ id: string; offset: number }> = [];
        for (const word of rest.matchAll(/[^,\s]+/g)) {
            if (word[0].startsWith('--')) break;
            ids.push({ id: word[0], offset: start + word.index! });
        }
        yield { index: m.index!, ids };
    }
}

/** A suppression comment where a `//` comment starts, and the rest of its line. */
const SUPPRESSION = /\/\/[^\S\r\n]*align-disable-next-line\b([^\r\n]*)/y;

/**
 * Where each `//` comment starts, as the lexer reads the text: not inside a
 * "string" (one line; `\"` escapes a quote) nor inside a `/* ... *\/`
 * comment, where `// align-disable-next-line` is text and suppresses nothing.
 */
function* lineCommentStarts(text: string): Generator<number> {
    for (const comment of commentsOf(text)) if (!comment.block) yield comment.start;
}

/** A comment as the lexer reads it: `//` to its line's end, or `/* ... *\/` (to the text's end when unclosed). */
interface CommentSpan {
    readonly start: number;
    readonly end: number;
    readonly block: boolean;
}

/** The comments of `text`, in order, outside "strings". */
function* commentsOf(text: string): Generator<CommentSpan> {
    const special = /["/]/g;
    const lineEnd = /[\r\n]/g;
    for (let m = special.exec(text); m; m = special.exec(text)) {
        const at = m.index;
        if (text[at] === '"') {
            special.lastIndex = stringEnd(text, at + 1);
        } else if (text[at + 1] === '/') {
            lineEnd.lastIndex = at;
            const end = lineEnd.exec(text)?.index ?? text.length;
            yield { start: at, end, block: false };
            special.lastIndex = end;
        } else if (text[at + 1] === '*') {
            const close = text.indexOf('*/', at + 2);
            const end = close < 0 ? text.length : close + 2;
            yield { start: at, end, block: true };
            special.lastIndex = end;
        }
    }
}

/** The offset after the `*\/` of the block comment that holds `offset` (starts before it, ends after it); undefined when none does. */
export function blockCommentEndAround(text: string, offset: number): number | undefined {
    for (const comment of commentsOf(text)) {
        if (comment.start >= offset) return undefined;
        if (comment.block && comment.end > offset) return comment.end;
    }
    return undefined;
}

/**
 * Where a new id goes in the suppression comment that covers `line` (the
 * comment is on the line before): after its last id, before a `-- why`
 * (whose words are no ids). Undefined when no such comment.
 */
export function suppressionIdsEnd(text: string, line: number): number | undefined {
    if (!text.includes('align-disable-next-line')) return undefined;
    const lineAt = forwardLineOf(text);
    for (const comment of suppressionComments(text)) {
        if (lineAt(comment.index) + 1 !== line) continue;
        const last = comment.ids[comment.ids.length - 1];
        return last ? last.offset + last.id.length : undefined;
    }
    return undefined;
}

/** The offset after a string that opens before `from`: after its closing quote, or at its line's end when it is not closed there. */
function stringEnd(text: string, from: number): number {
    for (let i = from; i < text.length; i++) {
        const c = text[i];
        if (c === '\\' && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
        else if (c === '"') return i + 1;
        else if (c === '\n' || c === '\r') return i;
    }
    return text.length;
}

/** True when a finding of `rule` that starts on `line` is suppressed (never one of {@link NEVER_SUPPRESSED}). */
export function isSuppressed(suppressions: Suppressions, line: number, rule: string): boolean {
    if (NEVER_SUPPRESSED.has(rule)) return false;
    const entry = suppressions.get(line);
    return entry === 'all' || (entry !== undefined && entry.has(rule));
}

/** The identity key (`data.identity.key`) of the `syntax` finding on an unknown id of a suppression comment: it concerns a comment, not the model. */
export const UNKNOWN_SUPPRESSION_KEY = 'align-disable-next-line';

/** An id in a suppression comment that names no rule: where it is (offset in the text) and what it says. */
export interface UnknownSuppressionId {
    readonly offset: number;
    readonly id: string;
}

/**
 * The ids of `align-disable-next-line` comments that name no rule of
 * `known`: such a comment suppresses nothing (a typo, or a rule renamed),
 * and the finding it was meant for shows all the same.
 */
export function unknownSuppressionIds(text: string, known: ReadonlySet<string>): UnknownSuppressionId[] {
    if (!text.includes('align-disable-next-line')) return [];
    const unknown: UnknownSuppressionId[] = [];
    for (const comment of suppressionComments(text)) for (const i of comment.ids) if (!known.has(i.id)) unknown.push(i);
    return unknown;
}
