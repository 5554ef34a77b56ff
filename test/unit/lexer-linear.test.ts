import * as assert from 'node:assert/strict';
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { DefaultTokenBuilder, EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { AlignTokenBuilder } from '../../language/token-builder.js';
import { UNLEXABLE_GROUP, unlexableErrors } from '../../language/unlexable-token.js';
import { seededRandom } from './helpers/seeded-random.js';

const services = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;
const tokenize = (text: string) => services.parser.Lexer.tokenize(text);

describe('the lexer on garbage: linear in the text', () => {
    // Each of these took 18 s or more before (2,000,000 escapes: hours; 200,000 `/*`: over a minute): the timeouts catch a return of the quadratic or per-character recovery.
    it('a line of 150,000 unclosed `\\"` escapes is one unterminated string, to the end of its line', function () {
        this.timeout(20000);
        const text = `metric A "${'\\"'.repeat(150_000)}\nmetric B\n`;
        const lexed = tokenize(text);
        assert.deepEqual(lexed.errors.map(e => [e.offset, e.length, e.message]), [[9, 300_001, 'Unterminated string: add the closing `"` on the same line.']]);
        assert.deepEqual(lexed.tokens.map(t => t.tokenType.name), ['metric', 'ID', 'STRING', 'metric', 'ID']);
    });

    it('5,000,000 characters no token matches are one error, with the message of a short run', function () {
        this.timeout(10000);
        const lexed = tokenize(`metric A { baseline 5${'%'.repeat(5_000_000)}\n}\n`);
        assert.deepEqual(lexed.errors.map(e => [e.offset, e.length, e.message]), [[22, 4_999_999, `Unexpected characters \`${'%'.repeat(40)}\` …: they may stand only in a "quoted string" or a comment.`]]);
        assert.deepEqual(lexed.tokens.map(t => t.tokenType.name), ['metric', 'ID', '{', 'baseline', 'PERCENT', '}']);
    });

    it('200,000 unclosed `/*` in a row are one unterminated comment, at the first', function () {
        this.timeout(20000);
        const text = `skill A "A"\n${'/* '.repeat(200_000)}\nskill B\n`;
        const lexed = tokenize(text);
        assert.deepEqual(lexed.errors.map(e => [e.offset, e.length, e.message]), [[12, 2, 'Unterminated comment: add `*/` to close the comment that `/*` opens here.']]);
        assert.deepEqual(lexed.tokens.map(t => t.tokenType.name), ['skill', 'ID', 'STRING']);
    });

    it('reads what chevrotain reads with the grammar\'s own tokens: the same tokens, and its errors where it recovered', () => {
        const grammar = services.Grammar;
        const theirs = new Lexer(new DefaultTokenBuilder().buildTokens(grammar) as TokenType[], { positionTracking: 'full' });
        const ours = new Lexer(new AlignTokenBuilder().buildTokens(grammar) as TokenType[], { positionTracking: 'full' });
        const pieces = ['"', '\\', '\\"', '\\\\', '%', '-', '-1', '/', '/*', '*/', '//', '*', '/**', 'a', 'metric', ' ', '\n', '\r\n', '{', '}', '.', '§', '\u200b', '2026-', '12%', 'x"y', '#'];
        const shown = (t: IToken) => `${t.tokenType.name}@${t.startOffset}:${t.startLine}:${t.startColumn}-${t.endLine}:${t.endColumn} ${t.image}`;
        const random = seededRandom(15);
        for (let round = 0; round < 6000; round++) {
            // Longer texts in the second half: several comments, open and closed, in one text.
            const text = Array.from({ length: 1 + random(round < 3000 ? 12 : 40) }, () => pieces[random(pieces.length)]).join('');
            const expected = theirs.tokenize(text);
            const actual = ours.tokenize(text);
            const where = JSON.stringify(text);
            assert.deepEqual(actual.tokens.map(shown), expected.tokens.map(shown), where);
            assert.deepEqual((actual.groups['hidden'] ?? []).map(shown), (expected.groups['hidden'] ?? []).map(shown), where);
            assert.equal(actual.errors.length, 0, where);
            const errors = unlexableErrors(actual.groups[UNLEXABLE_GROUP] ?? [], () => '');
            assert.deepEqual(errors, expected.errors.map(e => ({ ...e, message: '' })), where);
        }
    });
});
