/**
 * `--output FILE` of `align check`, `graph` and `report` (built bundle) never
 * creates a settings file: an `align.config.json` that is not there yet (in
 * the workspace folder, or a folder under it, where the next run would read
 * it as settings), nor a missing file of the `extends` chain. Both were
 * written (exit 0) and the next check reported the output as invalid
 * settings.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertOneLineFailure, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const SOURCE = 'metric M "M" {\n  kind lagging\n}\n';

describe('--output never creates a settings file', () => {
    before(requireBundle);
    after(removeTempDirs);

    const commands: string[][] = [['check', '.', '--format', 'json'], ['graph', '.', '--format', 'mermaid'], ['report', '.']];

    for (const command of commands) {
        it(`align ${command[0]} refuses align.config.json where there is none yet (exit 2, one line), and creates nothing`, () => {
            const dir = tempDir();
            writeFile(dir, 'a.align', SOURCE);
            writeFile(dir, 'programs/b.align', SOURCE.replace('M', 'N').replace('"M"', '"N"'));
            for (const output of ['align.config.json', './programs/align.config.json', 'Align.Config.json']) {
                const line = assertOneLineFailure(runCli([...command, '--output', output], { cwd: dir }), `--output ${output}`, 'a settings file');
                assert.match(line, /holds the settings of its folder and the folders under it\), which it would create; write the output to another file$/);
            }
            assert.deepEqual(fs.readdirSync(dir).sort(), ['a.align', 'programs']);
            assert.deepEqual(fs.readdirSync(path.join(dir, 'programs')), ['b.align']);
        });
    }

    it('refuses a file of the extends chain that is missing: writing it would make it the settings', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', SOURCE);
        writeFile(dir, 'align.config.json', '{ "extends": "./base.jsonc" }\n');
        for (const command of commands) {
            assertOneLineFailure(runCli([...command, '--output', 'base.jsonc'], { cwd: dir }), '--output base.jsonc', 'a settings file that "extends" reads, which it would create');
        }
        assert.equal(fs.existsSync(path.join(dir, 'base.jsonc')), false);
    });

    it('the help of each command says so beside --output', () => {
        for (const command of commands) {
            const help = runCli([command[0]!, '--help']).stdout;
            const option = help.slice(help.indexOf('-o, --output FILE'), help.indexOf('\n  -', help.indexOf('-o, --output FILE') + 1)).replace(/\s+/g, ' ');
            assert.match(option, /never an \.align file, align\.config\.json or another file the workspace reads/, `align ${command[0]} --help: ${option}`);
        }
    });
});
