import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/** The lexer's findings of one file (those Langium's validation makes of lexer errors) as `line:column-endColumn message`. */
async function lexerFindings(text: string): Promise<string[]> {
    const { findings, services } = await checkWorkspace({ 'a.align': text });
    const lexed = services.parser.Lexer.tokenize(text).errors.map(e => e.message);
    return findings.filter(f => f.rule === 'syntax' && lexed.includes(f.message)).map(f => `${f.line}:${f.column}-${f.endColumn} ${f.message}`);
}

describe('lexer errors in words', () => {
    it('an unterminated string: from its quote to the end of the line, once (not again for the apostrophe it holds)', async () => {
        const found = await lexerFindings('skill A "It\'s not closed\nskill B "b"\n');
        assert.deepEqual(found, ['1:9-25 Unterminated string: add the closing `"` on the same line.']);
    });

    it('a bad escape: the string that holds it, naming the escape', async () => {
        const found = await lexerFindings('skill A "a"\nskill B "bad \\q escape"\n');
        assert.deepEqual(found, ['2:9-24 Invalid escape `\\q` in a string: only `\\"` (a quote) and `\\\\` (a backslash) may follow a backslash.']);
    });

    it('an unclosed block comment: its `/*`, and nothing the lexer stumbles on after it', async () => {
        const found = await lexerFindings('skill A "a"\n/* a note\nskill § "b"\n');
        assert.deepEqual(found, ['2:1-3 Unterminated comment: add `*/` to close the comment that `/*` opens here.']);
    });

    it('characters no token matches, as written, or by code point when they cannot be seen; a stray `*/`', async () => {
        assert.deepEqual(await lexerFindings('skill A § "a"\n'), ['1:9-10 Unexpected character `§`: it may stand only in a "quoted string" or a comment.']);
        assert.deepEqual(await lexerFindings('skill A ##\u200b "a"\n'), ['1:9-12 Unexpected characters `##` U+200B: they may stand only in a "quoted string" or a comment.']);
        assert.deepEqual(await lexerFindings('skill A "a" */\n'), ['1:13-15 `*/` closes no comment: remove it, or open the comment with `/*`.']);
    });

    it('never shows chevrotain\'s own text', async () => {
        for (const text of ['skill A "x', 'skill A "\\', '/*', 'skill A ~ "a"', '"\\q"', 'skill A "a" {\n  assessed by "\\u0041"\n}']) {
            const { findings } = await checkWorkspace({ 'a.align': text });
            for (const f of findings) assert.doesNotMatch(f.message, /->|<-|at offset|skipped \d+ characters/, `${JSON.stringify(text)}: ${f.message}`);
        }
    });
});
