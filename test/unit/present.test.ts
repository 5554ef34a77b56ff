import * as assert from 'node:assert/strict';
import type { MetricFigures, RoiFigures } from '../../language/graph/types.js';
import {
    attributedBenefitText, attributedValueText, attributionMoney, coverageText, figuresText, formatAmount, formatMoney, formatNumber, formatOptionalAmount, formatShare, isolationText, plural, roiWords, statusText,
    trackState, windowText
} from '../../language/present/index.js';

const metric = (m: Partial<MetricFigures>): MetricFigures => ({ isKpi: true, actuals: [], ...m });

/** The presentation module: how every surface prints figures and counts. */
describe('presentation of figures', () => {
    it('prints numbers with thousands separators, at most two decimals, no trailing zeros, no -0', () => {
        assert.deepEqual([18000, 14.1, 14.125, 2.5, 1234567.891, -2500, 0, -0.001, -1e-12, 3.10].map(n => formatNumber(n)),
            ['18,000', '14.1', '14.13', '2.5', '1,234,567.89', '-2,500', '0', '-0.001', '0', '3.1']);
        assert.equal(formatNumber(37.46, 1), '37.5');
        assert.equal(formatNumber(Number.NaN), '—');
    });

    it('prints amounts in their unit, days and hours in the singular for one', () => {
        assert.deepEqual([
            formatAmount(18, 'percent'), formatAmount(18000, 'currency USD'), formatAmount(45, 'days'), formatAmount(1, 'days'),
            formatAmount(1.5, 'hours'), formatAmount(1, 'minutes'), formatAmount(4.2, 'score'), formatAmount(1200, 'count'), formatAmount(3, undefined)
        ], ['18%', '18,000 USD', '45 days', '1 day', '1.5 hours', '1 minute', '4.2', '1,200', '3']);
        assert.deepEqual([formatAmount(1.001, 'hours'), formatAmount(0.999, 'days')], ['1 hour', '1 day'], 'singular as printed');
        assert.equal(formatOptionalAmount(undefined, 'percent'), '—');
        assert.deepEqual([formatMoney(45000, 'EUR', 0), formatMoney(12.5)], ['45,000 EUR', '12.5']);
        assert.deepEqual([formatShare(0.734), formatShare(1.256), formatShare(0)], ['73%', '126%', '0%']);
    });

    it('puts baseline, latest and target on one line with the unit once', () => {
        assert.equal(figuresText(metric({ unit: 'percent', baseline: 18, target: 14, latest: { period: '2026-03', date: '2026-03-31', value: 14.1 } })),
            '18% → 14.1% → 14%');
        assert.equal(figuresText(metric({ unit: 'currency USD', baseline: 12000, target: 9000 })), '12,000 → — → 9,000 USD');
        assert.equal(figuresText(metric({ unit: 'days', baseline: 45, target: 30 })), '45 → — → 30 days');
        assert.equal(figuresText(metric({ unit: 'score', baseline: 3.1, target: 4 })), '3.1 → — → 4');
    });

    it('says counts with their noun, and the same on-track words everywhere', () => {
        assert.deepEqual([plural(1, 'KPI'), plural(2, 'KPI'), plural(0, 'error'), plural(1200, 'objective'), plural(2, 'info', 'infos')],
            ['1 KPI', '2 KPIs', '0 errors', '1,200 objectives', '2 infos']);
        const latest = { period: '2026-03', date: '2026-03-31', value: 15 };
        assert.equal(statusText(metric({ baseline: 18, target: 14, onTrack: true, progress: 0.734, latest })), 'on track · 73% of the way');
        assert.equal(statusText(metric({ baseline: 18, target: 14, onTrack: false, latest })), 'off track');
        assert.equal(statusText(metric({ baseline: 18, target: 14, latest })), 'track unknown');
        assert.equal(statusText(metric({ baseline: 18, target: 14 })), 'no actuals yet');
        assert.equal(statusText(metric({ baseline: 18 })), 'no target');
        assert.equal(statusText(metric({ isKpi: false, kind: 'activity' })), 'activity metric, not a KPI');
        assert.deepEqual([trackState(metric({ onTrack: true })), trackState(metric({ onTrack: false })), trackState(metric({}))], ['on', 'off', 'unknown']);
    });

    it('prints coverage, windows and return on investment', () => {
        assert.deepEqual([coverageText({ aligned: 9, total: 11 }), coverageText({ aligned: 0, total: 0 }), coverageText({ aligned: 1, total: 3 }, false)],
            ['9/11 objectives (82%)', '0/0 objectives', '1/3 (33%)']);
        assert.equal(windowText({ start: '2026-01-05', end: '2026-04-05' }), '2026-01-05 to 2026-04-05');
        const roi: RoiFigures = { cost: 45000, currency: 'USD', benefit: 112500, roiPercent: 150, bcr: 2.5, missing: [] };
        assert.deepEqual(roiWords(roi), { roi: 'ROI 150%', bcr: 'BCR 2.50', benefit: '112,500 USD', cost: '45,000 USD' });
        // ROI = BCR − 1: the two always read as one figure, whatever the rounding (1.445 once read `ROI 44.5% · BCR 1.44`).
        for (let i = 0; i <= 400; i++) {
            const bcr = 0.3 + i * 0.00537;
            const words = roiWords({ ...roi, bcr, roiPercent: (bcr - 1) * 100 })!;
            const [roiShown, bcrShown] = [parseFloat(words.roi.slice('ROI '.length)), parseFloat(words.bcr.slice('BCR '.length))];
            assert.equal(roiShown, Math.round((bcrShown - 1) * 100), `${words.roi} · ${words.bcr}`);
            assert.ok(Math.abs(bcrShown - bcr) <= 0.005 + 1e-9, `${words.bcr} rounds ${bcr}`);
        }
        assert.equal(roiWords({ cost: 45000, missing: ['a `value ... per point` on a KPI of the chain'] }), undefined);
    });

    it('names how a KPI\'s change is isolated, and the benefit credited with the raw one beside it', () => {
        assert.deepEqual([
            isolationText({ method: 'estimate', share: 60, confidence: 80 }),
            isolationText({ method: 'estimate', share: 60 }),
            isolationText({ method: 'control-group', control: 'P.ChurnControl' }, 'ChurnControl'),
            isolationText({ method: 'control-group', control: 'P.ChurnControl' }),
            isolationText({ method: 'trend' }),
            isolationText({ method: 'none' })
        ], ['estimate 60%, confidence 80%', 'estimate 60%, confidence —', 'control group ChurnControl', 'control group P.ChurnControl', 'trend', 'not isolated']);
        assert.equal(attributedBenefitText({ benefit: 9600.000000000002, rawBenefit: 20000 }, 'USD'), '9,600 USD (raw 20,000 USD)');
        assert.equal(attributedBenefitText({ benefit: 20000, rawBenefit: 20000 }, 'USD'), '20,000 USD');
        assert.equal(attributedBenefitText({ rawBenefit: 20000 }, 'EUR'), '— (raw 20,000 EUR)');
        assert.equal(attributedBenefitText({}, 'EUR'), '—');
    });

    it('prints a KPI\'s value and benefit in the KPI\'s own currency, the program\'s only for a value written without one', () => {
        // `value 5 EUR per point` on a KPI of a program with `cost 1000 USD`: not converted, never relabelled USD.
        const eur = { value: 5, currency: 'EUR', benefit: 140, rawBenefit: 200 };
        assert.equal(attributedValueText(eur, 'USD'), '5 EUR');
        assert.equal(attributedBenefitText(eur, 'USD'), '140 EUR (raw 200 EUR)');
        assert.equal(attributionMoney(140, eur, 'USD'), '140 EUR');
        // A program without `cost` has no currency: the KPI's own is kept.
        const usd = { value: 18000, currency: 'USD', benefit: 16200, rawBenefit: 16200 };
        assert.equal(attributedValueText(usd, undefined), '18,000 USD');
        assert.equal(attributedBenefitText(usd, undefined), '16,200 USD');
        // `value 2.5 per point`: counted in the cost's currency; a value keeps its decimals, a benefit is whole.
        const plain = { value: 2.5, benefit: 70.4 };
        assert.equal(attributedValueText(plain, 'USD'), '2.5 USD');
        assert.equal(attributedBenefitText(plain, 'USD'), '70 USD');
        assert.equal(attributedValueText({ value: 2.5 }, undefined), '2.5');
        assert.equal(attributedValueText({ currency: 'EUR' }, 'USD'), '—');
        assert.equal(attributionMoney(undefined, eur, 'USD'), '—');
    });
});
