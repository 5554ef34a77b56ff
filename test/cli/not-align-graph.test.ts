/**
 * `align graph` and the report's coverage of a workspace with a file that is
 * not Align text (a README saved as `.align`, cli/graph/not-align-files.ts):
 * what the parser recovered from its prose (a program `serves`, objectives
 * `names` and `Read`) is not drawn in any format, not focused on, and not
 * counted in "Aligned x/y objectives"; one line on stderr names the file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATE, report } from './report-helpers.js';
import { copyExamples, linesOf, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** Prose the parser reads a program `serves` and the objectives `names` and `Read` from (the last one unaligned). */
const NOTES = '# Notes\n\nEach program serves an outcome. An objective names a skill and a kpi.\n\nobjective Read "Read the README" {\n  kpi Churn\n}\n';
const NOT_ALIGN_LINE = /^notes\.align:1:1: is not Align text: left out whole \(\d+ syntax errors\)$/;
const FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;

describe('align graph and the report\'s coverage of a file that is not Align text', () => {
    before(requireBundle);
    after(removeTempDirs);

    /** `align graph --format FORMAT` in `dir`: exit 0, its output and stderr lines. */
    const graph = (dir: string, ...args: string[]): { stdout: string; stderr: string[] } => {
        const result = runCli(['graph', '.', ...args], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        return { stdout: result.stdout, stderr: linesOf(result.stderr) };
    };

    it('draws, in every format, what it draws without the file, and names the file once on stderr', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        const without = FORMATS.map(format => graph(dir, '--format', format).stdout);
        writeFile(dir, 'notes.align', NOTES);
        FORMATS.forEach((format, i) => {
            const { stdout, stderr } = graph(dir, '--format', format);
            assert.equal(stdout, without[i], `${format}: nothing recovered from notes.align is drawn, and the coverage is the same`);
            assert.equal(stderr.length, 2, stderr.join('\n'));
            assert.match(stderr[0]!, NOT_ALIGN_LINE);
            assert.equal(stderr[1], 'align: the graph leaves out the file that is not Align text; run align check');
        });
        const json = JSON.parse(graph(dir, '--format', 'json').stdout) as { nodes: Array<{ uri: string }>; coverage: { aligned: number; total: number } };
        assert.ok(json.nodes.length > 0 && json.nodes.every(n => !n.uri.endsWith('/notes.align')));
        assert.deepEqual(json.coverage, { aligned: 2, total: 2 }, 'the objectives of churn-pilot.align only');
    });

    it('does not focus on a program recovered from the file', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        writeFile(dir, 'notes.align', NOTES);
        const result = runCli(['graph', '.', '--focus', 'serves'], { cwd: dir });
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, /--focus serves: no such program or outcome/);
    });

    it('names the file apart from an Align file with a syntax error further on, whose readable part is drawn', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        writeFile(dir, 'notes.align', NOTES);
        writeFile(dir, 'other.align', '// A program with a mistake.\nprogram Other "Other" {\n  serves ???\n}\n');
        const { stdout, stderr } = graph(dir, '--format', 'json');
        assert.equal(stderr.length, 4, stderr.join('\n'));
        assert.match(stderr[0]!, NOT_ALIGN_LINE);
        assert.match(stderr[1]!, /^other\.align:3:\d+: .+ \(\d+ syntax errors?\)$/);
        assert.deepEqual(stderr.slice(2), ['align: the graph leaves out the file that is not Align text and what could not', '  be read; run align check']);
        const ids = (JSON.parse(stdout) as { nodes: Array<{ id: string }> }).nodes.map(n => n.id);
        assert.ok(ids.includes('Other'), 'the program of other.align is drawn');
    });

    it('counts in the report\'s coverage only the objectives of Align files, and names the file on stderr as align graph does', () => {
        const dir = tempDir();
        copyExamples(dir, 'churn-pilot.align');
        writeFile(dir, 'notes.align', NOTES);
        const result = runCli(['report', '.', '--date', DATE, '--output', path.join(dir, 'review.md')], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        const text = fs.readFileSync(path.join(dir, 'review.md'), 'utf8');
        fs.rmSync(path.join(dir, 'notes.align'));
        fs.rmSync(path.join(dir, 'review.md'));
        const aligned = /^\*\*Aligned \d+\/\d+ objectives[^*]*\*\* across the workspace/m;
        assert.equal(text.match(aligned)?.[0], report(['.'], dir, DATE).match(aligned)?.[0], 'the coverage of the workspace without the file');
        assert.match(text, /^\*\*Aligned 2\/2 objectives \(100%\)\*\* across the workspace/m);
        const stderr = linesOf(result.stderr);
        assert.equal(stderr.length, 2, result.stderr);
        assert.match(stderr[0]!, NOT_ALIGN_LINE);
        assert.equal(stderr[1], 'align: the report leaves out the file that is not Align text; run align check');
    });
});
