import * as assert from 'node:assert/strict';
import { suppressedLines, type Suppressions } from '../../language/validation/suppressions.js';
import { checkWorkspace } from './helpers/check-workspace.js';

/** What the comments meant before the one-pass search: the text split into lines, each line matched on its own. */
function byLines(text: string): Suppressions {
    const result: Suppressions = new Map();
    text.split(/\r\n|\r|\n/).forEach((line, index) => {
        const m = /\/\/\s*align-disable-next-line\b(.*)$/.exec(line);
        if (!m) return;
        // Words after `--` explain the suppression: they are no ids.
        const words = m[1]!.split(/[,\s]+/).filter(s => s.length > 0);
        const end = words.findIndex(s => s.startsWith('--'));
        const ids = end < 0 ? words : words.slice(0, end);
        result.set(index + 1, ids.length === 0 ? 'all' : new Set(ids));
    });
    return result;
}

/** The lines as the one-pass search counts them (the oracle above splits on the same line ends as the document's line index). */
function found(text: string): Suppressions {
    return suppressedLines(text);
}

describe('align-disable-next-line comments, found in one pass', () => {
    const cases: Array<[string, string]> = [
        ['none', 'metric A "A"\nmetric B "B"\n'],
        ['ids, then a comment without ids', '// align-disable-next-line metric-unused, metric-without-source\nmetric A "A"\n//align-disable-next-line\nmetric B "B"'],
        ['a description after --', '// align-disable-next-line metric-unused -- kept for the pilot\nmetric A "A"'],
        ['Windows line ends and a lone carriage return', 'metric A "A"\r\n// align-disable-next-line metric-unused\r\nmetric B "B"\r// align-disable-next-line\rmetric C "C"'],
        ['after code on the same line, and twice on one line', 'metric A "A" // align-disable-next-line a // align-disable-next-line b\nmetric B "B"'],
        ['a word that only starts with the keyword', '// align-disable-next-lines metric-unused\nmetric A "A"'],
        ['a line separator inside the line (not a line break)', '// align-disable-next-line a\u2028b\nmetric A "A"\n//\u2028align-disable-next-line c\nmetric B "B"'],
        ['tabs and the last line without a line end', 'metric A "A"\n//\talign-disable-next-line\tmetric-unused'],
        ['after strings, one with an escaped quote and a slash', 'metric A "a \\" / b" // align-disable-next-line metric-unused\nmetric B "B"']
    ];
    for (const [says, text] of cases) {
        it(`${says}: the same lines and ids as matching each line`, () => {
            assert.deepEqual(found(text), byLines(text));
        });
    }

    it('finds them in a large document (the cases above, 2,000 times over)', () => {
        const text = cases.map(c => c[1]).join('\n').repeat(2000);
        const expected = byLines(text);
        assert.ok(expected.size > 10_000);
        assert.deepEqual(found(text), expected);
    });
});

describe('align-disable-next-line is a comment only where the lexer reads one', () => {
    const none: Array<[string, string]> = [
        ['inside a string', 'metric A "// align-disable-next-line metric-unused"\nmetric B "B"'],
        ['inside a string with an escaped quote', 'metric A "say \\"hi\\" // align-disable-next-line"\nmetric B "B"'],
        ['inside a block comment', '/* notes:\n   // align-disable-next-line -- */\nmetric B "B"'],
        ['inside an unclosed block comment', '/* notes:\n// align-disable-next-line\nmetric B "B"']
    ];
    for (const [says, text] of none) {
        it(`not ${says}`, () => assert.deepEqual(found(text), new Map()));
    }

    it('after a string closed on its line, and after a block comment closed before it', () => {
        assert.deepEqual(found('metric A "/*" // align-disable-next-line metric-unused\nmetric B "B"'), new Map([[1, new Set(['metric-unused'])]]));
        assert.deepEqual(found('/* a "b */ // align-disable-next-line\nmetric B "B"'), new Map([[1, 'all']]));
        // An unclosed string ends at its line's end, as the lexer reads it.
        assert.deepEqual(found('metric A "open\n// align-disable-next-line\nmetric B "B"'), new Map([[2, 'all']]));
    });

    it('in a check: a comment-like text in a string or a block comment hides nothing, and is no unknown rule id', async () => {
        const text = 'skill Sa "see // align-disable-next-line skill-enables-nothing"\nskill Sb "s"\n/* notes:\n   // align-disable-next-line -- */\nskill Sc "s"\n';
        const { findings } = await checkWorkspace({ 'a.align': text });
        assert.deepEqual(findings.filter(f => f.rule === 'skill-enables-nothing').map(f => f.line), [1, 2, 5]);
        assert.deepEqual(findings.filter(f => f.rule === 'syntax'), []);
    });
});

describe('align-disable-next-line never hides a syntax error', () => {
    it('hides the named rule and every rule without ids, but not the syntax error on that line', async () => {
        const { checkWorkspace } = await import('./helpers/check-workspace.js');
        const text = 'metric M "M" {\n  kind leading unit percent\n  // align-disable-next-line syntax, metric-without-source\n  baseline 14 %\n}\n';
        const { findings } = await checkWorkspace({ 'a.align': text });
        const at4 = findings.filter(f => f.line === 4).map(f => f.rule);
        assert.ok(at4.includes('syntax'), `the syntax error stays: ${JSON.stringify(findings)}`);
        const bare = await checkWorkspace({ 'a.align': text.replace('syntax, metric-without-source', '') });
        assert.ok(bare.findings.some(f => f.line === 4 && f.rule === 'syntax'), 'a comment without ids does not hide it either');
    });

    it('an id that names no rule is a syntax error on that id (it suppresses nothing), with the rule meant; the words after -- are no ids', async () => {
        const text = 'objective O "o" {\n  builds S\n}\nskill S "s"\n// align-disable-next-line objective-without-practise, metric-unused -- the pilot, for now\nobjective P "p" {\n  builds S\n}\n// align-disable-next-line frobnicate\nskill T "t"\n';
        const { findings } = await checkWorkspace({ 'a.align': text });
        const syntax = findings.filter(f => f.rule === 'syntax').map(f => `${f.line}:${f.column} ${f.message}`);
        assert.equal(syntax.length, 2, syntax.join('\n'));
        assert.equal(syntax[0], '5:28 Unknown rule id `objective-without-practise` in align-disable-next-line: it suppresses nothing; did you mean `objective-without-practice`?');
        assert.match(syntax[1]!, /^9:28 Unknown rule id `frobnicate` in align-disable-next-line: it suppresses nothing; give an id of the rule index \(https:\/\/[^)]+\)$/);
        // The finding the comment was meant for still shows; `the`, `pilot`, `for` and `now` are no ids.
        assert.ok(findings.some(f => f.rule === 'objective-without-practice' && f.line === 6), 'the finding it was meant to hide');
    });
});
