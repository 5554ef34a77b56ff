import * as assert from 'node:assert/strict';
import { RULES } from '../../language/rules.js';
import { checkWorkspace, expectedFindings } from './helpers/check-workspace.js';
import { BASE, RULE_CASES } from './rule-cases.js';

describe('every rule fires where it should and not in a close case', () => {
    it('covers every rule of the table', () => {
        assert.deepEqual(RULE_CASES.map(c => c.rule).sort(), RULES.map(r => r.id).sort());
    });

    it('the base workspace is clean', async () => {
        const { findings } = await checkWorkspace({ 'base.align': BASE });
        assert.deepEqual(findings, []);
    });

    it('quotes names without doubling a quote (`program \'P\'s`, never `\'P\'\'s`)', async () => {
        for (const c of RULE_CASES) {
            const { findings } = await checkWorkspace({ 'base.align': BASE, 'case.align': c.fires, ...c.files }, c.settings);
            for (const f of findings) assert.doesNotMatch(f.message, /''/, `${c.rule}: ${f.message}`);
        }
    });

    for (const c of RULE_CASES) {
        const rulesMarked = (text: string) => new Set(expectedFindings(text).map(k => k.split(':')[1]!));
        describe(c.rule, () => {
            it('fires at the marked lines, with its default severity', async () => {
                const { findings } = await checkWorkspace({ 'base.align': BASE, 'case.align': c.fires, ...c.files }, c.settings);
                const marked = rulesMarked(c.fires);
                const actual = findings.filter(f => f.file === 'case.align' && marked.has(f.rule)).map(f => `${f.line}:${f.rule}`).sort();
                assert.deepEqual(actual, expectedFindings(c.fires));
                const own = findings.filter(f => f.rule === c.rule);
                assert.ok(own.length > 0);
                const severity = RULES.find(r => r.id === c.rule)!.defaultSeverity;
                for (const f of own) assert.equal(f.severity, severity);
                assert.equal(findings.filter(f => f.file === 'base.align' && f.rule === c.rule).length, c.inBase ?? 0);
            });
            it('stays silent in the close case', async () => {
                const { findings } = await checkWorkspace({ 'base.align': BASE, 'case.align': c.silent, ...c.files, ...c.silentFiles }, c.settings);
                assert.deepEqual(findings.filter(f => f.rule === c.rule), []);
            });
        });
    }
});
