/**
 * `--output FILE` of `align check`, `graph` and `report` (built bundle) never
 * overwrites a catalog's `.align` file (one the run parsed, or one it left
 * out as the workspace does not need it), a catalog's actuals CSV, or a
 * settings file of the `extends` chain. All three were overwritten (exit 0)
 * while the help said "never an .align file or the settings it reads".
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertOneLineFailure, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const FILES: Record<string, string> = {
    'a.align': 'outcome O "Outcome" {\n  measured by Z\n}\n',
    'align.config.json': '{ "extends": "./base.json", "catalogs": ["./cat"] }\n',
    'base.json': '{ "extends": "./org/org.json", "rules": { "objective-without-practice": "off" } }\n',
    'org/org.json': '{ "rules": { "metric-unused": "off" } }\n',
    // Used by the workspace: parsed.
    'cat/z.align': 'metric Z "z" {\n  kind lagging\n}\nactuals Z from "z.csv"\n',
    'cat/z.csv': 'period,value\n2026-01,5\n',
    // Not used: not parsed by the run, still a catalog file.
    'cat/y.align': 'metric Y "y" {\n  kind lagging\n}\nactuals Y from "data/y.csv"\n',
    'cat/data/y.csv': 'period,value\n2026-01,7\n',
};

describe('--output over a catalog or an extended settings file', () => {
    before(requireBundle);
    after(removeTempDirs);

    const refused: Array<[string, string]> = [
        ['cat/z.align', 'a catalog\'s .align file'],
        ['cat/y.align', 'a catalog\'s .align file'],
        ['cat/z.csv', 'an actuals file'],
        ['cat/data/y.csv', 'an actuals file'],
        ['base.json', 'a settings file that "extends" reads'],
        ['org/org.json', 'a settings file that "extends" reads'],
        ['align.config.json', 'the settings file'],
    ];
    const commands: string[][] = [['report', '.'], ['graph', '.', '--format', 'mermaid'], ['check', '.', '--format', 'json']];

    for (const command of commands) {
        it(`align ${command[0]} refuses each (exit 2, one line) and leaves it as it was`, () => {
            const dir = tempDir();
            for (const [name, text] of Object.entries(FILES)) writeFile(dir, name, text);
            for (const [output, what] of refused) {
                assertOneLineFailure(runCli([...command, '--output', output], { cwd: dir }), `--output ${output}`, what);
            }
            for (const [name, text] of Object.entries(FILES)) assert.equal(fs.readFileSync(path.join(dir, name), 'utf-8'), text, `${name} is untouched`);
        });
    }

    it('still writes any other file next to them', () => {
        const dir = tempDir();
        for (const [name, text] of Object.entries(FILES)) writeFile(dir, name, text);
        const result = runCli(['report', '.', '--output', 'cat/report.md'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.ok(fs.readFileSync(path.join(dir, 'cat/report.md'), 'utf-8').length > 0);
    });
});
