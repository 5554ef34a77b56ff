/**
 * Fingerprints through the built CLI: SARIF `partialFingerprints` and the
 * GitLab Code Quality report (`--format gitlab`) identify findings by rule,
 * model path and message key, so they survive line moves and differ
 * between elements. The GitLab report validates against a JSON schema
 * written from GitLab's documentation (test/fixtures/gitlab/).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Validator } from 'jsonschema';
import { copyExamples, REPO_ROOT, removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'gitlab', 'code-quality.schema.json'), 'utf-8'));

interface Issue { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number; end: number } } }

function gitlab(dir: string): Issue[] {
    const result = runCli(['check', '--format', 'gitlab'], { cwd: dir });
    assert.equal(result.status, 1, `errors found: exit 1, the report is still printed\n${result.stderr}`);
    return JSON.parse(result.stdout) as Issue[];
}

/** `rule element-ish description -> fingerprint` from SARIF results. */
function sarifPrints(dir: string): Map<string, string> {
    const result = runCli(['check', '--format', 'sarif'], { cwd: dir });
    const results = JSON.parse(result.stdout).runs[0].results as Array<{ ruleId: string; message: { text: string }; partialFingerprints: Record<string, string> }>;
    return new Map(results.map(r => [`${r.ruleId} ${r.message.text}`, r.partialFingerprints['alignFindingIdentity/v1']!]));
}

describe('fingerprints and the GitLab Code Quality report', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    it('the GitLab report of the examples validates against GitLab\'s format, with unique fingerprints', () => {
        const dir = tempDir();
        copyExamples(dir, '.');
        const issues = gitlab(dir);
        const validation = new Validator().validate(issues, SCHEMA);
        assert.deepEqual(validation.errors.map(e => e.stack), []);
        assert.equal(issues.length, 13);
        assert.equal(new Set(issues.map(i => i.fingerprint)).size, 13);
        const objective = issues.find(i => i.check_name === 'objective-without-kpi')!;
        assert.deepEqual([objective.severity, objective.location], ['major', { path: 'sales-win-rate.align', lines: { begin: 68, end: 68 } }]);
        assert.deepEqual([...new Set(issues.map(i => i.severity))].sort(), ['info', 'major', 'minor']);
    });

    it('the schema rejects what GitLab would not read', () => {
        const validator = new Validator();
        const good = { description: 'd', check_name: 'c', fingerprint: 'f', severity: 'minor', location: { path: 'a.align', lines: { begin: 1 } } };
        assert.equal(validator.validate([good], SCHEMA).valid, true);
        for (const bad of [
            { ...good, severity: 'error' }, { ...good, fingerprint: undefined }, { ...good, location: { path: './a.align', lines: { begin: 1 } } },
            { ...good, location: { path: 'a.align' } }, { ...good, location: { path: 'a.align', lines: { begin: 0 } } }
        ]) assert.equal(validator.validate([bad], SCHEMA).valid, false, JSON.stringify(bad));
    });

    it('--output writes the report even when errors are found', () => {
        const dir = tempDir();
        copyExamples(dir, '.');
        const result = runCli(['check', '--format', 'gitlab', '--output', 'gl-code-quality-report.json'], { cwd: dir });
        assert.equal(result.status, 1);
        assert.equal(result.stdout, '');
        assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'gl-code-quality-report.json'), 'utf-8')).length, 13);
    });

    it('fingerprints stay the same when lines and blocks move, and differ across elements; GitLab and SARIF agree', () => {
        const dir = tempDir();
        copyExamples(dir, '.');
        const before = sarifPrints(dir);
        const gitlabBefore = gitlab(dir).map(i => i.fingerprint).sort();
        assert.deepEqual(gitlabBefore, [...before.values()].sort(), 'the same hash in both formats');
        assert.equal(new Set(before.values()).size, before.size, 'one fingerprint per finding');
        const sales = path.join(dir, 'sales-win-rate.align');
        const text = fs.readFileSync(sales, 'utf-8');
        const objective = text.slice(text.indexOf('  // expect: objective-without-kpi'), text.indexOf('  // expect: activity-only-link'));
        fs.writeFileSync(sales, '// moved\n\n\n' + text.replace(objective, '').replace('  skill QualifyingQuestions', objective + '  skill QualifyingQuestions'));
        const after = sarifPrints(dir);
        assert.deepEqual([...after.entries()].sort(), [...before.entries()].sort());
        const moved = JSON.parse(runCli(['check', '--format', 'json'], { cwd: dir }).stdout).find((f: { rule: string }) => f.rule === 'objective-without-kpi');
        assert.ok(moved.line < 68 - 10, `the finding did move: line ${moved.line}`);
    });
});
