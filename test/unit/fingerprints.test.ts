/**
 * Fingerprints from finding identities: SARIF `partialFingerprints` and
 * GitLab's `fingerprint` are the same hash of rule, model path, message key
 * and occurrence; never of the line or file of an element's finding.
 */
import * as assert from 'node:assert/strict';
import { findingFingerprints } from '../../cli/check-formats/fingerprint.js';
import { codeQualityIssues, formatGitlab } from '../../cli/check-formats/gitlab.js';
import { FINGERPRINT_KEY, sarifLog } from '../../cli/check-formats/sarif.js';
import type { Finding } from '../../language/rules.js';

function finding(partial: Partial<Finding>): Finding {
    return {
        file: 'a.align', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', rule: 'objective-without-kpi',
        message: 'Objective \'A\' reaches no metric.', identity: { element: 'P.A', key: '' }, ...partial
    };
}

describe('fingerprints', () => {
    it('are the same for a finding moved to another line and file, with another message', () => {
        const [before] = findingFingerprints([finding({})]);
        const [after] = findingFingerprints([finding({ file: 'b.align', line: 90, endLine: 91, message: 'reworded' })]);
        assert.equal(after, before);
        assert.match(before!, /^[0-9a-f]{64}$/);
    });

    it('differ across elements, rules and message keys, and between two findings of one identity', () => {
        const prints = findingFingerprints([
            finding({}), finding({ identity: { element: 'P.B', key: '' } }), finding({ rule: 'objective-without-practice' }),
            finding({ identity: { element: 'P.A', key: 'kpis M' } }), finding({ line: 7 })
        ]);
        assert.equal(new Set(prints).size, prints.length);
    });

    it('are what SARIF results carry as partialFingerprints', () => {
        const findings = [finding({}), finding({ identity: { element: 'P.B', key: '' }, line: 9, endLine: 9 })];
        const results = sarifLog(findings, '1.0.0').runs[0]!.results;
        assert.deepEqual(results.map(r => r.partialFingerprints[FINGERPRINT_KEY]), findingFingerprints(findings));
    });
});

describe('format: gitlab', () => {
    it('writes one Code Quality issue per finding, sorted, with GitLab\'s severities and fingerprints from identities', () => {
        const findings = [
            finding({ file: 'b.align', line: 4, endLine: 6, severity: 'warning', rule: 'behavior-not-reinforced', message: 'Behavior \'X\' is not reinforced.', identity: { element: 'X', key: '' } }),
            finding({ file: './a.align', severity: 'info', rule: 'metric-unused', message: 'M is unused.', identity: { element: 'M', key: '' } }),
            finding({})
        ];
        const issues = JSON.parse(formatGitlab(findings, { toolVersion: '1', color: false, filesChecked: 2, width: 80 })) as ReturnType<typeof codeQualityIssues>;
        assert.deepEqual(issues.map(i => [i.check_name, i.severity, i.location]), [
            ['metric-unused', 'info', { path: 'a.align', lines: { begin: 3, end: 3 } }],
            ['objective-without-kpi', 'major', { path: 'a.align', lines: { begin: 3, end: 3 } }],
            ['behavior-not-reinforced', 'minor', { path: 'b.align', lines: { begin: 4, end: 6 } }]
        ]);
        assert.equal(issues[2]!.description, 'Behavior \'X\' is not reinforced. (behavior-not-reinforced)');
        assert.equal(new Set(issues.map(i => i.fingerprint)).size, 3);
        assert.equal(formatGitlab([], { toolVersion: '1', color: false, filesChecked: 0, width: 80 }), '[]\n');
    });
});
