/**
 * What `align report` (its notice and standard error) and `align graph`
 * (standard error) say of a settings file with problems is what happened:
 * with an invalid part (a catalog not found, an unknown rule id) the rest of
 * the file applies, and they say that the invalid parts were ignored; only
 * a file that is not JSON gives no settings, and then they say that the
 * defaults apply.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DATE, report } from './report-helpers.js';
import { linesOf, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** A leading metric that drives nothing (`leading-drives-nothing`, a warning by default) and that no one uses (`metric-unused`). */
const METRIC = 'metric Lead "Lead" {\n  kind leading\n}\n';
const RULES = '"rules": { "leading-drives-nothing": "error", "metric-unused": "off", "no-such-rule": "error" }';

describe('align report and align graph: what a settings file with problems leaves in force', () => {
    before(requireBundle);
    after(removeTempDirs);

    const workspace = (config: string): string => {
        const dir = tempDir();
        writeFile(dir, 'lead.align', METRIC);
        writeFile(dir, 'align.config.json', config);
        return dir;
    };

    /** The closing line of `align graph` and `align report` on stderr, after checking the lines fit 80 columns. */
    const closingLines = (dir: string): string[] => ['graph', 'report'].map(command => {
        const result = runCli([command, '.', '--date', DATE, '--output', path.join(dir, `out-${command}`)], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        const lines = linesOf(result.stderr);
        for (const line of lines) assert.ok([...line].length <= 80, `longer than 80 columns: ${line}`);
        return lines.at(-1)!;
    });

    it('with a catalog not found and an unknown rule id: the rest applies, and the notice says the invalid parts were ignored', () => {
        const dir = workspace(`{ "catalogs": ["./nope"], ${RULES} }\n`);
        const text = report(['.'], dir, DATE, /\nalign: the report ignores the invalid settings; run align check\n$/);
        const line = text.split('\n').find(l => l.startsWith('> **'));
        assert.ok(line, text.slice(0, 800));
        assert.match(line, /^> \*\*The settings file has 2 problems\*\*: `align\.config\.json:1:\d+` catalogs: no file or folder \.\/nope/);
        assert.ok(line.includes('(the other is listed with the findings). The parts of `align.config.json` that could be read apply and the invalid ones were ignored'), line);
        assert.ok(!/default/i.test(line), `no word of defaults: ${line}`);
        // The valid rules were applied: the severity set, the rule turned off.
        assert.ok(text.includes('- `leading-drives-nothing` (error, 1)'), text);
        assert.ok(!text.includes('metric-unused'), 'the rule turned off is not reported');
        assert.ok(text.includes('- `config-invalid` (error, 2)'), 'the problems are listed with the findings');
        assert.deepEqual(closingLines(dir), ['align: the graph ignores the invalid settings; run align check', 'align: the report ignores the invalid settings; run align check']);
    });

    it('with one invalid part: names the one problem, and says nothing of others', () => {
        const dir = workspace(`{ "catalogs": ["./nope"] }\n`);
        const line = report(['.'], dir, DATE, /ignores the invalid settings/).split('\n').find(l => l.startsWith('> **'));
        assert.match(line ?? '', /^> \*\*The settings file has 1 problem\*\*: `align\.config\.json:1:\d+` catalogs: no file or folder \.\/nope .*; correct the path\. The parts of `align\.config\.json` that could be read apply/);
        assert.ok(!line!.includes('listed with the findings'), line);
    });

    it('with a file that is not JSON: no settings apply, and the notice says the defaults do', () => {
        const dir = workspace(`{ ${RULES},\n`);
        const text = report(['.'], dir, DATE, /\nalign: the report takes the default settings; run align check\n$/);
        const line = text.split('\n').find(l => l.startsWith('> **'));
        assert.ok(line, text.slice(0, 800));
        assert.match(line, /^> \*\*The settings did not load\*\*: `align\.config\.json:\d+:\d+` align\.config\.json is not valid JSON: .*\. The default rules and severities apply, so the findings below are not those the settings ask for\.$/);
        assert.ok(!line.includes('; the defaults apply'), `said once: ${line}`);
        // Nothing of the file was applied: the default severity, and the rule not turned off.
        assert.ok(text.includes('- `leading-drives-nothing` (warning, 1)'), text);
        assert.ok(text.includes('- `metric-unused` ('), text);
        assert.deepEqual(closingLines(dir), ['align: the graph takes the default settings; run align check', 'align: the report takes the default settings; run align check']);
    });
});
