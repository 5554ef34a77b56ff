import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkspace } from './helpers/check-workspace.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/examples');
const names = ['churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align', 'catalog/metrics.align'];

/**
 * What an editor sees while someone types: every example cut off at many
 * points, with the rest of the workspace intact. The whole pipeline (parse
 * with recovery, link, graph, every rule) must answer with findings: never
 * throw, never fail a rule (`internal-error`), never print `undefined` or
 * `null` in a message.
 */
describe('partial input while typing', function () {
    this.timeout(120000);
    const files = Object.fromEntries([...names, 'catalog/data/nps.csv'].map(n => [n, fs.readFileSync(path.join(fixtures, n), 'utf-8')]));

    for (const name of names) {
        it(`${name} cut at every 11th character gives findings, not exceptions`, async () => {
            const text = files[name]!;
            for (let cut = 0; cut < text.length; cut += 11) {
                const partial = text.slice(0, cut);
                const where = `${name} cut at ${cut} (…${JSON.stringify(partial.slice(-30))})`;
                const { findings } = await checkWorkspace({ ...files, [name]: partial }).catch((error: unknown) => {
                    throw new Error(`${where}: ${String(error)}`);
                });
                const wrong = findings.filter(f => f.rule === 'internal-error' || /\b(undefined|null)\b/.test(f.message));
                assert.deepEqual(wrong.map(f => `${f.file}:${f.line} ${f.rule}: ${f.message}`), [], where);
            }
        });
    }

    it('an actuals block without its metric yet is a syntax error, not a crash', async () => {
        const { findings } = await checkWorkspace({ 'a.align': 'metric M "M" { kind leading }\nactuals ' });
        assert.ok(findings.some(f => f.rule === 'syntax'));
    });
});
