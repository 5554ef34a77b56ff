/**
 * A file with 200,000 comments in a row is valid Align: every command reads it
 * (built bundle). About 130,000 overflowed the stack while the parser placed
 * the comments ("align: internal error: Maximum call stack size exceeded", exit
 * 2, and the other files' findings were lost).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseFindings, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

describe('a file with 200,000 comments in a row', () => {
    before(requireBundle);
    after(removeTempDirs);

    let dir = '';
    before(() => {
        dir = tempDir();
        writeFile(dir, 'a.align', 'metric A "a" { kind lagging }\n' + '// c\n'.repeat(200_000));
        writeFile(dir, 'b.align', 'metric B "b" {\n' + '  /* b */\n'.repeat(200_000) + '  kind lagging\n}\n');
    });

    it('align check reads it and reports the findings of every file', () => {
        const result = runCli(['check', '--format', 'json', dir]);
        assert.doesNotMatch(result.stderr, /internal error|call stack/);
        assert.equal(result.status, 0, result.stderr);
        const files = new Set(parseFindings(result.stdout).map(f => path.basename(f.file)));
        assert.deepEqual([...files].sort(), ['a.align', 'b.align']);
    });

    it('align graph draws it', () => {
        const result = runCli(['graph', '--format', 'json', dir]);
        assert.doesNotMatch(result.stderr, /internal error|call stack/);
        assert.equal(result.status, 0, result.stderr);
    });

    it('align fmt --check reads it', () => {
        const result = runCli(['fmt', '--check', dir]);
        assert.doesNotMatch(result.stderr, /internal error|call stack/);
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stdout + result.stderr, /a\.align: not formatted/);
    });
});
