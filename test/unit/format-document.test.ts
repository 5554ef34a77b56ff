import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { astShape } from '../../language/format/ast-shape.js';
import { formatAlign, formatterServices, type FormatOptions } from '../../language/format/format-align.js';
import { formatAlignRange } from '../../language/format/format-range.js';
import { lineHunks, lineHunksApartAtBlankLines } from '../../language/format/line-diff.js';
import { checkWorkspace, expectedFindings, findingKeys } from './helpers/check-workspace.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures/examples');
const EXAMPLES = ['catalog/metrics.align', 'churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align'];
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf-8');

/** The formatted text; fails on a refusal. */
function format(text: string, options?: FormatOptions): string {
    const result = formatAlign(text, options);
    if ('error' in result) assert.fail(result.error);
    return result.text;
}

/** Lines joined with `\n`, plus the final line break. */
const lines = (...l: string[]) => l.join('\n') + '\n';

const parse = (text: string) => formatterServices().parser.LangiumParser.parse(text);

describe('canonical formatting: the examples', () => {
    for (const name of EXAMPLES) {
        it(`${name}: parses to the same AST once formatted, and formatting is idempotent`, () => {
            const text = read(name);
            const once = format(text);
            assert.deepEqual(astShape(parse(once).value), astShape(parse(text).value));
            assert.equal(format(once), once);
        });
    }

    for (const name of ['catalog/metrics.align', 'churn-pilot.align', 'onboarding.align', 'sales-win-rate.align']) {
        it(`${name} is canonical already: unchanged`, () => {
            const result = formatAlign(read(name));
            assert.deepEqual(result, { text: read(name), changed: false });
        });
    }

    it('safety.align: only the one-line objectives change, into blocks (and stay grouped)', () => {
        const text = read('safety.align');
        const expected = text.replace(
            '  objective SpotHazards "Identify hazards on a live line walk" { builds HazardSpotting practice simulation "VR line walk" }\n'
            + '  objective ApplyLoto "Apply the six LOTO steps on a live machine" { builds LotoProcedure practice sandbox "Training rig" }\n',
            lines(
                '  objective SpotHazards "Identify hazards on a live line walk" {',
                '    builds HazardSpotting',
                '    practice simulation "VR line walk"',
                '  }',
                '  objective ApplyLoto "Apply the six LOTO steps on a live machine" {',
                '    builds LotoProcedure',
                '    practice sandbox "Training rig"',
                '  }'));
        assert.notEqual(expected, text);
        assert.equal(format(text), expected);
    });

    it('keeps every expect: comment in front of its finding (same diagnostics once formatted)', async () => {
        const files = Object.fromEntries(EXAMPLES.map(n => [n, format(read(n))]));
        files['catalog/data/nps.csv'] = read('catalog/data/nps.csv');
        const checked = await checkWorkspace(files);
        for (const name of EXAMPLES) assert.deepEqual(findingKeys(checked.findings, name), expectedFindings(files[name]!), name);
    });

    it('parses to the same AST in the other layouts too (tabs, four spaces)', () => {
        for (const name of EXAMPLES) {
            for (const options of [{ insertSpaces: false }, { tabSize: 4 }]) {
                const once = format(read(name), options);
                assert.deepEqual(astShape(parse(once).value), astShape(parse(read(name)).value));
                assert.equal(format(once, options), once);
            }
        }
    });
});

describe('canonical formatting: layout', () => {
    it('puts one attribute per line, indents by block, single spaces, `a, b` lists, `P.Name`, `period: value`', () => {
        const input = [
            'metric   A "a"{kind   lagging   unit currency   USD',
            'baseline 12%   target 10% by 2026-Q2',
            '        drives B,C , P . D   value 100 EUR per point}',
            'program P "p" { actuals A { 2026-01 : 1   2026-02: -2.5% } }'
        ].join('\n');
        assert.equal(format(input), lines(
            'metric A "a" {',
            '  kind lagging',
            '  unit currency USD',
            '  baseline 12%',
            '  target 10% by 2026-Q2',
            '  drives B, C, P.D',
            '  value 100 EUR per point',
            '}',
            '',
            'program P "p" {',
            '  actuals A {',
            '    2026-01: 1',
            '    2026-02: -2.5%',
            '  }',
            '}'));
    });

    it('writes empty blocks `{}` and keeps declarations without a block bare', () => {
        assert.equal(format('skill A "a" {  }\n\nskill B "b"\n\nskill C {\n\n}\n'), lines('skill A "a" {}', '', 'skill B "b"', '', 'skill C {}'));
    });

    it('separates declarations by one blank line, but keeps a group of same-kind declarations written together', () => {
        const input = 'skill A\nskill B\n\n\n\nskill C\nbehavior D\noutcome E {}\n\n\noutcome F\n';
        assert.equal(format(input), lines('skill A', 'skill B', '', 'skill C', '', 'behavior D', '', 'outcome E {}', '', 'outcome F'));
    });

    it('drops blank lines between attributes and after `{`', () => {
        assert.equal(format('metric M {\n\n  kind lagging\n\n\n  unit count\n\n}\n'), lines('metric M {', '  kind lagging', '  unit count', '}'));
    });

    it('puts a program\'s attributes first, in source order, then a blank line and its members in source order', () => {
        const input = 'program P {\n  metric M\n  owner "x"\n  skill S\n  sponsor "y"\n  serves O\n}\n';
        assert.equal(format(input), lines(
            'program P {', '  owner "x"', '  sponsor "y"', '  serves O', '', '  metric M', '', '  skill S', '}'));
    });

    it('puts each isolate, pull sql and xAPI option on its own line, the xAPI block nested in the actuals block', () => {
        assert.equal(format('program P { cost 5 USD isolate A by trend   isolate B by estimate 60%  confidence 80% isolate C by control-group D }'), lines(
            'program P {', '  cost 5 USD', '  isolate A by trend', '  isolate B by estimate 60% confidence 80%', '  isolate C by control-group D', '}'));
        assert.equal(format('actuals M from "m.csv" {   pull sql "q.sql"  on env "DB" }\nactuals N from "n.csv" { pull xapi env "LRS" { auth env "K" activity "a" // first\n activity "b" since 2026-01-01 value share success } }\n'), lines(
            'actuals M from "m.csv" {', '  pull sql "q.sql" on env "DB"', '}', 'actuals N from "n.csv" {', '  pull xapi env "LRS" {', '    auth env "K"',
            '    activity "a" // first', '    activity "b"', '    since 2026-01-01', '    value share success', '  }', '}'));
    });

    it('keeps a program that has only attributes or only members tight', () => {
        assert.equal(format('program P { owner "x" }'), lines('program P {', '  owner "x"', '}'));
        assert.equal(format('program P { skill S skill T }'), lines('program P {', '  skill S', '  skill T', '}'));
    });

    it('indents per the options: four spaces, or tabs', () => {
        const input = 'program P { owner "x" skill S { assessed by "q" } }';
        assert.equal(format(input, { tabSize: 4 }), lines('program P {', '    owner "x"', '', '    skill S {', '        assessed by "q"', '    }', '}'));
        assert.equal(format(input, { tabSize: 4, insertSpaces: false }), lines('program P {', '\towner "x"', '', '\tskill S {', '\t\tassessed by "q"', '\t}', '}'));
    });

    it('removes trailing whitespace, ends with exactly one line break, keeps CRLF files CRLF', () => {
        assert.equal(format('skill A   \n\n\n'), 'skill A\n');
        assert.equal(format('skill A'), 'skill A\n');
        assert.equal(format('metric M {\r\n    kind lagging   \r\n}'), 'metric M {\r\n  kind lagging\r\n}\r\n');
        assert.equal(format(''), '');
        assert.equal(format('  \n\n '), '');
    });

    it('keeps lone-CR (old Mac) files lone-CR: comments, blank lines and an unchanged file included', () => {
        const input = '// A\r/* one\r   two */\rmetric M {\r    kind lagging   \r\r\r}\rskill S';
        const expected = format(input.replace(/\r/g, '\n')).replace(/\n/g, '\r');
        assert.ok(expected.includes('\r\r') && !expected.includes('\n'), JSON.stringify(expected));
        assert.equal(format(input), expected);
        assert.deepEqual(formatAlign(expected), { text: expected, changed: false });
        assert.match((formatAlign('metric M {\r  kind\r') as { error: string }).error, /^Not formatted: the file has a syntax error/);
    });

    it('reports whether the text changed', () => {
        assert.deepEqual(formatAlign('skill A\n'), { text: 'skill A\n', changed: false });
        assert.deepEqual(formatAlign('skill  A\n'), { text: 'skill A\n', changed: true });
    });

    it('keeps keywords used as names (`metric source`, `drives owner`)', () => {
        assert.equal(format('metric source { drives owner,kind }\nmetric owner\nmetric kind'), lines('metric source {', '  drives owner, kind', '}', 'metric owner', 'metric kind'));
    });
});

describe('canonical formatting: comments', () => {
    it('keeps comments above what they precede, doc comments included, re-indented', () => {
        const input = [
            '// file header',
            '',
            '      /** The KPI. */',
            '  metric M {',
            '// the kind',
            '        kind lagging',
            '}'
        ].join('\n');
        assert.equal(format(input), lines('// file header', '', '/** The KPI. */', 'metric M {', '  // the kind', '  kind lagging', '}'));
    });

    it('keeps trailing comments at the end of their line, one space before them', () => {
        const input = 'program P {    // the pilot\n  owner "x"     // L&D\n  skill S /* bare */\n}   // end\n';
        assert.equal(format(input), lines('program P { // the pilot', '  owner "x" // L&D', '', '  skill S /* bare */', '} // end'));
    });

    it('moves trailing comments with their attribute when a program\'s attributes come first', () => {
        const input = 'program P {\n  skill S\n  // who\n  owner "x" // trailing\n}\n';
        assert.equal(format(input), lines('program P {', '  // who', '  owner "x" // trailing', '', '  skill S', '}'));
    });

    it('re-indents multi-line block comments as a whole', () => {
        const input = 'metric M {\n        /**\n         * Two lines\n         *   indented more\n         */\n        kind lagging\n}\n';
        assert.equal(format(input), lines('metric M {', '  /**', '   * Two lines', '   *   indented more', '   */', '  kind lagging', '}'));
    });

    it('keeps at most one blank line between comment groups, and comments before `}` and at the end of the file', () => {
        const input = 'metric M {\n  kind lagging\n\n\n  // group one\n\n\n\n  // group two\n  unit count\n  // dangling\n}\n\n\n\n// the end\n\n/* really */\n';
        assert.equal(format(input), lines(
            'metric M {', '  kind lagging', '', '  // group one', '', '  // group two', '  unit count', '  // dangling', '}', '', '// the end', '', '/* really */'));
    });

    it('keeps a comment between declarations with the declaration after it', () => {
        const input = 'skill A\n// expect: skill-enables-nothing\nskill B\n\n// about C\n\nskill C\n';
        assert.equal(format(input), lines('skill A', '// expect: skill-enables-nothing', 'skill B', '', '// about C', '', 'skill C'));
    });

    it('breaks the line after a line comment inside an attribute and continues one level deeper', () => {
        const input = 'outcome O {\n  measured by // first the KPI\n  A, B\n}\n';
        const out = lines('outcome O {', '  measured by // first the KPI', '    A, B', '}');
        assert.equal(format(input), out);
        assert.equal(format(out), out);
    });

    it('keeps a comment between the header and `{` after the brace', () => {
        assert.equal(format('metric M "m" // note\n{\n  kind lagging\n}\n'), lines('metric M "m" { // note', '  kind lagging', '}'));
        assert.equal(format('metric M // note\n{}\n'), lines('metric M { // note', '}'));
    });

    it('a comment after that `{` too goes on its own line, first in the block (two line comments cannot share the brace\'s line)', () => {
        const out = lines('metric M "m" { // note', '  // more', '  kind lagging', '}');
        assert.equal(format('metric M "m" // note\n{ // more\n  kind lagging\n}\n'), out);
        assert.equal(format(out), out);
        assert.equal(format('metric M // note\n{ /* more */ }\n'), lines('metric M { // note', '  /* more */', '}'));
        assert.equal(format('program P // p\n{ // q\n  // r\n  skill S\n}\n'), lines('program P { // p', '  // q', '  // r', '  skill S', '}'));
    });

    it('keeps inline block comments inside an attribute', () => {
        assert.equal(format('metric M { drives /* first */ A,B }'), lines('metric M {', '  drives /* first */ A, B', '}'));
    });

    it('is idempotent on comment-heavy input', () => {
        const input = [
            '/* a', '   b */ metric M "m" { // x', '  /* inner', '       more */ kind lagging /* k */ // kk', '', '', '  // d1', '', '  // d2',
            '} /* after */', 'program P // p', '{ skill S // s', '  /** doc */ owner "o" actuals M { 2026-01: 1 // r1', '  }', '}', '// eof'
        ].join('\n');
        const once = format(input);
        assert.equal(format(once), once);
        assert.deepEqual(astShape(parse(once).value), astShape(parse(input).value));
    });
});

describe('canonical formatting: refusal', () => {
    it('refuses a file with a syntax error, saying where', () => {
        const result = formatAlign('metric M {\n  kind laggin\n}\n');
        assert.ok('error' in result);
        assert.match(result.error, /syntax error \(2:8 /);
    });

    it('refuses a file with a lexer error or a missing brace', () => {
        const lexer = formatAlign('metric M "bad \\q escape"');
        assert.ok('error' in lexer && /syntax error \(1:10 /.test(lexer.error), JSON.stringify(lexer));
        const eof = formatAlign('metric M { kind lagging');
        assert.ok('error' in eof && /end of file/.test(eof.error), JSON.stringify(eof));
    });
});

describe('canonical formatting: ranges and line hunks', () => {
    it('line hunks turn one text into the other', () => {
        const pairs: Array<[string, string]> = [
            ['a\nb\nc\n', 'a\nB\nc\n'], ['a\nb', 'a\nb\n'], ['', 'x\n'], ['x\n', ''], ['a\nb\nc\nd\n', 'a\nx\ny\nc\nd\ne\n'], ['same\n', 'same\n']
        ];
        for (const [before, after] of pairs) {
            let result = '';
            let at = 0;
            for (const h of lineHunks(before, after)) {
                assert.ok(h.start >= at);
                result += before.slice(at, h.start) + h.text;
                at = h.end;
            }
            assert.equal(result + before.slice(at), after, JSON.stringify([before, after]));
        }
        assert.deepEqual(lineHunks('same\n', 'same\n'), []);
    });

    it('line hunks apart at blank lines: a blank line that stays one is a hunk of its own, and they too turn one text into the other', () => {
        const apply = (before: string, hunks: ReturnType<typeof lineHunks>) =>
            hunks.reduceRight((t, h) => t.slice(0, h.start) + h.text + t.slice(h.end), before);
        const before = 'a\n  \nb  b\n\t\r\nc\n  \nd\n';
        const after = 'a\n\nb b\n\r\nc\nD\n';
        assert.equal(lineHunks(before, after).length, 2);
        const hunks = lineHunksApartAtBlankLines(before, after);
        assert.deepEqual(hunks.map(h => [before.slice(h.start, h.end), h.text]), [['  \n', '\n'], ['b  b\n', 'b b\n'], ['\t\r\n', '\r\n'], ['  \nd\n', 'D\n']]);
        assert.equal(apply(before, hunks), after);
        assert.deepEqual(lineHunksApartAtBlankLines('x\n', 'x\n'), []);
    });

    it('line hunks leave unchanged lines out, and a huge changed middle is one hunk', () => {
        const apply = (before: string, hunks: ReturnType<typeof lineHunks>) =>
            hunks.reduceRight((t, h) => t.slice(0, h.start) + h.text + t.slice(h.end), before);
        // Every other line changed: one hunk per changed line, none over a kept one.
        const small = Array.from({ length: 40 }, (_, i) => `line ${i}\n`);
        const smallAfter = small.map((l, i) => (i % 2 ? l.toUpperCase() : l));
        const some = lineHunks(small.join(''), smallAfter.join(''));
        assert.equal(some.length, 20);
        assert.equal(apply(small.join(''), some), smallAfter.join(''));
        // 6,000 lines each side, the same changes: too large to compare line by line.
        const big = Array.from({ length: 6000 }, (_, i) => `line ${i}\n`);
        const bigAfter = big.map((l, i) => (i % 2 ? l.toUpperCase() : l));
        const one = lineHunks(big.join(''), bigAfter.join(''));
        assert.equal(one.length, 1);
        assert.equal(apply(big.join(''), one), bigAfter.join(''));
    });

    it('formats only the lines a range touches', () => {
        const input = 'skill  A\n\nskill   B\n\nskill    C\n';
        const start = input.indexOf('skill   B');
        const result = formatAlignRange(input, { start, end: start + 3 });
        assert.deepEqual(result, { text: 'skill  A\n\nskill B\n\nskill    C\n', changed: true });
    });

    it('formats the selected line of a declaration alone, and takes along a line the formatting joins to it', () => {
        const input = 'metric D "D" {   kind\n    activity  unit count\n     owner "Ops" }\n';
        assert.deepEqual(formatAlignRange(input, { start: input.indexOf('owner'), end: input.indexOf('owner') }),
            { text: 'metric D "D" {   kind\n    activity  unit count\n  owner "Ops"\n}\n', changed: true });
        const start = input.indexOf('kind');
        assert.deepEqual(formatAlignRange(input, { start, end: start }),
            { text: 'metric D "D" {\n  kind activity\n  unit count\n     owner "Ops" }\n', changed: true });
    });

    it('adds the blank line the formatting puts between two declarations only for a range over both', () => {
        const input = 'outcome   A "a"\nmetric   B "B"\n';
        const second = input.indexOf('metric');
        assert.deepEqual(formatAlignRange(input, { start: 0, end: 0 }), { text: 'outcome A "a"\nmetric   B "B"\n', changed: true });
        assert.deepEqual(formatAlignRange(input, { start: second, end: second }), { text: 'outcome   A "a"\nmetric B "B"\n', changed: true });
        assert.deepEqual(formatAlignRange(input, { start: 0, end: second + 1 }), { text: format(input), changed: true });
    });

    it('formats the whole file when the range alone would change its meaning', () => {
        // Hoisting `owner` moves it across the member: applying one half would duplicate or lose it.
        const input = 'program P {\n  skill S\n  owner "x"\n}\n';
        const start = input.indexOf('skill S');
        const result = formatAlignRange(input, { start, end: start });
        assert.ok(!('error' in result));
        assert.equal(result.text, format(input));
    });
});
