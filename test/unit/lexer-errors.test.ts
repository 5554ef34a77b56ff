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

    describe('what follows an unclosed string or comment reads as the writer meant it', () => {
        /** Every finding of one file as `line:column rule`, and the graph's titles by name. */
        async function check(text: string): Promise<{ findings: string[]; titles: Map<string, string> }> {
            const { findings, graph } = await checkWorkspace({ 'a.align': text });
            return {
                findings: findings.map(f => `${f.line}:${f.column} ${f.rule}`).sort(),
                titles: new Map(graph.graph.nodes.map(n => [n.name, n.title ?? '']))
            };
        }

        it('an unterminated string ends its line: the next declaration is read, and no parser error follows', async () => {
            const { findings, titles } = await check('skill S "It is open\nskill T "b"\n');
            assert.deepEqual(findings, ['1:7 skill-enables-nothing', '1:9 syntax', '2:7 skill-enables-nothing']);
            assert.equal(titles.get('S'), 'It is open');
            assert.equal(titles.get('T'), 'b');
        });

        it('an unterminated string before the `{` that ends its line: the block is read', async () => {
            const text = 'outcome O "Grow {\n  measured by K\n}\nmetric K "Sales {\n  kind lagging\n  owner "Ops"\n  cadence monthly\n  source "CRM"\n}\n';
            const { findings, titles } = await check(text);
            assert.deepEqual(findings.filter(f => f.endsWith('syntax') || f.includes('unresolved')), ['1:11 syntax', '4:10 syntax']);
            assert.equal(titles.get('O'), 'Grow');
            assert.equal(titles.get('K'), 'Sales');
        });

        it('an unterminated string with an escape keeps its text', async () => {
            const { titles } = await check('skill S "a \\"b\\" c\nskill T "t"\n');
            assert.equal(titles.get('S'), 'a "b" c');
            assert.equal(titles.get('T'), 't');
        });

        it('an unclosed `/*` comments out the rest of the file: nothing after it is read, and the early end is no second error', async () => {
            const { findings, titles } = await check('skill S "s"\n/* a note\nskill T "t"\n');
            assert.deepEqual(findings, ['1:7 skill-enables-nothing', '2:1 syntax']);
            assert.equal(titles.has('T'), false);
            const inBlock = await check('skill S "s" {\n  /* a note\n  assessed by "quiz"\n}\n');
            assert.deepEqual(inBlock.findings, ['1:7 skill-enables-nothing', '2:3 syntax']);
        });

        it('20,000 unterminated strings are recovered in one pass (no hang on a pathological file)', async function () {
            this.timeout(8000);
            const { services } = await checkWorkspace({});
            const text = Array.from({ length: 20000 }, (_, i) => `skill S${i} "open ${i}\n`).join('');
            const lexed = services.parser.Lexer.tokenize(text);
            assert.equal(lexed.errors.length, 20000);
            assert.equal(lexed.tokens.filter(t => t.tokenType.name === 'STRING').length, 20000);
            assert.equal(lexed.tokens.length, 60000);
        });

        it('a comment opened inside an unterminated string and closed lines later is left as the lexer read it', async () => {
            const { findings } = await check('skill S "a /* b\nc */ skill T "t"\n');
            assert.ok(findings.includes('1:9 syntax'), findings.join(', '));
        });
    });
});
