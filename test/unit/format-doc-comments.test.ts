import * as assert from 'node:assert/strict';
import { changedMeaning, parsedOriginal } from '../../language/format/check-meaning.js';
import { formatAlign, formatterServices } from '../../language/format/format-align.js';
import type { Model } from '../../language/generated/ast.js';
import { collectDeclared } from '../../language/graph/collect-nodes.js';

/** The formatted text; fails on a refusal. */
function format(text: string): string {
    const result = formatAlign(text);
    if ('error' in result) assert.fail(result.error);
    return result.text;
}

/** Lines joined with `\n`, plus the final line break. */
const lines = (...l: string[]) => l.join('\n') + '\n';

/** Each declaration's doc comment as the graph reads it (`align diff` compares these). */
function docs(text: string): string[] {
    const model = formatterServices().parser.LangiumParser.parse(text).value as Model;
    return collectDeclared('file:///a.align', model).map(d => `${d.key}: ${d.base.doc ?? '-'}`);
}

/** Formats `input`, checks that every declaration keeps its doc comment and that formatting again changes nothing; returns the result. */
function formatKeepingDocs(input: string): string {
    const output = format(input);
    assert.deepEqual(docs(output), docs(input), output);
    assert.equal(format(output), output, 'idempotent');
    return output;
}

describe('canonical formatting keeps doc comments on their declarations', () => {
    it('a program\'s attributes moving first take no doc comment from a member, nor give one to it', () => {
        const input = [
            'program P "P" {', '  skill S "s" /** About the skill S */', '  owner "o"', '  skill T "t"', '}', '',
            'program Q "Q" { /** The first skill */', '  skill U "u"', '  owner "o"', '}', ''
        ].join('\n');
        assert.deepEqual(docs(input), ['P: -', 'P.S: -', 'P.T: -', 'Q: -', 'Q.U: The first skill']);
        assert.equal(formatKeepingDocs(input), lines(
            'program P "P" {', '  /** About the skill S */', '  owner "o"', '', '  skill S "s"', '', '  skill T "t"', '}', '',
            'program Q "Q" {', '  owner "o"', '', '  /** The first skill */', '  skill U "u"', '}'));
    });

    it('a doc comment after the last attribute stays before the closing brace, not before the first member', () => {
        assert.equal(formatKeepingDocs('program P {\n  skill S\n  owner "o" /** no member */\n}\n'),
            lines('program P {', '  owner "o"', '', '  skill S', '  /** no member */', '}'));
        assert.equal(formatKeepingDocs('program P {\n  skill S /** of T */\n  skill T\n  owner "o" /** of U */\n  skill U\n}\n'),
            lines('program P {', '  owner "o"', '', '  skill S /** of T */', '  skill T', '', '  /** of U */', '  skill U', '}'));
    });

    it('trailing comments that are no doc comment stay on their line when attributes move first', () => {
        assert.equal(formatKeepingDocs('program P {\n  skill S /* plain */\n  owner "o" // line\n  skill T\n}\n'),
            lines('program P {', '  owner "o" // line', '', '  skill S /* plain */', '', '  skill T', '}'));
    });

    it('a multi-line comment at the end of a line that moves to another column keeps its lines where they were relative to its start', () => {
        // An unstarred line of a doc comment keeps the indentation it has beyond the comment's column: kept as written
        // while the comment moved left, `unstarred` gained two spaces in the documentation of A.
        const input = 'skill S "s" {   assessed by "x"   }\t/** Doc of A\n    unstarred line\n  */ outcome A\n';
        assert.deepEqual(docs(input), ['S: -', 'A: Doc of A\nunstarred line']);
        assert.equal(formatKeepingDocs(input), lines('skill S "s" {', '  assessed by "x"', '} /** Doc of A', '  unstarred line', '  */', '', 'outcome A'));
        // Moved right, indented with tabs, and after another block comment on the line.
        assert.equal(formatKeepingDocs('program P {\nskill S /** of T\n          indented\n   */ skill T\n}\n'),
            lines('program P {', '  skill S /** of T', '            indented', '          */', '  skill T', '}'));
        assert.deepEqual(formatAlign('program P {\nskill S /** of T\n         x\n */ skill T\n}\n', { insertSpaces: false }),
            { text: lines('program P {', '\tskill S /** of T', '\t         x', '\t        */', '\tskill T', '}'), changed: true });
        assert.equal(formatKeepingDocs('skill S /* a\n b */ "t" /** of T\n            c */\nskill T\n'),
            lines('skill S /* a', '        b */ "t" /** of T', `${' '.repeat(19)}c */`, 'skill T'));
    });

    it('a doc comment between a header and `{` on the next line stays before the brace, documenting no member', () => {
        const input = 'program P "T" /** program note */\n{\n  skill S "s"\n}\n';
        assert.deepEqual(docs(input), ['P: -', 'P.S: -']);
        assert.equal(formatKeepingDocs(input), lines('program P "T" /** program note */ {', '  skill S "s"', '}'));
        assert.equal(formatKeepingDocs('metric M "m" /** not the kind */\n{ kind lagging }\n'), lines('metric M "m" /** not the kind */ {', '  kind lagging', '}'));
        // Other comments there still move after the brace.
        assert.equal(formatKeepingDocs('program P "T" /* note */\n{\n  skill S "s"\n}\n'), lines('program P "T" { /* note */', '  skill S "s"', '}'));
    });
});

describe('canonical formatting: a lone CR in the middle of a file is a line break', () => {
    it('keeps a comment after a lone CR on its own line, and writes the file\'s line break there', () => {
        assert.equal(format('skill R "r"\nskill S "s"\r// about T\rskill T "t"\n'), lines('skill R "r"', 'skill S "s"', '// about T', 'skill T "t"'));
        assert.equal(format('metric A "a" {\n  kind lagging\r  // about unit\r  unit percent\n}\n'), lines('metric A "a" {', '  kind lagging', '  // about unit', '  unit percent', '}'));
        assert.equal(format('skill S "s"\r\n// about T\rskill T "t"\r\n'), 'skill S "s"\r\n// about T\r\nskill T "t"\r\n');
        // The first line break is the file's: a lone CR there makes a lone-CR file.
        assert.equal(format('skill S "s"\r// about T\nskill T "t"\r\n'), 'skill S "s"\r// about T\rskill T "t"\r');
    });

    it('counts a lone CR for blank lines and for the indentation of block comments', () => {
        assert.equal(format('skill S\n\r\r  /* a\r     b */\rskill T\n'), lines('skill S', '', '/* a', '   b */', 'skill T'));
        assert.equal(format('skill R\nskill S /** of T */\r\rskill T\n'), lines('skill R', 'skill S /** of T */', '', 'skill T'));
    });

    it('reads a doc comment of a lone-CR file by its lines, so that re-indenting them keeps its documentation', () => {
        // Langium splits a doc comment at `\n` only: read whole, ` * more` kept its `*` and its indentation, which the formatter changes.
        const input = 'skill A\r  /** Doc of B\r   * more of B\r   */ skill B\r';
        // The same doc as with `\n` or `\r\n` line breaks.
        assert.deepEqual(docs(input), docs(input.replace(/\r/g, '\n')));
        assert.deepEqual(docs(input), docs(input.replace(/\r/g, '\r\n')));
        assert.deepEqual(docs(input), ['A: -', 'B: Doc of B\n more of B']);
        assert.equal(formatKeepingDocs(input), 'skill A\r/** Doc of B\r * more of B\r */\rskill B\r');
    });
});

describe('the meaning check compares doc comments', () => {
    it('refuses a result that gives a declaration another doc comment', () => {
        const services = formatterServices();
        const original = parsedOriginal(services, 'skill S "s"\n/** About T */\nskill T "t"\n');
        const change = changedMeaning(services, original, '/** About T */\nskill S "s"\nskill T "t"\n');
        assert.deepEqual(change, { reason: 'the documentation of skill S differs' });
        assert.equal(changedMeaning(services, original, 'skill S "s"\n\n/** About T */\n\nskill T "t"\n'), undefined);
        const member = parsedOriginal(services, 'program P {\n  skill S /** x */\n  skill T\n}\n');
        assert.deepEqual(changedMeaning(services, member, 'program P {\n  /** x */\n  skill S\n  skill T\n}\n'), { reason: 'the documentation of skill P.S differs' });
        // Indentation inside a doc is part of it (was compared without: a moved doc comment could gain some unseen).
        const indented = parsedOriginal(services, 'skill S /** About T\n            indented */ skill T\n');
        assert.deepEqual(changedMeaning(services, indented, 'skill S /** About T\n            indented */\nskill T\n'), undefined);
        assert.deepEqual(changedMeaning(services, indented, 'skill S\n/** About T\n    indented */\nskill T\n'), undefined);
        assert.deepEqual(changedMeaning(services, indented, 'skill S /** About T\n              indented */\nskill T\n'), { reason: 'the documentation of skill T differs' });
    });
});
