/**
 * `align check` (pretty) on a file whose parse stopped at the syntax-error
 * cap (language/syntax-error-cap.ts): past its first 20 syntax errors it
 * still shows the one that says the rest of the file was not read
 * (built bundle).
 */
import assert from 'node:assert/strict';
import { checkJson, linesOf, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

describe('align check (pretty): a file past the syntax-error cap', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('a reference of 11,000 dots: the first 20 syntax errors, the line on those not shown, then the error that says where Align stopped reading', function () {
        this.timeout(120_000);
        const dir = tempDir();
        writeFile(dir, 'dots.align', `skill S "s"\nmetric A { drives X${'.'.repeat(11_000)}\n}\nskill B "b"\n`);
        const all = checkJson(['.'], { cwd: dir, status: 1, timeout: 110_000 });
        const syntax = all.filter(f => f.rule === 'syntax');
        const stopped = syntax.at(-1)!;
        assert.match(stopped.message, /^Too many syntax errors: after the first 10,000, Align reads no further in this file\./);

        const result = runCli(['check', '.'], { cwd: dir, timeout: 110_000 });
        assert.equal(result.status, 1);
        const block = linesOf(result.stdout.slice(0, result.stdout.indexOf('\n\n')));
        assert.equal(block[0], 'dots.align');
        const isRow = (line: string): boolean => /^ {2}\d+:\d+ /.test(line);
        const rowsBefore = block.slice(1).findIndex(line => !isRow(line));
        assert.equal(rowsBefore, 20, block.join('\n'));
        const rest = block.slice(1 + rowsBefore);
        const more = rest.filter(line => !isRow(line)).join(' ').replace(/\s+/g, ' ');
        const others = all.length - syntax.length;
        const hidden = `… ${(syntax.length - 21).toLocaleString('en-US')} more syntax errors${others > 0 ? ` and ${others.toLocaleString('en-US')} other finding${others === 1 ? '' : 's'}` : ''} in this file, not shown`;
        assert.ok(more.includes(hidden), `${hidden}\n${block.join('\n')}`);
        const last = rest.filter(isRow);
        assert.equal(last.length, 1, 'one row after the line on those not shown');
        assert.ok(last[0]!.startsWith(`  ${stopped.line}:${stopped.column} `), last[0]);
        assert.ok(rest.join(' ').replace(/\s+/g, ' ').includes('Align reads no further in this file'), block.join('\n'));
        assert.ok(linesOf(result.stdout).every(l => [...l].length <= 80), 'within 80 columns');
    });
});
