/**
 * `align graph` and `align report` name a settings file with problems on
 * standard error as `align check` names the files of its findings: relative
 * to the current folder (report named it from the workspace root, so the
 * same `--config` file had two names), and once on the line (the message's
 * own leading file name is left out after `FILE:LINE:COLUMN:`).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { copyExamples, linesOf, parseFindings, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

describe('align graph and align report: the settings file named on stderr as align check names it', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('a --config file outside the workspace: the same cwd-relative name in check, graph and report, once per line', () => {
        const dir = tempDir();
        copyExamples(path.join(dir, 'programs'), 'safety.align');
        const here = path.join(dir, 'settings');
        writeFile(here, 'bad.json', '{bad\n');
        const check = runCli(['check', '--config', 'bad.json', '../programs', '--format', 'json'], { cwd: here });
        assert.deepEqual(parseFindings(check.stdout).filter(f => f.rule === 'config-invalid').map(f => f.file), ['bad.json']);
        for (const command of ['graph', 'report']) {
            const result = runCli([command, '--config', 'bad.json', '../programs', '--output', path.join(dir, `out-${command}`)], { cwd: here });
            assert.equal(result.status, 0, result.stderr);
            const [line, closing] = linesOf(result.stderr);
            assert.match(line ?? '', /^bad\.json:1:2: is not valid JSON: Expected property name/, `align ${command}: ${result.stderr}`);
            assert.equal(line!.split('bad.json').length, 2, `the file named once: ${line}`);
            assert.ok([...line!].length <= 80, line);
            assert.equal(closing, `align: the ${command} takes the default settings; run align check`);
        }
    });
});
