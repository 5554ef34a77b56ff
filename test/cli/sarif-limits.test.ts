/**
 * A large SARIF log meets GitHub code scanning's limits (5,000 results
 * stored, 25,000 accepted, 10 MB gzipped): `align check --format sarif`
 * writes it compact and says on stderr what code scanning will do with it.
 */
import assert from 'node:assert/strict';
import { codeScanningNotice, CODE_SCANNING_LIMITS, INDENTED_RESULTS } from '../../cli/check-formats/sarif.js';
import { requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** A file of `count` unused leading metrics: several findings each (leading-drives-nothing, metric-unused, metric-without-owner, ...). */
function unusedMetrics(count: number): string {
    return Array.from({ length: count }, (_, i) => `metric M${i} "Metric ${i}" { kind leading unit count }`).join('\n') + '\n';
}

function sarifOf(metrics: number): { results: number; indented: boolean; stderr: string } {
    const dir = tempDir('align-sarif-limits-');
    writeFile(dir, 'many.align', unusedMetrics(metrics));
    const result = runCli(['check', '.', '--format', 'sarif'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: unknown[] }> };
    return { results: log.runs[0]!.results.length, indented: result.stdout.includes('\n  "version"'), stderr: result.stderr };
}

describe('align check --format sarif: code scanning limits', function () {
    this.timeout(120_000);
    before(requireBundle);

    it('a log of a few hundred results is indented and says nothing on stderr', () => {
        const log = sarifOf(100);
        assert.ok(log.results >= 200 && log.results <= INDENTED_RESULTS, String(log.results));
        assert.equal(log.indented, true);
        assert.equal(log.stderr, '');
    });

    it('over 5,000 results: compact, and stderr says code scanning keeps 5,000', () => {
        const log = sarifOf(1_700);
        assert.ok(log.results > CODE_SCANNING_LIMITS.stored && log.results <= CODE_SCANNING_LIMITS.accepted, String(log.results));
        assert.equal(log.indented, false);
        assert.equal(log.stderr, `align: ${log.results.toLocaleString('en-US')} SARIF results; code scanning keeps 5,000 (try --baseline)\n`);
    });

    it('over 25,000 results the notice says the upload is rejected', () => {
        assert.equal(codeScanningNotice(CODE_SCANNING_LIMITS.stored), undefined);
        assert.match(codeScanningNotice(CODE_SCANNING_LIMITS.accepted + 1) ?? '', /^align: 25,001 SARIF results; code scanning rejects over 25,000 \(try --baseline\)$/);
        for (const n of [CODE_SCANNING_LIMITS.stored + 1, CODE_SCANNING_LIMITS.accepted + 1]) assert.ok(codeScanningNotice(n)!.length <= 80);
    });
});
