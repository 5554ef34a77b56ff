import * as assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import type { Model } from '../../language/generated/ast.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { MAX_SYNTAX_ERRORS, tooManySyntaxErrors } from '../../language/syntax-error-cap.js';

const parser = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.parser.LangiumParser;

/** A reference of `dots` dots after `X` in a metric between two skills: each dot after the first, and the end of the reference, is an error. */
const dotted = (dots: number, close = '\n}\n') => `skill S "s"\nmetric A { drives X${'.'.repeat(dots)}${close}skill B "b"\n`;
/** Where `drives X` ends in `dotted`. */
const FIRST_DOT = 'skill S "s"\nmetric A { drives X'.length;
const names = (model: Model) => model.elements.map(e => 'name' in e ? e.name : e.$type);

describe('syntax errors: a parse stops at the 10,000th', () => {
    it('a reference of 5,000,000 dots: the first 10,000 errors, then one that says the rest of the file is not read', function () {
        // One error per dot: 5,000,000 errors did not finish before (each some 40 µs, and the tree's search for an empty node was quadratic).
        this.timeout(60_000);
        const result = parser.parse<Model>(dotted(5_000_000));
        assert.equal(result.parserErrors.length, MAX_SYNTAX_ERRORS + 1);
        assert.deepEqual(result.parserErrors.slice(0, MAX_SYNTAX_ERRORS).map(e => [e.message, e.token.startOffset]),
            Array.from({ length: MAX_SYNTAX_ERRORS }, (_, i) => ['Expected a name, but found `.`.', FIRST_DOT + 1 + i]));
        const last = result.parserErrors.at(-1)!;
        assert.equal(last.message, 'Too many syntax errors: after the first 10,000, Align reads no further in this file. Fix the first ones (one mistake often causes many), then check again.');
        assert.equal(last.message, tooManySyntaxErrors(MAX_SYNTAX_ERRORS));
        // At the first token not read: the dot of the last error, which recovery had not yet passed.
        assert.deepEqual([last.token.image, last.token.startOffset, last.token.startLine, last.token.startColumn], ['.', FIRST_DOT + MAX_SYNTAX_ERRORS, 2, FIRST_DOT - 12 + MAX_SYNTAX_ERRORS + 1]);
        assert.deepEqual(names(result.value), ['S', 'A'], 'the skill after the cut is not read');
        assert.equal(result.value.$cstNode!.root.fullText.length, dotted(5_000_000).length);
    });

    it('one error short of the cap: every error, and the whole file read', () => {
        const result = parser.parse<Model>(dotted(MAX_SYNTAX_ERRORS - 1));
        assert.equal(result.parserErrors.length, MAX_SYNTAX_ERRORS - 1);
        assert.equal(result.parserErrors.at(-1)!.message, 'Expected a name, but found `}`.');
        assert.deepEqual(names(result.value), ['S', 'A', 'B']);
    });

    it('the 10,000th error at the last token: the note is there, and what follows is not read', () => {
        const result = parser.parse<Model>(dotted(MAX_SYNTAX_ERRORS));
        assert.deepEqual(result.parserErrors.slice(-2).map(e => [e.message, e.token.image, e.token.startOffset]), [
            ['Expected a name, but found `}`.', '}', FIRST_DOT + MAX_SYNTAX_ERRORS + 1],
            [tooManySyntaxErrors(MAX_SYNTAX_ERRORS), '}', FIRST_DOT + MAX_SYNTAX_ERRORS + 1]
        ]);
        assert.equal(result.parserErrors.length, MAX_SYNTAX_ERRORS + 1);
        assert.deepEqual(names(result.value), ['S', 'A']);
    });

    it('the 10,000th error at the end of the file: the note after the last token, and no error past it', () => {
        const text = `skill S "s"\nmetric A { drives X${'.'.repeat(MAX_SYNTAX_ERRORS)}`;
        const result = parser.parse<Model>(text);
        assert.equal(result.parserErrors.length, MAX_SYNTAX_ERRORS + 1, 'the `}` missing at the end is past the cap');
        const last = result.parserErrors.at(-1)! as { previousToken?: { startOffset: number } } & typeof result.parserErrors[number];
        assert.equal(last.message, tooManySyntaxErrors(MAX_SYNTAX_ERRORS));
        assert.equal(last.token.tokenType.name, 'EOF');
        assert.equal(last.previousToken?.startOffset, text.length - 1, 'placed after the last dot');
        assert.deepEqual(names(result.value), ['S', 'A']);
    });

    it('a parse after a capped one starts counting again', () => {
        parser.parse(dotted(MAX_SYNTAX_ERRORS + 5));
        const result = parser.parse<Model>(dotted(3));
        assert.deepEqual(result.parserErrors.map(e => e.message), ['Expected a name, but found `.`.', 'Expected a name, but found `.`.', 'Expected a name, but found `}`.']);
        assert.deepEqual(names(result.value), ['S', 'A', 'B']);
    });
});
