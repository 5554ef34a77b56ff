import * as assert from 'node:assert/strict';
import { EmptyFileSystem, LeafCstNodeImpl, RootCstNodeImpl, type AstNode, type ParseResult } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { createAlignParser } from '../../language/align-parser.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { parseEdited } from '../../language/incremental-parse.js';
import { tooManySyntaxErrors } from '../../language/syntax-error-cap.js';
import { parseDump } from './helpers/parse-dump.js';

const services = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;
const parsing = services.parser;
const parser = parsing.LangiumParser;

/** Declarations enough that an edit in the middle leaves most of them outside the part parsed again. */
function workspace(count: number): string {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
        if (i % 7 === 3) parts.push(`// comment ${i}\n/** doc ${i} */`);
        parts.push(`metric M${i} "Metric ${i}" {\n  kind leading\n  baseline ${i}%\n}`);
        parts.push(`program P${i} "Program ${i}" {\n  sponsor "S"\n  skill S${i} "s" { assessed by "a" }\n  behavior B${i} "b" { enabled by S${i} moves M${i} }\n}`);
    }
    return parts.join('\n\n') + '\n';
}

type Parsing = Parameters<typeof parseEdited>[0];

/** Parses `before`, reads the whole tree (filling the range caches), then parses `after` in part; undefined when it parsed in whole. */
function edited(before: string, after: string, using: Parsing = parsing): ParseResult<AstNode> | undefined {
    const old = using.LangiumParser.parse(before);
    parseDump(old);
    return parseEdited(using, old, after);
}

function assertSameAsWhole(before: string, after: string, using: Parsing = parsing): void {
    const part = edited(before, after, using);
    assert.ok(part, 'parsed in part');
    assert.equal(part.value.$cstNode!.root.fullText, after);
    assert.deepEqual(parseDump(part), parseDump(using.LangiumParser.parse(after)));
}

describe('parsing an edited document again in part', () => {
    const text = workspace(40);
    const middle = text.indexOf('program P20 "Program 20"');

    it('a title edit: the same trees as a parse of the whole text', () => {
        assertSameAsWhole(text, text.replace('"Program 20"', '"Program 20, edited"'));
    });

    it('lines added and removed: everything after moves by lines, and by columns on the edit\'s last line', () => {
        assertSameAsWhole(text, text.replace('"Program 20" {', '"Program 20" {\n  owner "O"\n'));
        assertSameAsWhole(text, text.replace('\n  sponsor "S"\n  skill S20', ' sponsor "S" skill S20'));
        assertSameAsWhole(text, text.slice(0, middle) + 'skill X "x"\n' + text.slice(middle));
    });

    it('declarations sharing lines: what follows on the edit\'s last line moves by columns', () => {
        const line = (from: number) => Array.from({ length: 12 }, (_, i) => `skill S${from + i} "s${from + i}"`).join(' ');
        const lines = [0, 12, 24, 36].map(line).join(' // end\n') + '\nmetric M "m" { kind leading } /* after */ skill Z "z"\n';
        assertSameAsWhole(lines, lines.replace('"s18"', '"s18, longer"'));
        assertSameAsWhole(lines, lines.replace('"s18"', '"s18"\n  '));
        assertSameAsWhole(lines, lines.replace('skill S17 "s17" ', ''));
        assertSameAsWhole(lines, lines.replace('"m"', '"m\u00e9"'));
        // A syntax error on the part's first line: its token moves by the part's first column.
        assertSameAsWhole(lines, lines.replace('"s18"', '"s18" {'));
    });

    it('edits at the start and at the end of the text', () => {
        assertSameAsWhole(text, 'skill First "f"\n' + text);
        assertSameAsWhole(text, text.replace('metric M0 "Metric 0"', 'metric M0 "Metric zero"'));
        assertSameAsWhole(text, text + 'skill Last "l"\n');
        assertSameAsWhole(text, text.replace(/\n$/, ' // trailing'));
    });

    it('comments between declarations, added, removed and widened', () => {
        assertSameAsWhole(text, text.replace('// comment 24\n', ''));
        assertSameAsWhole(text, text.slice(0, middle) + '/* new */\n' + text.slice(middle));
        assertSameAsWhole(text, text.replace('/** doc 24 */', '/** doc 24, longer\n over two lines */'));
    });

    it('a sequence of edits, each parsed in part from the last', () => {
        let before = text;
        let old = parser.parse(before);
        for (let i = 0; i < 12; i++) {
            const at = before.indexOf(`"Program ${(i * 7) % 40}"`);
            const after = before.slice(0, at) + `"Edit ${i}"\n` + before.slice(at + `"Program ${(i * 7) % 40}"`.length);
            parseDump(old);
            const part = parseEdited(parsing, old, after);
            assert.ok(part, `edit ${i} parsed in part`);
            assert.deepEqual(parseDump(part), parseDump(parser.parse(after)), `edit ${i}`);
            [before, old] = [after, part];
        }
    });

    it('syntax errors: in the part, it runs to the end of the text; before it, only after the part\'s start', () => {
        const broken = text.replace('"Program 20" {', '"Program 20" { sponsor');
        assertSameAsWhole(text, broken);
        assert.ok(parser.parse(broken).parserErrors.length > 0, 'the edit makes a syntax error');
        // Fixed again: the old error lies inside the part.
        assertSameAsWhole(broken, text);
        // Another edit after the error: the error lies inside the part, which runs to the end of the text.
        const later = text.replace('"Program 30" {', '"Program 30" { sponsor');
        assertSameAsWhole(later, later.replace('"Program 20"', '"Program 21"'));
        assertSameAsWhole(later, later.replace('"Program 20"', '"Program 21" { '));
        // A block left open: recovery ends it at the next keyword, and keeps the comment before that keyword at the top
        // level. Parsing from the comment would lose the error; the part starts at a declaration, here the open one.
        const open = text.slice(0, middle) + 'metric Open "o" {\n  kind leading\n/* note */\n' + text.slice(middle);
        // A space put where the last top-level node starting 64 characters before it is the comment.
        const note = open.indexOf('/* note */');
        let at = note + 66;
        while (!/\s/.test(open[at]!)) at++;
        assert.ok(at < open.indexOf('program P20') + 64, 'the next declaration starts less than 64 characters before the edit');
        assert.ok(parser.parse(open).parserErrors.length > 0, 'the open block is an error');
        assertSameAsWhole(open, open.slice(0, at) + ' ' + open.slice(at));
    });

    it('more syntax errors than the cap: the parse stops at the same token, and edits that cross the cap', () => {
        // The services' parser stops at 10,000 errors; this one, the same but for the cap, at 200.
        const max = 200;
        const capped = { LangiumParser: createAlignParser(services, max), Lexer: parsing.Lexer };
        // A reference of n dots makes n errors (each dot after the first, and the `}`).
        const dots = (n: number) => text.slice(0, middle) + `metric D "d" {\n  drives X${'.'.repeat(n)}\n}\n` + text.slice(middle);
        const under = dots(max - 1);
        const over = dots(max + 40);
        assert.equal(capped.LangiumParser.parse(under).parserErrors.length, max - 1);
        assert.equal(capped.LangiumParser.parse(over).parserErrors.at(-1)!.message, tooManySyntaxErrors(max));
        const dotsEnd = over.indexOf('\n}', over.indexOf('drives X'));
        // Across the cap, both ways: a dot added, and 41 removed.
        assertSameAsWhole(under, under.replace('X.', 'X..'), capped);
        assertSameAsWhole(over, over.replace('X' + '.'.repeat(41), 'X'), capped);
        // In the dots, before the cut and after it; a declaration before them (the part runs to the end of the text).
        assertSameAsWhole(over, over.replace('X' + '.'.repeat(100), 'X' + '.'.repeat(99) + 'Y'), capped);
        assertSameAsWhole(over, over.slice(0, dotsEnd - 10) + 'Y' + over.slice(dotsEnd - 10), capped);
        assertSameAsWhole(over, over.replace('"Program 19"', '"Program 19, edited"'), capped);
        // After the cut, where the tree holds no declaration: the part starts at the one the cut is in.
        assertSameAsWhole(over, over.replace('"Program 30"', '"Program 31"'), capped);
    });

    it('parses in whole when an error lies before the part, the new text has a lexer error, or the lexer does not fall back in step', () => {
        const broken = text.replace('"Program 20" {', '"Program 20" { sponsor');
        assert.ok(edited(broken, broken.replace('"Program 30"', '"Program 31"')) === undefined, 'an error before the part');
        assert.ok(edited(text, text.slice(0, middle) + '/* ' + text.slice(middle)) === undefined, 'unterminated comment');
        assert.ok(edited(text, text.replace('"Program 20"', '"Program 20" #')) === undefined, 'a character no token matches');
        // `/*` opened before a short declaration and closed by the comment that ends the part: the part parses, but its
        // last token starts elsewhere than before, so the tokens after it are not known to follow as before.
        const comment = `/* ${'c'.repeat(60)} */`;
        const closing = text.slice(0, middle) + `skill X "x"\n${comment}\n` + text.slice(middle);
        const inside = closing.slice(0, middle) + '/*' + closing.slice(middle);
        assert.equal(parser.parse(inside).parserErrors.length + parser.parse(inside).lexerErrors.length, 0, 'the new text parses');
        assert.ok(edited(closing, inside) === undefined, 'the part ends inside a comment opened by the edit');
    });

    it('relies on Langium\'s private CST fields, which still exist', () => {
        const root = parser.parse('skill A "a"').value.$cstNode;
        assert.ok(root instanceof RootCstNodeImpl);
        assert.equal((root as unknown as { _text: string })._text, 'skill A "a"');
        let leaf: unknown = root;
        while (leaf && 'content' in (leaf as object)) leaf = (leaf as RootCstNodeImpl).content[0];
        assert.ok(leaf instanceof LeafCstNodeImpl);
        for (const field of ['_offset', '_startLine', '_startColumn', '_endLine', '_endColumn']) assert.equal(typeof (leaf as unknown as Record<string, unknown>)[field], 'number', field);
    });
});
