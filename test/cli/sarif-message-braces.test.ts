/**
 * `align check --format sarif` and braces in a finding's message (a CSV
 * path, a title): SARIF 2.1.0 §3.11.5 reads `{0}` in a message as a
 * placeholder and requires literal braces as `{{` and `}}`. The other
 * formats keep the message as it is (built bundle).
 */
import assert from 'node:assert/strict';
import { checkJson, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const METRIC = 'metric K "k" {\n  kind lagging\n  unit count\n  direction up\n  baseline 1\n  target 2 by 2026-12-31\n  source "s"\n  owner "o"\n  cadence monthly\n}\noutcome O "o" { measured by K }\n';

interface SarifLog {
    runs: { results: { ruleId: string; message: { text: string; arguments?: string[] } }[] }[];
}

describe('align check --format sarif: braces in a message', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('a CSV path `data/{0}-{x}.csv` in a message: `{{0}}-{{x}}` in the SARIF message, the JSON finding as written', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', `${METRIC}actuals K from "data/{0}-{x}.csv"\n`);
        const json = checkJson(['.'], { cwd: dir, status: 1 });
        const finding = json.find(f => f.message.includes('data/{0}-{x}.csv'));
        assert.ok(finding, JSON.stringify(json));

        const result = runCli(['check', '.', '--format', 'sarif'], { cwd: dir });
        assert.equal(result.status, 1, result.stderr);
        const run = (JSON.parse(result.stdout) as SarifLog).runs[0]!;
        const texts = run.results.map(r => r.message.text);
        assert.ok(texts.includes(finding.message.replace(/[{}]/g, b => b + b)), JSON.stringify(texts));
        assert.ok(texts.every(text => !/[{}]/.test(text.replace(/\{\{|\}\}/g, ''))), 'every brace doubled');
        assert.ok(run.results.every(r => r.message.arguments === undefined), 'no arguments');
    });
});
