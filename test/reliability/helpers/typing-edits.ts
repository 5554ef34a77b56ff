/**
 * Edits as a user makes them while typing, for the fuzzers of incremental
 * parsing and analysis: a few characters replaced by a token of the
 * vocabulary, a title retyped, a declaration or a comment put at the start
 * of a line; mixed with the general span and line edits of vocabulary.ts.
 */
import fc from 'fast-check';
import { applyEdit, editArb, tokenArb, type Edit } from './vocabulary.js';

/** A small edit where a user types: a few characters replaced by a token of the vocabulary, or deleted. */
const typingArb: fc.Arbitrary<Edit> = fc.record({
    kind: fc.constant('replace' as const), file: fc.constant(0), at: fc.nat({ max: 1_000_000 }),
    length: fc.integer({ min: 0, max: 6 }), text: fc.oneof(tokenArb, fc.constant(''))
});
/** Edits that keep the text well formed more often: a title retyped, a declaration or comment put at a line's start (`nth` picks the string or the line, modulo their number). */
export type Retype = { kind: 'title'; nth: number; text: string } | { kind: 'line'; nth: number; text: string };
const retypeArb: fc.Arbitrary<Retype> = fc.oneof(
    fc.record({ kind: fc.constant('title' as const), nth: fc.nat({ max: 5000 }), text: fc.stringMatching(/^[a-z ,.0-9-]{0,20}$/) }),
    fc.record({ kind: fc.constant('line' as const), nth: fc.nat({ max: 5000 }), text: fc.constantFrom('skill Typed "t"\n', '// note\n', '/** doc */\n', '\n', 'metric Typed "m" { kind leading }\n') }),
);
/** Typing, retyping and (one in seven) a general edit. */
export const anyEditArb: fc.Arbitrary<TypedEdit> = fc.oneof(
    { arbitrary: typingArb as fc.Arbitrary<TypedEdit>, weight: 3 },
    { arbitrary: retypeArb as fc.Arbitrary<TypedEdit>, weight: 3 },
    { arbitrary: editArb(1) as fc.Arbitrary<TypedEdit>, weight: 1 },
);

/** The text after one edit. */
export function applyAny(text: string, edit: TypedEdit): string {
    if (edit.kind === 'title') {
        const strings = [...text.matchAll(/"[^"\\\r\n]*"/g)];
        const hit = strings[edit.nth % Math.max(1, strings.length)];
        return hit ? text.slice(0, hit.index + 1) + edit.text + text.slice(hit.index + hit[0].length - 1) : text;
    }
    if (edit.kind === 'line') {
        const starts = [0, ...[...text.matchAll(/\n/g)].map(m => m.index + 1)];
        const at = starts[edit.nth % starts.length]!;
        return text.slice(0, at) + edit.text + text.slice(at);
    }
    return applyEdit(text, edit);
}

/** Any of the edits above. */
export type TypedEdit = Edit | Retype;
