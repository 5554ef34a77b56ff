/**
 * `align fmt` and `fmt --check` on doc comments whose continuation lines
 * have no leading `*`, through the built bundle: moving such a comment to
 * another indentation is no change of meaning, and the doc the graph reads
 * (hover, report, diff) is the same before and after.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linesOf, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

/** The doc of each graph node that has one, by qualified name (`align graph --format json`). */
function docsOf(dir: string): Record<string, string> {
    const result = runCli(['graph', '.', '--format', 'json'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const nodes = (JSON.parse(result.stdout) as { nodes: Array<{ qualifiedName: string; doc?: string }> }).nodes;
    return Object.fromEntries(nodes.filter(n => n.doc !== undefined).map(n => [n.qualifiedName, n.doc!]));
}

describe('align fmt: doc comments without leading stars', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('re-indents a 4-space file: --check says not formatted, fmt writes it, the docs read the same', () => {
        const dir = tempDir();
        writeFile(dir, 'pilot.align', lines(
            'program Pilot "Pilot" {',
            '    serves Grow',
            '',
            '    /** The behaviour managers coach hardest,',
            '        in weekly one-to-ones. */',
            '    behavior Probing "Asks open questions"',
            '}'));
        const docs = docsOf(dir);
        assert.deepEqual(docs, { 'Pilot.Probing': 'The behaviour managers coach hardest,\n    in weekly one-to-ones.' });
        const check = runCli(['fmt', '--check', 'pilot.align'], { cwd: dir });
        assert.deepEqual([check.status, linesOf(check.stdout), check.stderr], [1, ['pilot.align: not formatted'], 'align: run align fmt pilot.align to format 1 file\n']);
        const result = runCli(['fmt', 'pilot.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(fs.readFileSync(path.join(dir, 'pilot.align'), 'utf-8'), lines(
            'program Pilot "Pilot" {',
            '  serves Grow',
            '',
            '  /** The behaviour managers coach hardest,',
            '      in weekly one-to-ones. */',
            '  behavior Probing "Asks open questions"',
            '}'));
        assert.deepEqual(docsOf(dir), docs);
    });

    it('formats a doc comment at the end of a line whose start moves: its continuation lines move with it, the doc reads the same', () => {
        const dir = tempDir();
        writeFile(dir, 'trailing.align', lines(
            'program P "p" {',
            '    skill A "a" /** The doc of B,',
            '                    continued. */',
            '    skill B',
            '}'));
        const docs = docsOf(dir);
        assert.deepEqual(docs, { 'P.B': 'The doc of B,\n    continued.' });
        const result = runCli(['fmt', 'trailing.align'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        // Kept as written, `continued.` gained two spaces in the doc of B.
        assert.equal(fs.readFileSync(path.join(dir, 'trailing.align'), 'utf-8'), lines(
            'program P "p" {',
            '  skill A "a" /** The doc of B,',
            '                  continued. */',
            '  skill B',
            '}'));
        assert.deepEqual(docsOf(dir), docs);
    });
});
