/**
 * Fuzzing through the document builder (in memory, as the CLI and the
 * server build): random edits of the fixture examples, random token
 * streams, and random grammatical workspaces. Each build must not throw or
 * log, must not hang (20 s guard; build times are reported, and measured
 * by `npm run bench`), and must put every diagnostic inside its
 * document. Seeded: see helpers/fuzz-config.ts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { announceSeed, fuzzParameters, report, runsOf } from './helpers/fuzz-config.js';
import { buildStep, BUILD_LIMIT_MS, rangeProblem } from './helpers/build-check.js';
import { applyEdit, countKinds, editArb, fixtureFiles, KEYWORDS, NAMES, tokenStreamArb, type Edit } from './helpers/vocabulary.js';
import { workspaceArb } from './helpers/models.js';

interface Figures { runs: number; builds: number; maxMs: number; totalMs: number; diagnostics: number }

const newFigures = (): Figures => ({ runs: 0, builds: 0, maxMs: 0, totalMs: 0, diagnostics: 0 });

function record(figures: Figures, step: { ms: number; diagnostics: number }): void {
    figures.builds++;
    figures.maxMs = Math.max(figures.maxMs, step.ms);
    figures.totalMs += step.ms;
    figures.diagnostics += step.diagnostics;
}

const summary = (f: Figures) => `${f.builds} builds, ${f.diagnostics} diagnostics checked, build time mean ${Math.round(f.totalMs / Math.max(1, f.builds))} ms, max ${Math.round(f.maxMs)} ms (limit ${BUILD_LIMIT_MS} ms)`;

describe('reliability: fuzzing the document builder', function () {
    // Long runs (ALIGN_FUZZ_RUNS) take longer: never less than 10 minutes.
    this.timeout(Math.max(600_000, runsOf(150) * 2000));
    const fixtures = fixtureFiles();
    const names = Object.keys(fixtures).sort();

    before(async () => {
        announceSeed();
        assert.ok(KEYWORDS.includes('program') && KEYWORDS.includes('micro-challenge'), `keywords read from the grammar: ${KEYWORDS.join(' ')}`);
        assert.ok(NAMES.includes('ChurnRate') && NAMES.includes('ChurnPilot.RepeatContactRate'), `names read from the fixtures: ${NAMES.join(' ')}`);
        assert.ok(names.includes('catalog/data/nps.csv'), 'the fixtures hold a CSV file, fuzzed too');
        // Warm up: the first build compiles the parser.
        await buildStep(fixtures, 30_000);
    });

    it('the invariant checker itself rejects a diagnostic outside its document', () => {
        const text = 'ab\r\ncd\re';
        assert.equal(rangeProblem(text, { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } } }), undefined);
        assert.match(rangeProblem(text, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } } })!, /line count/);
        assert.match(rangeProblem(text, { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } } })!, /length/);
        assert.match(rangeProblem(text, { range: { start: { line: 1, character: 1 }, end: { line: 0, character: 1 } } })!, /after end/);
        assert.match(rangeProblem(text, { range: { start: { line: 0, character: NaN }, end: { line: 0, character: 1 } } })!, /not a position/);
    });

    it('random edits of the fixture files (delete, insert, duplicate, swap spans and lines; insert vocabulary tokens)', async () => {
        const figures = newFigures();
        const kinds: Record<string, number> = {};
        await fc.assert(
            fc.asyncProperty(fc.array(editArb(names.length), { minLength: 1, maxLength: 10 }), async (edits: Edit[]) => {
                const files = { ...fixtures };
                for (const edit of edits) {
                    const name = names[edit.file]!;
                    files[name] = applyEdit(files[name]!, edit);
                }
                record(figures, await buildStep(files));
                figures.runs++;
                countKinds(edits, kinds);
            }),
            fuzzParameters(150),
        );
        const edits = Object.values(kinds).reduce((a, b) => a + b, 0);
        report(`fixture edits: ${figures.runs} workspaces, ${edits} edits (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}); ${summary(figures)}`);
    });

    it('random token streams, alone and next to the fixtures', async () => {
        const figures = newFigures();
        let bytes = 0;
        await fc.assert(
            fc.asyncProperty(fc.array(tokenStreamArb(400), { minLength: 1, maxLength: 3 }), fc.boolean(), async (streams, withFixtures) => {
                const files: Record<string, string> = withFixtures ? { ...fixtures } : {};
                streams.forEach((s, i) => { files[`random${i}.align`] = s; bytes += s.length; });
                record(figures, await buildStep(files));
                figures.runs++;
            }),
            fuzzParameters(150),
        );
        report(`token streams: ${figures.runs} workspaces, ${bytes} characters; ${summary(figures)}`);
    });

    it('random grammatical workspaces parse without a syntax error and build cleanly', async () => {
        const figures = newFigures();
        const rules = new Map<string, number>();
        await fc.assert(
            fc.asyncProperty(workspaceArb, async files => {
                const step = await buildStep(files);
                record(figures, step);
                figures.runs++;
                for (const [file, keys] of Object.entries(step.keys)) {
                    const syntax = keys.filter(k => k.endsWith(':syntax'));
                    assert.deepEqual(syntax, [], `${file} is grammatical:\n${files[file]}\n${step.checked.findings.filter(f => f.rule === 'syntax').map(f => `${f.line}:${f.column} ${f.message}`).join('\n')}`);
                    for (const key of keys) {
                        const rule = key.slice(key.indexOf(':') + 1);
                        rules.set(rule, (rules.get(rule) ?? 0) + 1);
                    }
                }
            }),
            fuzzParameters(150),
        );
        report(`grammatical workspaces: ${figures.runs} workspaces; ${summary(figures)}; ${rules.size} distinct rules fired`);
        // The generator reaches most rules; a drop here means it lost coverage.
        if (runsOf(150) >= 150) assert.ok(rules.size >= 15, `rules fired: ${[...rules.keys()].sort().join(', ')}`);
    });
});
