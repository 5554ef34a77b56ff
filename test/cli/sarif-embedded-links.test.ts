/**
 * `align check --format sarif` and a finding's message quoting `[x](0)` (a
 * CSV path, a title): SARIF 2.1.0 §3.11.6 reads it in a plain text message
 * as an embedded link to the location whose `id` is 0, and requires the
 * brackets of a link's text to be escaped with a backslash. The SARIF
 * message escapes the `]`; the JSON finding keeps the path as written
 * (built bundle).
 */
import assert from 'node:assert/strict';
import { checkJson, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const METRIC = 'metric K "k" {\n  kind lagging\n  unit count\n  direction up\n  baseline 1\n  target 2 by 2026-12-31\n  source "s"\n  owner "o"\n  cadence monthly\n}\noutcome O "o" { measured by K }\n';

interface SarifLog {
    runs: { results: { message: { text: string } }[] }[];
}

describe('align check --format sarif: brackets that would make an embedded link', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('a CSV path `data/[x](0)-[y](https://e.com).csv`: `[x\\](0)` and `[y\\](https://e.com)` in the SARIF message', () => {
        const dir = tempDir();
        const file = 'data/[x](0)-[y](https://e.com).csv';
        writeFile(dir, 'a.align', `${METRIC}actuals K from "${file}"\n`);
        const finding = checkJson(['.'], { cwd: dir, status: 1 }).find(f => f.message.includes(file));
        assert.ok(finding, `a finding quotes ${file}`);

        const result = runCli(['check', '.', '--format', 'sarif'], { cwd: dir });
        assert.equal(result.status, 1, result.stderr);
        const texts = (JSON.parse(result.stdout) as SarifLog).runs[0]!.results.map(r => r.message.text);
        assert.ok(texts.includes(finding.message.replace(file, 'data/[x\\](0)-[y\\](https://e.com).csv')), JSON.stringify(texts));
        assert.ok(texts.every(text => !/(^|[^\\])(\\\\)*\]\(/.test(text)), `no unescaped "](" in ${JSON.stringify(texts)}`);
    });
});
