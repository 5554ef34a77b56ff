/**
 * Fuzzing the canonical formatter (`align fmt` and the server's document
 * formatting share `formatAlign`, language/format/format-align.ts), checked
 * from the outside (helpers/format-invariants.ts): idempotent, the same
 * tokens in the canonical order, the same comments, a canonical face, and
 * the same findings of `align check` (rule, severity, message, element,
 * the tokens they mark; positions may move) and the same impact graph. A
 * text with a syntax error is refused, so that `align fmt` leaves it as it
 * is. Inputs: random grammatical workspaces and the fixture and example
 * files, each laid out at random with new comments (helpers/layout-noise.ts),
 * random edits of them (with or without a syntax error), and odd inputs
 * written by hand. Seeded: see helpers/fuzz-config.ts; a failure prints the
 * seed and the input.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { formatAlign, formatterServices, type FormatOptions } from '../../language/format/format-align.js';
import { announceSeed, FUZZ_SEED, fuzzParameters, report, runsOf } from './helpers/fuzz-config.js';
import { formatChecked, meaningOf, type Formatted } from './helpers/format-invariants.js';
import { relaidOut } from './helpers/layout-noise.js';
import { workspaceArb } from './helpers/models.js';
import { applyEdit, editArb, REPO_ROOT, type Edit } from './helpers/vocabulary.js';

/** The refusal the formatter documents for a text that parses: a line after `align-disable-next-line` whose text the layout would change. */
const SUPPRESSION_REFUSAL = /follows an `align-disable-next-line` comment/;

/** Every `.align` file of examples/ and test/fixtures/, relative path to text. */
function sourceFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
            else if (entry.name.endsWith('.align')) files[path.relative(REPO_ROOT, full)] = fs.readFileSync(full, 'utf-8');
        }
    };
    walk(path.join(REPO_ROOT, 'examples'));
    walk(path.join(REPO_ROOT, 'test/fixtures'));
    return files;
}

const parses = (text: string): boolean => {
    const parsed = formatterServices().parser.LangiumParser.parse(text.replace(/^\ufeff/, ''));
    return parsed.lexerErrors.length === 0 && parsed.parserErrors.length === 0;
};

/** Runs `check` with the input shown on failure: the seed, the file's name and its text (as a JSON string, so that every character shows). */
function explained<T>(what: string, text: string, check: () => T): T {
    try {
        return check();
    } catch (e) {
        throw new Error(`${what} (fuzz seed ${FUZZ_SEED}): ${(e as Error).message}\ninput:\n${JSON.stringify(text)}`, { cause: e });
    }
}

interface Figures { files: number; changed: number; reordered: number; refused: number; characters: number }
const newFigures = (): Figures => ({ files: 0, changed: 0, reordered: 0, refused: 0, characters: 0 });

function count(figures: Figures, input: string, result: Formatted): void {
    figures.files++;
    figures.characters += input.length;
    if (result.error) figures.refused++;
    else if (result.text !== input) figures.changed++;
    if (result.reordered) figures.reordered++;
}

const summary = (f: Figures) => `${f.files} files (${f.characters} characters): ${f.changed} changed, ${f.reordered} with program items moved, ${f.refused} refused (align-disable-next-line)`;

/** The indentation options an editor sends (LSP `FormattingOptions`): the default, 4 spaces, tabs. */
const OPTIONS: readonly FormatOptions[] = [{}, { tabSize: 4, insertSpaces: true }, { tabSize: 4, insertSpaces: false }];

/**
 * Formats every file of a workspace (checked) with `options`, and compares
 * what `check` makes of the workspace before and after.
 */
async function formatWorkspace(files: Record<string, string>, figures: Figures, options: FormatOptions = {}): Promise<void> {
    const formatted: Record<string, string> = { ...files };
    for (const [name, text] of Object.entries(files)) {
        if (!name.endsWith('.align')) continue;
        const result = explained(`formatting ${name} with ${JSON.stringify(options)}`, text, () => formatChecked(text, SUPPRESSION_REFUSAL, t => formatAlign(t, options)));
        count(figures, text, result);
        if (result.text !== undefined) formatted[name] = result.text;
    }
    const changed = Object.keys(files).filter(n => files[n] !== formatted[n]);
    if (changed.length === 0) return;
    const [before, after] = [await meaningOf(files), await meaningOf(formatted)];
    const shown = changed.map(n => `${n}:\n${JSON.stringify(files[n])}\nformatted:\n${JSON.stringify(formatted[n])}`).join('\n');
    assert.deepEqual(after.findings, before.findings, `fuzz seed ${FUZZ_SEED}: the findings differ once formatted\n${shown}`);
    assert.equal(after.graph, before.graph, `fuzz seed ${FUZZ_SEED}: the impact graph differs once formatted\n${shown}`);
}

describe('reliability: fuzzing the formatter', function () {
    this.timeout(Math.max(300_000, runsOf(150) * 2000));
    const sources = sourceFiles();
    // Templates (`program ${name} ...`) are not Align until filled in.
    const names = Object.keys(sources).filter(n => parses(sources[n]!)).sort();

    before(() => {
        announceSeed();
        assert.ok(names.length >= 15 && names.includes('examples/churn-pilot.align'), `source files: ${names.join(', ')}`);
    });

    it('the checks themselves catch a dropped comment, a moved token, trailing white space, another line break, a result that changes again', () => {
        // A formatter that turns `text` into `result`, and leaves every other text (`result` included) as it is.
        const broken = (text: string, result: string, again = result) => () => formatChecked(text, undefined, t =>
            t === text ? { text: result, changed: result !== text } : t === result ? { text: again, changed: again !== result } : { text: t, changed: false });
        assert.throws(broken('skill A // note\n', 'skill A\n'), /comment 1 is undefined/);
        assert.throws(broken('skill A\nskill B\n', 'skill B\nskill A\n'), /token 2 is "B", expected "A"/);
        assert.throws(broken('skill A\n', 'skill A \n'), /trailing white space/);
        assert.throws(broken('skill A\r\nskill B\n', 'skill A\nskill B\n'), /line break "\\n" in a file whose first line break is "\\r\\n"/);
        assert.throws(broken('skill A\n', 'skill  A\n', 'skill A\n'), /not idempotent/);
        assert.throws(broken('program P0 {\n  skill A\n  owner "o"\n}\n', 'program P0 {\n  skill A\n  owner "o"\n}\n'), /token 4 is "skill", expected "owner"/);
        assert.deepEqual(broken('skill A\n', 'skill A\n')(), { text: 'skill A\n', reordered: false });
    });

    it('the fixture and example files, as written and laid out at random: the invariants hold', async () => {
        const figures = newFigures();
        for (const name of names) {
            const text = sources[name]!;
            explained(`formatting ${name}`, text, () => count(figures, text, formatChecked(text, SUPPRESSION_REFUSAL)));
        }
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...names), fc.integer(), async (name, seed) => {
                const text = relaidOut(sources[name]!, seed).text;
                await formatWorkspace({ [path.basename(name)]: text }, figures);
            }),
            fuzzParameters(40),
        );
        report(`fixtures and examples: ${summary(figures)}`);
    });

    it('random grammatical workspaces laid out at random with new comments, indented by 2 or 4 spaces or tabs: the invariants hold, check finds the same', async () => {
        const figures = newFigures();
        await fc.assert(
            fc.asyncProperty(workspaceArb, fc.integer(), async (workspace, seed) => {
                const files: Record<string, string> = {};
                for (const [name, text] of Object.entries(workspace)) files[name] = name.endsWith('.align') ? relaidOut(text, seed).text : text;
                for (const [name, text] of Object.entries(files)) {
                    if (name.endsWith('.align')) assert.ok(parses(text), `the noise keeps a grammatical file grammatical (seed ${seed}):\n${JSON.stringify(text)}`);
                }
                await formatWorkspace(files, figures, OPTIONS[Math.abs(seed) % OPTIONS.length]);
            }),
            fuzzParameters(80),
        );
        report(`grammatical workspaces: ${summary(figures)}`);
        if (runsOf(80) >= 80) assert.ok(figures.changed > figures.files / 2 && figures.reordered > 0, summary(figures));
    });

    it('random edits of the files: a syntax error is refused (the text stays as it is); a text that still parses keeps the invariants', () => {
        const figures = newFigures();
        let errors = 0;
        fc.assert(
            fc.property(fc.constantFrom(...names), fc.integer(), fc.array(editArb(1), { minLength: 1, maxLength: 4 }), (name, seed, edits: Edit[]) => {
                const text = edits.reduce(applyEdit, seed % 2 === 0 ? sources[name]! : relaidOut(sources[name]!, seed).text);
                explained(`formatting an edit of ${name}`, text, () => {
                    if (parses(text)) {
                        count(figures, text, formatChecked(text, SUPPRESSION_REFUSAL));
                        return;
                    }
                    errors++;
                    const result = formatAlign(text);
                    assert.ok('error' in result, `a text with a syntax error was formatted:\n${JSON.stringify('text' in result ? result.text : '')}`);
                    assert.match(result.error, /^Not formatted: the file has a syntax error \((\d+:\d+|end of file:) .+\)\.$/);
                });
            }),
            fuzzParameters(400),
        );
        report(`edits: ${errors} texts with a syntax error refused; of those that parse, ${summary(figures)}`);
    });

    describe('odd but valid inputs', () => {
        const long = 'x'.repeat(20_000);
        const cases: Record<string, string> = {
            'empty file': '',
            'only white space': ' \n\t\n\r\n',
            'only a BOM': '\ufeff',
            'only comments': '// one\n\n/* two */\n/** three */\n',
            'only a comment, no line break': '// one',
            'only a block comment, no line break': '/* one\n   two */',
            'CRLF': 'metric A "a" {\r\n    kind lagging\r\n}\r\nskill B\r\n',
            'a lone CR': 'metric A "a" {\r    kind lagging\r}\rskill B\r',
            'mixed line breaks, CRLF first': 'skill A\r\nskill B\nskill C\rskill D\n',
            'a BOM and CRLF': '\ufeffskill A\r\n\r\n\r\nskill B\r\n',
            'tabs': 'program P0 {\n\tsponsor\t"x"\n\t\tskill A {\tassessed\tby "t"\t}\n}\n',
            'a very long string': `metric A "${long}" {\n  source "${long}"\n}\n`,
            'a very long line comment': `skill A // ${long}\nskill B\n`,
            'unicode in strings and comments': 'skill A "é ünïcödé 😀 中文" // 😀 note\n/** doc é 😀 */\nskill B "\u200b"\n',
            'a comment at the end without a line break': 'skill A\n// last',
            'a block comment at the end without a line break': 'skill A /* last */',
            'a doc comment at the end': 'skill A\n/** nothing after */',
            'comments everywhere': '/*a*/program/*b*/P0/*c*/"t"/*d*/{/*e*/sponsor/*f*/"s"/*g*/skill/*h*/A/*i*/}/*j*/',
            'suppressions': '// align-disable-next-line\nobjective O "o" { practice roleplay }\n\nobjective Q "q" {\n  // align-disable-next-line objective-without-kpi\n  practice case\n}\n',
            'a suppressed one-line block': 'program P0 {\n  // align-disable-next-line\n  objective O { practice roleplay }\n}\n',
            'a suppression at the end of the file': 'skill A\n// align-disable-next-line',
            'attributes after members, with comments and docs': 'program P0 "p" {\n  skill A /** doc of B */\n  skill B\n  owner "o" // owner note\n  /** doc of C */\n  skill C\n  isolate C by trend\n}\n',
            'a header comment before the brace': 'program P0 "p" // note\n{\n  owner "o"\n}\n',
            'a doc comment before the brace': 'program P0 "p" /** doc */\n{\n  owner "o"\n}\n',
            'names that are keywords': 'metric source "s" {\n  drives value, owner\n}\nmetric value\nmetric owner\n',
            'an empty block and an empty program': 'skill A {}\nprogram P0 {\n}\nprogram P1 { }\n',
            'actuals rows on one line': 'metric M { unit percent }\nactuals M { 2026-01: 12% 2026-02 : 13% }\n',
        };
        for (const [what, text] of Object.entries(cases)) {
            it(`${what}: the invariants hold, check finds the same`, async () => {
                assert.ok(parses(text), `${what} parses`);
                await formatWorkspace({ 'odd.align': text }, newFigures());
            });
        }
    });
});
