/**
 * `align check`, `align graph` and `align diff` with `--output FILE` and no
 * `--format` write the format the file's extension names (as `align report`
 * does, report-output-format.test.ts): `-o align.sarif` is SARIF, `-o
 * chain.svg` an SVG, `-o align-diff.md` the pull-request comment. A
 * `--format` the extension contradicts is kept, with one warning; a format
 * that also writes that kind of file (`gitlab` into `.json`) is no
 * contradiction.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

/** Runs align with `args`, asserts the exit status, and gives the file written and standard error. */
function written(args: readonly string[], file: string, status: number): { text: string; stderr: string } {
    const result = runCli([...args, '--output', file]);
    assert.equal(result.status, status, `align ${args.join(' ')} -o ${file}\nstderr: ${result.stderr}`);
    return { text: fs.readFileSync(file, 'utf-8'), stderr: result.stderr.replace(/\n {2}/g, ' ') };
}

const isJson = (text: string) => { JSON.parse(text); return true; };
const isSarif = (text: string) => JSON.parse(text).version === '2.1.0';
const isPretty = (text: string) => /problems? \(\d+ errors?, \d+ warnings?, \d+ infos?\) in \d+ of \d+ files/.test(text) && !text.trimStart().startsWith('{');

describe('--output names the format (check, graph, diff)', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('align check: .sarif is SARIF, .json JSON, .xml JUnit, any other name the text', () => {
        const dir = tempDir();
        const check = ['check', EXAMPLES];
        assert.ok(isSarif(written(check, path.join(dir, 'align.sarif'), 1).text));
        const json = written(check, path.join(dir, 'FINDINGS.JSON'), 1).text;
        assert.ok(Array.isArray(JSON.parse(json)), json.slice(0, 80));
        assert.match(written(check, path.join(dir, 'align-junit.xml'), 1).text, /^<\?xml[^>]*>\s*<testsuites/);
        const text = written(check, path.join(dir, 'findings.txt'), 1);
        assert.ok(isPretty(text.text), text.text.slice(-200));
        assert.equal(text.stderr, '');
    });

    it('align check: gitlab into .json is no contradiction; sarif into .xml is kept and said', () => {
        const dir = tempDir();
        const gitlab = written(['check', EXAMPLES, '--format', 'gitlab'], path.join(dir, 'gl-code-quality-report.json'), 1);
        assert.equal(gitlab.stderr, '');
        assert.ok(isJson(gitlab.text) && JSON.parse(gitlab.text)[0].fingerprint !== undefined, gitlab.text.slice(0, 120));
        const file = path.join(dir, 'results.xml');
        const sarif = written(['check', EXAMPLES, '-f', 'sarif'], file, 1);
        assert.ok(isSarif(sarif.text), 'written as --format asks');
        assert.equal(sarif.stderr, `align: --output ${file} is named for JUnit XML, but --format sarif writes SARIF; it is written as --format asks. Leave --format out to write JUnit XML, or name the file .sarif\n`);
    });

    it('align graph: .svg, .dot, .gv, .json and .mmd; any other name Mermaid', () => {
        const dir = tempDir();
        const graph = ['graph', EXAMPLES];
        assert.match(written(graph, path.join(dir, 'chain.svg'), 0).text, /^<svg|^<\?xml/);
        assert.match(written(graph, path.join(dir, 'chain.dot'), 0).text, /^digraph /);
        assert.match(written(graph, path.join(dir, 'chain.gv'), 0).text, /^digraph /);
        assert.ok(Array.isArray(JSON.parse(written(graph, path.join(dir, 'chain.json'), 0).text).nodes));
        assert.match(written(graph, path.join(dir, 'chain.mmd'), 0).text, /^(---[\s\S]*?---\n)?flowchart /);
        assert.match(written(graph, path.join(dir, 'chain.txt'), 0).text, /^(---[\s\S]*?---\n)?flowchart /);
        const contradicted = written([...graph, '--format', 'mermaid'], path.join(dir, 'x.svg'), 0);
        assert.match(contradicted.text, /^(---[\s\S]*?---\n)?flowchart /);
        assert.match(contradicted.stderr, /x\.svg is named for SVG, but --format mermaid writes Mermaid; .* or name the file \.mmd\n$/);
    });

    it('align diff: .md is the pull-request comment, .json the comparison, any other name the text', () => {
        const dir = tempDir();
        const diff = ['diff', EXAMPLES, EXAMPLES];
        assert.match(written(diff, path.join(dir, 'align-diff.md'), 0).text, /<!-- align-diff -->/);
        assert.equal(JSON.parse(written(diff, path.join(dir, 'diff.json'), 0).text).schema, 'align-diff/v1');
        const text = written(diff, path.join(dir, 'diff.log'), 0).text;
        assert.ok(!text.includes('<!-- align-diff -->') && !text.trimStart().startsWith('{'), text.slice(0, 120));
        const kept = written([...diff, '--format', 'json'], path.join(dir, 'comment.md'), 0);
        assert.ok(isJson(kept.text));
        assert.match(kept.stderr, /comment\.md is named for Markdown, but --format json writes JSON;/);
    });
});
