import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileStem, isProgramName, programTemplate } from '../../client/commands/program-template.js';
import { checkWorkspace } from '../unit/helpers/check-workspace.js';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples', import.meta.url));

/** The fixture workspace, path -> text. */
function examples(): Record<string, string> {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap(n => statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]);
    return Object.fromEntries(walk(EXAMPLES).filter(f => /\.(align|csv)$/.test(f)).map(f => [relative(EXAMPLES, f).split('\\').join('/'), readFileSync(f, 'utf-8')]));
}

describe('new program template', () => {
    it('names everything after the program and dates the pilot from today', () => {
        const text = programTemplate('CustomerEscalations', new Date('2026-03-01T12:00:00Z'));
        assert.match(text, /^program CustomerEscalations "Customer escalations" \{$/m);
        assert.match(text, /pilot 90 days from 2026-03-01/);
        for (const name of ['CustomerEscalationsOutcome', 'CustomerEscalationsKpi', 'CustomerEscalationsLeading', 'CustomerEscalationsSkill', 'CustomerEscalationsBehavior', 'CustomerEscalationsObjective']) {
            assert.match(text, new RegExp(`\\b${name}\\b`));
        }
        assert.equal(fileStem('CustomerEscalations'), 'customer-escalations');
        assert.ok(isProgramName('Churn_2') && !isProgramName('2Churn') && !isProgramName('a b'));
    });

    it('passes every rule, alone and next to the example workspace', async () => {
        for (const name of ['Escalations', 'Churn_2', 'Onboarding']) {
            const text = programTemplate(name, new Date());
            assert.deepEqual((await checkWorkspace({ 'new.align': text })).findings, [], name);
            const together = await checkWorkspace({ ...examples(), 'new.align': text });
            assert.deepEqual(together.findings.filter(f => f.file === 'new.align'), [], `${name} with the examples`);
        }
    });
});
