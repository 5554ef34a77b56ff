/**
 * Code spans in messages (language/present/code-span.ts): `codeSpan` quotes
 * the user's data so that it pairs as written, `messageParts` pairs the
 * spans as CommonMark does (spec 0.31, section 6.1; the cases below are its
 * examples that apply to plain text: no raw HTML, links or autolinks).
 */
import * as assert from 'node:assert/strict';
import { codeSpan, messageParts } from '../../language/present/index.js';

describe('code spans of messages', () => {
    it('quotes text without a backtick in single backticks, as messages always did', () => {
        assert.deepEqual(['12x', 'source', '2026-13-01', 'a b', ' a', 'a ', ''].map(codeSpan),
            ['`12x`', '`source`', '`2026-13-01`', '`a b`', '` a`', '`a `', '``']);
    });

    it('quotes text with backticks in a fence one longer than its longest run, padded where it starts or ends with one', () => {
        assert.equal(codeSpan('a`b'), '``a`b``');
        assert.equal(codeSpan('a``b`c'), '```a``b`c```');
        assert.equal(codeSpan('`'), '`` ` ``');
        assert.equal(codeSpan('``'), '``` `` ```');
        assert.equal(codeSpan('`a'), '`` `a ``');
        assert.equal(codeSpan('a`'), '`` a` ``');
    });

    it('pads text that starts and ends with a space (not all spaces), whose spaces CommonMark would strip', () => {
        assert.equal(codeSpan(' a '), '`  a  `');
        assert.equal(codeSpan('  '), '`  `');
    });

    it('pairs what it quotes back to the text, beside other spans and words', () => {
        const texts = ['12x', 'a`b', '`', '``', '` `', '`a', 'a`', '`a`', 'x``y`z', ' a ', ' ', '  ', ' `a', 'a` ', '\\`', 'a ```` b`', '\\'];
        for (const text of texts) {
            assert.deepEqual(messageParts(codeSpan(text)), [{ code: text }], JSON.stringify(text));
            const message = `value ${codeSpan(text)} in \`K\`, period ${codeSpan(text)} too`;
            assert.deepEqual(messageParts(message), ['value ', { code: text }, ' in ', { code: 'K' }, ', period ', { code: text }, ' too'], message);
        }
    });

    it('pairs spans as the CommonMark examples do', () => {
        const cases: Array<[string, ReturnType<typeof messageParts>]> = [
            ['`foo`', [{ code: 'foo' }]],
            ['`` foo ` bar ``', [{ code: 'foo ` bar' }]],
            ['` `` `', [{ code: '``' }]],
            ['`  ``  `', [{ code: ' `` ' }]],
            ['` a`', [{ code: ' a' }]],
            ['`\u00a0b\u00a0`', [{ code: '\u00a0b\u00a0' }]],
            ['` `\n`  `', [{ code: ' ' }, '\n', { code: '  ' }]],
            ['``\nfoo\nbar  \nbaz\n``', [{ code: 'foo bar   baz' }]],
            ['``\nfoo \n``', [{ code: 'foo ' }]],
            ['`foo   bar \nbaz`', [{ code: 'foo   bar  baz' }]],
            // A backslash escapes nothing inside a span.
            ['`foo\\`bar`', [{ code: 'foo\\' }, 'bar`']],
            ['``foo`bar``', [{ code: 'foo`bar' }]],
            ['` foo `` bar `', [{ code: 'foo `` bar' }]],
            ['*foo`*`', ['*foo', { code: '*' }]],
            ['[not a `link](/foo`)', ['[not a ', { code: 'link](/foo' }, ')']],
            ['```foo``', ['```foo``']],
            ['`foo', ['`foo']],
            ['`foo``bar``', ['`foo', { code: 'bar' }]]
        ];
        for (const [message, parts] of cases) assert.deepEqual(messageParts(message), parts, JSON.stringify(message));
    });

    it('keeps unpaired runs as text and goes on pairing after them', () => {
        assert.deepEqual(messageParts('no code here'), ['no code here']);
        assert.deepEqual(messageParts(''), []);
        assert.deepEqual(messageParts('``'), ['``']);
        assert.deepEqual(messageParts('a ``` b `c` d'), ['a ``` b ', { code: 'c' }, ' d']);
        assert.deepEqual(messageParts('`a` `` `b`'), [{ code: 'a' }, ' `` ', { code: 'b' }]);
        // A run closes only on a run of its own length: the single backticks inside the double ones are its text.
        assert.deepEqual(messageParts('``a`b`c`` and `d`'), [{ code: 'a`b`c' }, ' and ', { code: 'd' }]);
    });
});
