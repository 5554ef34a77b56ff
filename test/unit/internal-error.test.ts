import * as assert from 'node:assert/strict';
import { format } from 'node:util';
import type { AlignServices } from '../../language/align-module.js';
import { ruleInfo } from '../../language/rules.js';
import { checkWorkspace, type CheckedWorkspace } from './helpers/check-workspace.js';

const PROGRAM = [
    'skill S "S"',
    'outcome O "O" { measured by M }',
    'metric M "M" { kind lagging unit percent direction down baseline 10% target 5% by 2026-06-30 source "s" owner "o" cadence monthly }',
    '// align-disable-next-line',
    'program P "P" {',
    '  serves O',
    '  pilot 30 days from 2026-01-05',
    '}'
].join('\n');

/** Checks PROGRAM with a fault injected, the console captured; returns the findings and what was logged. */
async function withFault(inject: (services: AlignServices) => void): Promise<CheckedWorkspace & { logged: string[] }> {
    const logged: string[] = [];
    const saved = console.error;
    console.error = (...args: unknown[]) => { logged.push(format(...args)); };
    try {
        return { ...await checkWorkspace({ 'a.align': PROGRAM }, undefined, inject), logged };
    } finally {
        console.error = saved;
    }
}

/** A failure of Align itself is reported as such: never as the user's syntax error, never hidden. */
describe('internal errors', () => {
    it('a rule that throws is an internal-error naming the rule and the declaration; the other rules run', async () => {
        const { findings, logged } = await withFault(services => {
            Object.defineProperty(services.align.Settings, 'maxPilotDays', { get: () => { throw new TypeError('pilot limit unreadable'); } });
        });
        const internal = findings.filter(f => f.rule === 'internal-error');
        assert.equal(internal.length, 1, JSON.stringify(findings));
        assert.equal(internal[0]!.severity, 'error');
        assert.equal(internal[0]!.line, 5, 'on the program, whose line a suppression comment covers: it does not hide internal errors');
        assert.match(internal[0]!.message, /^Rule pilot-too-long failed on program 'P': TypeError: pilot limit unreadable\. This is a bug in Align/);
        assert.ok(!findings.some(f => f.rule === 'syntax'), 'not disguised as a syntax error');
        assert.ok(findings.some(f => f.rule === 'skill-enables-nothing'), 'the other rules ran');
        assert.ok(logged.some(l => l.includes('pilot limit unreadable') && l.includes('at ')), 'the stack is logged');
    });

    it('names every rule a failing check implements', async () => {
        const { findings } = await withFault(services => {
            Object.defineProperty(services.align.Settings, 'maxLaggingKpis', { get: () => { throw new RangeError('no limit'); } });
        });
        const messages = findings.filter(f => f.rule === 'internal-error').map(f => f.message);
        assert.equal(messages.length, 1);
        assert.match(messages[0]!, /^Rules program-without-leading, too-many-kpis failed on program 'P': RangeError: no limit\./);
    });

    it('a failure outside the rules\' own guard (Langium reports it without a code) is an internal-error too, not syntax', async () => {
        const { findings, logged } = await withFault(services => {
            services.validation.ValidationRegistry.registerBeforeDocument(() => { throw new Error('set-up failed'); });
        });
        assert.ok(findings.some(f => f.rule === 'internal-error' && f.message.includes('set-up failed')), JSON.stringify(findings));
        assert.ok(findings.some(f => f.rule === 'skill-enables-nothing'), 'the rules still ran');
        assert.ok(!findings.some(f => f.rule === 'syntax'), JSON.stringify(findings));
        assert.ok(logged.length > 0);
    });

    it('is a built-in id: always an error, not configurable', () => {
        assert.deepEqual({ ...ruleInfo('internal-error'), description: undefined, help: undefined, marks: undefined },
            { id: 'internal-error', defaultSeverity: 'error', configurable: false, description: undefined, help: undefined, marks: undefined });
    });
});
