/**
 * `align diff` names its sides as given, backticks included (a folder, or a
 * git branch, may hold them): the md comment writes each as one code span
 * whose fence is longer than its runs of backticks, and the text format
 * keeps them. The line was built with backticks and split on them again,
 * which broke the spans (`` `b`a <x` `` read as code `b`, then text) and
 * dropped the label's backticks from the text format.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const OLD = 'old `x`';
const NEW = 'new``y';

describe('align diff: side labels with backticks', () => {
    before(requireBundle);
    after(removeTempDirs);

    function diff(format: string): string {
        const dir = tempDir();
        writeFile(dir, path.join(OLD, 'a.align'), 'outcome O "Old" {\n}\n');
        writeFile(dir, path.join(NEW, 'a.align'), 'outcome O "New" {\n}\n');
        const result = runCli(['diff', OLD, NEW, '--format', format], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        return result.stdout;
    }

    it('md: each label is one code span, its fence longer than its backticks', () => {
        const lines = diff('md').split('\n');
        assert.ok(lines.includes('`` old `x` `` → ```new``y```'), lines.slice(0, 8).join('\n'));
    });

    it('text: the labels as given', () => {
        assert.equal(diff('text').split('\n')[0], `Align diff: ${OLD} → ${NEW}`);
    });
});
