/**
 * escapeMarkdown and GitHub's autolinked references: in a pull-request
 * comment (`align diff --format md`, a report posted there) GitHub links
 * `GH-12`, `owner/repo#12`, a commit's SHA (7 to 40 hex digits), `owner@SHA`
 * and `owner/repo@SHA`, besides `@name` and `#12`. The user's text never
 * makes one: a word joiner (U+2060) breaks each. A commit Align names (a
 * `commit` span) is left for GitHub to link.
 */
import assert from 'node:assert/strict';
import { escapeMarkdown, toMarkdown } from '../../cli/report/markdown.js';

const WJ = '\u2060';
const SHA = 'a5c3785ed8d6a35868bc169f07e40e889087fd2e';

/** A run of 7 or more hex digits between ASCII word ends: the text GitHub could read as a commit's SHA. */
const HEX_WORD = /(?<![A-Za-z0-9_])[0-9A-Fa-f]{7,}(?![A-Za-z0-9_])/;

describe('escapeMarkdown: GitHub references in the user\'s text', () => {
    it('GH-12 (any case): a word joiner after the hyphen; GH- before a letter and a word ending in gh- stay', () => {
        assert.equal(escapeMarkdown('see GH-12 and gh-3'), `see GH-${WJ}12 and gh-${WJ}3`);
        assert.equal(escapeMarkdown('GH-x and HIGH-5'), 'GH-x and HIGH-5');
    });

    it('owner/repo#12: the word joiner after #', () => {
        assert.equal(escapeMarkdown('jlord/sheetsee.js#26'), `jlord/sheetsee.js\\#${WJ}26`);
    });

    it('a full SHA: a word joiner after every 6th digit, so that no part names a commit; the text reads the same without them', () => {
        const shown = escapeMarkdown(`fixed in ${SHA}.`);
        assert.equal(shown, `fixed in a5c378${WJ}5ed8d6${WJ}a35868${WJ}bc169f${WJ}07e40e${WJ}889087${WJ}fd2e.`);
        assert.equal(shown.replaceAll(WJ, ''), `fixed in ${SHA}.`);
        assert.doesNotMatch(shown.replaceAll(WJ, ' '), HEX_WORD);
    });

    it('short SHAs of 7 digits, upper case, digits only, and owner@SHA, owner/repo@SHA', () => {
        assert.equal(escapeMarkdown('a5c3785 A5C3785 1234567'), `a5c378${WJ}5 A5C378${WJ}5 123456${WJ}7`);
        assert.equal(escapeMarkdown('jlord@a5c3785ed8'), `jlord@a5c378${WJ}5ed8`);
        assert.equal(escapeMarkdown('jlord/sheetsee.js@a5c3785'), `jlord/sheetsee.js@a5c378${WJ}5`);
    });

    it('leaves 6 hex digits, hex inside a longer word, and e-mail addresses alone', () => {
        for (const text of ['abcdef 123456', 'deadbeefcafez x1234567 build_1234567', 'jane@corp.com']) assert.equal(escapeMarkdown(text), text.replace(/_/g, '\\_'));
    });

    it('the existing escapes still apply around the references', () => {
        assert.equal(escapeMarkdown('@alice: GH-7 costs $5'), `@${WJ}alice: GH-${WJ}7 costs <span>$</span>5`);
    });
});

describe('toMarkdown: a commit Align names is left for GitHub to link', () => {
    it('a commit span stays as it is, the same SHA as text is broken', () => {
        const markdown = toMarkdown([{ type: 'paragraph', text: [{ code: 'main' }, ' (', { commit: 'a5c3785' }, ') a5c3785'] }]);
        assert.equal(markdown, `\`main\` (a5c3785) a5c378${WJ}5\n`);
    });

    it('a commit span that is not a SHA is escaped as text', () => {
        assert.equal(toMarkdown([{ type: 'paragraph', text: [{ commit: '@alice' }] }]), `@${WJ}alice\n`);
    });
});
