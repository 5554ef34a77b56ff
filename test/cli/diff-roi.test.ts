/**
 * `align diff`'s ROI rows read as the report prints ROI (docs/figures.md):
 * whole percent from the BCR rounded to hundredths; where both sides read
 * the same, the benefit and the cost that moved.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeTempDirs, requireBundle, runCli, tempDir } from './run-cli.js';

/** One program counting all of Sales' 10 points, worth `value` USD a point, at `cost` USD. */
const source = (value: number, cost: number): string => `metric Sales "Sales" {
  kind lagging unit count direction up baseline 100 target 150 by 2026-12-31
  source "CRM" owner "Ops" cadence monthly value ${value} USD per point
}
outcome More "More sales" { measured by Sales }
program A "Program A" {
  sponsor "CRO" review monthly serves More cost ${cost} USD
  isolate Sales by estimate 100% confidence 100%
}
actuals Sales {
  2026-01: 110
}
`;

function folder(value: number, cost: number): string {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.align'), source(value, cost));
    return dir;
}

describe('align diff: ROI as the report prints it', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    it('whole percent and BCR to hundredths, the same words as the report', () => {
        // 10,000 USD of benefit: at 9,000 USD BCR 1.11 (ROI 11%), at 8,123 USD BCR 1.23 (ROI 23%).
        const base = folder(1000, 9000);
        const result = runCli(['diff', base, folder(1000, 8123)]);
        assert.equal(result.status, 0, result.stderr);
        assert.ok(result.stdout.includes('ROI 11% · BCR 1.11 → ROI 23% · BCR 1.23'), result.stdout);
        const report = runCli(['report', base]);
        assert.ok(report.stdout.includes('**ROI 11%** · **BCR 1.11**'), report.stdout);
    });

    it('where both sides read the same, says what moved: the benefit and the cost', () => {
        const result = runCli(['diff', folder(1000, 9000), folder(2000, 18000), '--format', 'md']);
        assert.equal(result.status, 0, result.stderr);
        assert.ok(result.stdout.includes('| ROI | program `A` | ROI 11% · BCR 1.11 (benefit 10,000 → 20,000 USD, cost 9,000 → 18,000 USD) |'), result.stdout);
    });

    it('names no benefit where none is known on either side (not "benefit 0 USD")', () => {
        const unvalued = (cost: number) => {
            const dir = folder(1000, cost);
            fs.writeFileSync(path.join(dir, 'a.align'), source(1000, cost).replace(' value 1000 USD per point', ''));
            return dir;
        };
        const result = runCli(['diff', unvalued(1000), unvalued(2500)]);
        assert.equal(result.status, 0, result.stderr);
        // The line is wrapped at 80 columns.
        assert.ok(result.stdout.replace(/\s+/g, ' ').includes('on a KPI of the chain) (cost 1,000 → 2,500 USD)'), result.stdout);
        assert.ok(!result.stdout.includes('benefit 0'), result.stdout);
    });
});
