/**
 * sarifMessageText: the text of a SARIF result's plain text message. SARIF
 * 2.1.0 reads `{0}` as a placeholder (§3.11.5: literal braces doubled) and
 * `[text](0)` or `[text](https://…)` as an embedded link (§3.11.6: literal
 * brackets of a link's text escaped with a backslash). A message quoting the
 * user's data (a title, a CSV path) makes neither.
 */
import assert from 'node:assert/strict';
import { sarifMessageText } from '../../cli/check-formats/sarif.js';

/** An embedded link as §3.11.6 writes it: `[`, link text (`\\`, `\[`, `\]` escaped), `](`, a destination, `)`; the `[` not escaped. */
const EMBEDDED_LINK = /(?<!(?:^|[^\\])(?:\\\\)*\\)\[(?:[^\\[\]]|\\[\\[\]])*\]\([^)]*\)/;

describe('sarifMessageText: placeholders and embedded links', () => {
    it('doubles braces (§3.11.5)', () => {
        assert.equal(sarifMessageText('data/{0}-{x}.csv'), 'data/{{0}}-{{x}}.csv');
    });

    it('escapes the `]` of `[x](0)` and `[x](https://e.com)`: no embedded link is left', () => {
        assert.equal(sarifMessageText('file "[x](0).csv" not found'), 'file "[x\\](0).csv" not found');
        assert.equal(sarifMessageText('title "[click](https://e.com)"'), 'title "[click\\](https://e.com)"');
        for (const text of ['[x](0)', 'a [b [c](1)', '[x\\\\](0)', '[a](0) and [b](1)']) {
            assert.doesNotMatch(sarifMessageText(text), EMBEDDED_LINK, text);
        }
    });

    it('a `]` already escaped by a backslash stays; one after an escaped backslash gets its own', () => {
        assert.equal(sarifMessageText('[x\\](0)'), '[x\\](0)');
        assert.equal(sarifMessageText('[x\\\\](0)'), '[x\\\\\\](0)');
    });

    it('leaves brackets that make no link as they are (§3.11.6 allows them)', () => {
        for (const text of ['a [b] c', 'list[0] (first)', '[x] (0)', '(a)[b]']) assert.equal(sarifMessageText(text), text);
    });

    it('escapes every `]` before `(`, with or without a `[` and `)` around it: the rest of the message may hold them', () => {
        assert.equal(sarifMessageText('x](0'), 'x\\](0');
    });
});
