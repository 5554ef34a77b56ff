/**
 * Long runs of comments: the parser places each one in the syntax tree and the
 * formatter attaches each one to a token. Langium's builder added the run with
 * one spread call (`push(...nodes)`, `splice(i, 0, ...nodes)`), which overflowed
 * the stack at about 130,000 comments in a row ("Maximum call stack size
 * exceeded" from every command); the formatter spread them too, and counted the
 * line breaks back to the last token for every comment (minutes for 20,000).
 */
import * as assert from 'node:assert/strict';
import { CstNodeBuilder, CstUtils, EmptyFileSystem, isLeafCstNode, type LangiumParser } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { formatAlign } from '../../language/format/format-align.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { parseDump } from './helpers/parse-dump.js';

const services = () => createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;

/** More comments in a row than a call takes as arguments (the stack overflowed at about 130,000). */
const MANY = 200_000;

/** Texts with `n` comments in one place: before the first declaration, between two, inside a block, after the last one, on one line. */
function texts(n: number): Array<[string, string]> {
    const lines = (comment: string) => `${comment}\n`.repeat(n);
    return [
        ['before the first declaration', lines('// c') + 'metric A "a" { kind lagging }\n'],
        ['between two declarations', 'metric A "a" { kind lagging }\n' + lines('/** d */') + 'metric B "b" { kind lagging }\n'],
        ['inside a block', 'metric A "a" {\n' + lines('// c') + '  kind lagging\n}\n'],
        ['before the first token of a nested node', 'metric A "a" {\n  kind lagging\n  baseline ' + lines('/* b */') + '10%\n}\n'],
        ['after the last declaration', 'metric A "a" { kind lagging }\n' + lines('// c')],
        ['on the header line, before the brace', 'program P "p" ' + '/*a*/ '.repeat(n) + '// z\n{\n  sponsor "S"\n}\n'],
        ['on one line after the brace', 'program P "p" { ' + '/*a*/ '.repeat(n) + '\n  sponsor "S"\n}\n'],
        ['after a member, ending in a doc comment, where fmt moves the attributes first', 'program P "p" {\n  skill S "s" ' + '/*a*/ '.repeat(n) + '/** d */\n  sponsor "S"\n}\n'],
    ];
}

const hiddenLeaves = (parser: LangiumParser, text: string) => {
    const result = parser.parse(text);
    return { result, hidden: CstUtils.streamCst(result.value.$cstNode!).filter(n => isLeafCstNode(n) && n.hidden).count() };
};

describe('a long run of comments', () => {
    const ours = services().parser.LangiumParser;
    const langiums = services().parser.LangiumParser;
    (langiums as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CstNodeBuilder();

    for (const [where, text] of texts(MANY)) {
        it(`parses ${MANY.toLocaleString('en')} comments ${where}, each one a hidden leaf`, () => {
            const { result, hidden } = hiddenLeaves(ours, text);
            assert.deepEqual([result.lexerErrors.length, result.parserErrors.length], [0, 0]);
            assert.ok(hidden >= MANY, `${hidden} hidden leaves`);
        });
    }

    // Runs long enough for the builder's own way of adding them, short enough for Langium's: the same tree.
    for (const [where, text] of texts(3000)) {
        it(`builds the tree Langium builds for 3,000 comments ${where}`, () => {
            assert.deepEqual(parseDump(ours.parse(text)), parseDump(langiums.parse(text)));
        });
    }

    it('parses 400,000 `/*` on one line (an unclosed comment and stray `*/`) without overflowing', () => {
        const result = ours.parse('metric A "a" { kind lagging }\n' + '/*'.repeat(400_000));
        assert.ok(result.lexerErrors.length > 0);
    });

    // Counting the line breaks back to the last token for every comment took 49 s for these, and hours for 200,000.
    it('formats 20,000 comments after the last declaration in a few seconds', () => {
        const started = Date.now();
        const formatted = formatAlign('metric A "a" { kind lagging }\n' + '// c\n'.repeat(20_000));
        assert.ok(!('error' in formatted));
        assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    });

    for (const [where, text] of texts(MANY)) {
        it(`formats ${MANY.toLocaleString('en')} comments ${where}, keeping every one`, () => {
            const formatted = formatAlign(text);
            assert.ok(!('error' in formatted), 'error' in formatted ? formatted.error : '');
            const count = (s: string) => (s.match(/\/\/ c|\/\*\* d \*\/|\/\* b \*\/|\/\*a\*\//g) ?? []).length;
            assert.equal(count(formatted.text), count(text));
        });
    }
});
