/**
 * `align check --format sarif` keeps the findings an
 * `align-disable-next-line` comment hides and those the `--baseline` file
 * holds, as results with SARIF `suppressions` (`inSource`, `external`);
 * every other format and the exit status leave them out, as before.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_SCANNING_LIMITS, FINGERPRINT_KEY, INDENTED_RESULTS } from '../../cli/check-formats/sarif.js';
import { FORMATS } from '../../cli/check-formats/types.js';
import { REPO_ROOT, requireBundle, runCli, tempDir, writeFile, type CliResult } from './run-cli.js';
import { multitoolProblems, requireMultitool } from './sarif-multitool.js';

interface SarifResult {
    ruleId: string;
    level: string;
    locations: { physicalLocation: { region: { startLine: number } } }[];
    partialFingerprints: Record<string, string>;
    suppressions?: { kind: string; status: string; justification?: string }[];
}
interface SarifLog {
    runs: { tool: { driver: { version: string; rules: { id: string; helpUri: string; help: { markdown: string } }[] } }; results: SarifResult[] }[];
}

/** Only `leading-drives-nothing` (a warning): one finding per leading metric. */
const CONFIG = '{ "rules": { "metric-unused": "off", "metric-without-owner": "off", "metric-without-source": "off" } }\n';
const metric = (name: string) => `metric ${name} "${name}" { kind leading unit count }\n`;
/** Line 1: A, in the baseline; line 3: B, suppressed by the comment of line 2; line 4: C, reported. */
const MODEL = metric('A') + '// align-disable-next-line leading-drives-nothing\n' + metric('B') + metric('C');
/** The same reported finding (C on line 4) with nothing suppressed and no baseline. */
const REFERENCE = '// a\n// b\n// c\n' + metric('C');

const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf-8')) as { version: string }).version;

function workspace(model: string, prefix: string): string {
    const dir = tempDir(prefix);
    writeFile(dir, 'align.config.json', CONFIG);
    writeFile(dir, 'a.align', model);
    return dir;
}

/** The workspace of {@link MODEL}, with `base.json` written while it held only A. */
function suppressedWorkspace(): string {
    const dir = workspace(metric('A'), 'align-sarif-suppressed-');
    const written = runCli(['check', '.', '--write-baseline', 'base.json'], { cwd: dir });
    assert.equal(written.status, 0, written.stderr);
    writeFile(dir, 'a.align', MODEL);
    return dir;
}

function sarifOf(result: CliResult): SarifLog {
    assert.ok(result.stdout.length > 0, `a SARIF log on stdout; stderr: ${result.stderr}`);
    return JSON.parse(result.stdout) as SarifLog;
}

function lineOf(r: SarifResult): number {
    return r.locations[0]!.physicalLocation.region.startLine;
}

describe('align check --format sarif: suppressed findings', function () {
    this.timeout(180_000);
    let dir = '';
    before(() => {
        requireBundle();
        dir = suppressedWorkspace();
    });

    it('writes the commented finding as inSource, the baselined one as external, the reported one without suppressions', () => {
        const result = runCli(['check', '.', '--baseline', 'base.json', '--format', 'sarif'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, 'align: baseline base.json: 1 matched, 1 new\n', 'no other line on stderr');
        const results = sarifOf(result).runs[0]!.results;
        assert.deepEqual(results.map(r => [lineOf(r), r.ruleId, r.level, r.suppressions]), [
            [1, 'leading-drives-nothing', 'warning', [{ kind: 'external', status: 'accepted', justification: 'in the baseline base.json' }]],
            [3, 'leading-drives-nothing', 'warning', [{ kind: 'inSource', status: 'accepted' }]],
            [4, 'leading-drives-nothing', 'warning', undefined],
        ]);
        const fingerprints = results.map(r => r.partialFingerprints[FINGERPRINT_KEY]);
        assert.equal(new Set(fingerprints).size, 3, 'each result has its own fingerprint');
        // The same results unsuppressed: a finding keeps its fingerprint when a comment or the baseline hides it.
        const plain = workspace(metric('A') + '// b\n' + metric('B') + metric('C'), 'align-sarif-plain-');
        const unsuppressed = sarifOf(runCli(['check', '.', '--format', 'sarif'], { cwd: plain })).runs[0]!.results;
        assert.deepEqual(unsuppressed.map(r => r.partialFingerprints[FINGERPRINT_KEY]), fingerprints);
    });

    it('every other format prints exactly what it prints without the suppressed findings', () => {
        const reference = workspace(REFERENCE, 'align-sarif-reference-');
        for (const format of FORMATS.filter(f => f !== 'sarif')) {
            const suppressed = runCli(['check', '.', '--baseline', 'base.json', '--format', format], { cwd: dir });
            const plain = runCli(['check', '.', '--format', format], { cwd: reference });
            assert.equal(suppressed.stdout, plain.stdout, `--format ${format}`);
            assert.equal(suppressed.status, plain.status, `exit status of --format ${format}`);
            assert.equal(suppressed.stderr, 'align: baseline base.json: 1 matched, 1 new\n', `stderr of --format ${format}`);
        }
        assert.match(runCli(['check', '.', '--baseline', 'base.json', '--format', 'json'], { cwd: dir }).stdout, /"line": 4,/);
    });

    it('suppressed findings never count for the exit status, in any format', () => {
        for (const format of FORMATS) {
            // One warning is reported; three exist.
            const one = runCli(['check', '.', '--baseline', 'base.json', '--format', format, '--max-warnings', '1'], { cwd: dir });
            assert.equal(one.status, 0, `--format ${format} --max-warnings 1: ${one.stderr}`);
            const none = runCli(['check', '.', '--baseline', 'base.json', '--format', format, '--max-warnings', '0'], { cwd: dir });
            assert.equal(none.status, 1, `--format ${format} --max-warnings 0`);
            assert.match(none.stderr, /align: 1 warning, more than --max-warnings 0\n$/, `--format ${format}`);
        }
    });

    it('a syntax error after a comment is never suppressed', () => {
        const broken = workspace('// align-disable-next-line\nmetric X "X" { kind }\n', 'align-sarif-syntax-');
        const result = runCli(['check', '.', '--format', 'sarif'], { cwd: broken });
        assert.equal(result.status, 1, result.stderr);
        const syntax = sarifOf(result).runs[0]!.results.filter(r => r.ruleId === 'syntax');
        assert.ok(syntax.length > 0, 'a syntax result');
        for (const r of syntax) assert.equal(r.suppressions, undefined);
    });

    it('links each rule to its page at the tag of the released version', () => {
        const driver = sarifOf(runCli(['check', '.', '--format', 'sarif'], { cwd: dir })).runs[0]!.tool.driver;
        assert.equal(driver.version, PACKAGE_VERSION);
        for (const rule of driver.rules) {
            const page = `https://github.com/align-lang/align/blob/v${PACKAGE_VERSION}/docs/rules/${rule.id}.md`;
            assert.equal(rule.helpUri, page);
            assert.ok(rule.help.markdown.endsWith(`(${page}).`), rule.help.markdown);
        }
    });

    it('passes the SARIF Multitool validator (rules Gh and Sarif) with no error or warning', function () {
        requireMultitool(this);
        const sarifFile = path.join(tempDir('align-sarif-validate-'), 'align.sarif');
        const written = runCli(['check', '.', '--baseline', 'base.json', '--format', 'sarif', '--output', sarifFile], { cwd: dir });
        assert.equal(written.status, 0, written.stderr);
        assert.equal((JSON.parse(fs.readFileSync(sarifFile, 'utf-8')) as SarifLog).runs[0]!.results.filter(r => r.suppressions).length, 2);
        assert.deepEqual(multitoolProblems(sarifFile), []);
    });

    describe('many suppressed findings', () => {
        /** `count` leading metrics, each after a comment that suppresses every rule. */
        const allSuppressed = (count: number) => Array.from({ length: count }, (_, i) => `// align-disable-next-line\n${metric(`M${i}`)}`).join('');

        it('count for the compact log (over 1,000 results) like reported ones', () => {
            const many = workspace(allSuppressed(INDENTED_RESULTS + 1), 'align-sarif-compact-');
            const result = runCli(['check', '.', '--format', 'sarif'], { cwd: many });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stderr, '');
            const results = sarifOf(result).runs[0]!.results;
            assert.equal(results.length, INDENTED_RESULTS + 1);
            assert.ok(results.every(r => r.suppressions?.[0]?.kind === 'inSource'));
            assert.ok(!result.stdout.includes('\n  "version"'), 'compact');
        });

        it('are left out, with a line on stderr, when they would take the log past the 5,000 results code scanning keeps', () => {
            const count = CODE_SCANNING_LIMITS.stored + 1;
            const many = workspace(allSuppressed(count), 'align-sarif-stored-');
            const result = runCli(['check', '.', '--format', 'sarif'], { cwd: many });
            assert.equal(result.status, 0, result.stderr);
            assert.equal(sarifOf(result).runs[0]!.results.length, 0, 'no result');
            const line = `align: ${count.toLocaleString('en-US')} suppressed findings not in the SARIF log (over 5,000 results)\n`;
            assert.equal(result.stderr, line);
            assert.ok(line.length - 1 <= 80, 'fits 80 columns');
        });
    });
});
