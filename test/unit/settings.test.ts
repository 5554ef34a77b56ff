import * as assert from 'node:assert/strict';
import { parseAlignConfig } from '../../language/config/parse-config.js';
import { AlignSettingsService } from '../../language/config/align-settings.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const LONELY = 'objective Lost "Lost" { practice case "x" }\nobjective Theory "Theory" {}';

describe('rule severities and suppressions', () => {
    it('an override turns a rule off or changes its severity', async () => {
        const { findings } = await checkWorkspace({ 'a.align': LONELY }, { rules: { 'objective-without-kpi': 'warning', 'objective-without-practice': 'off' } });
        assert.deepEqual(findings.map(f => `${f.line}:${f.rule}:${f.severity}`).sort(), ['1:objective-without-kpi:warning', '2:objective-without-kpi:warning']);
    });

    it('layers defaults < align.config.json < editor settings or CLI flags', () => {
        const settings = new AlignSettingsService();
        assert.equal(settings.severity('metric-unused'), 'info');
        settings.setConfigFile({ rules: { 'metric-unused': 'warning', 'metric-without-source': 'off' }, maxPilotDays: 60 });
        assert.equal(settings.severity('metric-unused'), 'warning');
        assert.equal(settings.maxPilotDays, 60);
        settings.setOverrides({ rules: { 'metric-unused': 'error' }, maxPilotDays: 30 });
        assert.equal(settings.severity('metric-unused'), 'error');
        assert.equal(settings.severity('metric-without-source'), 'off');
        assert.equal(settings.maxPilotDays, 30);
        assert.equal(settings.maxLaggingKpis, 3);
    });

    it('maxLaggingKpis and maxPilotDays change what the rules report', async () => {
        const program = 'outcome O "O"\nprogram P "P" { sponsor "s" review monthly serves O pilot 100 days from 2026-01-01 }';
        const strict = await checkWorkspace({ 'a.align': program });
        assert.ok(strict.findings.some(f => f.rule === 'pilot-too-long'));
        const relaxed = await checkWorkspace({ 'a.align': program }, { maxPilotDays: 100 });
        assert.ok(!relaxed.findings.some(f => f.rule === 'pilot-too-long'));
    });

    it('align-disable-next-line suppresses the listed rules on the next line only', async () => {
        const text = '// align-disable-next-line objective-without-kpi, objective-without-practice\nobjective A "A" {}\nobjective B "B" {}\n// align-disable-next-line objective-without-practice\nobjective C "C" {}';
        const { findings } = await checkWorkspace({ 'a.align': text });
        assert.deepEqual(findings.map(f => `${f.line}:${f.rule}`).sort(), ['3:objective-without-kpi', '3:objective-without-practice', '5:objective-without-kpi']);
    });

    it('parses align.config.json and reports each invalid entry with its position', () => {
        const text = '{\n  "rules": { "metric-unused": "warning", "no-such-rule": "off", "metric-without-source": "loud" },\n  "maxPilotDays": 60,\n  "maxLaggingKpis": -1,\n  "extra": true\n}';
        const { settings, problems } = parseAlignConfig(text);
        assert.deepEqual(settings, { rules: { 'metric-unused': 'warning' }, maxPilotDays: 60 });
        assert.deepEqual(problems.map(p => `${p.line}:${p.message.split(' ').slice(0, 3).join(' ')}`), [
            '2:unknown rule id', '2:rule "metric-without-source": unknown', '4:"maxLaggingKpis" must be', '5:unknown key "extra";'
        ]);
    });

    it('reads a file that starts with a byte order mark; columns count as an editor shows them', () => {
        const { settings, problems } = parseAlignConfig('\uFEFF{ "rules": { "metric-unused": "off", "nope": "off" } }');
        assert.deepEqual(settings, { rules: { 'metric-unused': 'off' } });
        assert.deepEqual(problems.map(p => `${p.line}:${p.column} ${p.message}`), ['1:38 unknown rule id "nope"; use an id of the rule index (https://github.com/align-lang/align/blob/main/docs/rules/README.md), or remove it']);
    });

    it('reports text that is not JSON and applies no settings', () => {
        const { settings, problems } = parseAlignConfig('{\n  "rules": {,\n}');
        assert.deepEqual(settings, {});
        assert.equal(problems.length, 1);
        assert.match(problems[0]!.message, /not valid JSON/);
        assert.equal(problems[0]!.line, 2);
    });
});
