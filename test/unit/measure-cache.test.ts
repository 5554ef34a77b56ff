/**
 * Measuring and wrapping text once: the width table reads one array slot per
 * character; a cached measurer (cachedMeasure) remembers widths, and wrap
 * and the layout remember lines and box texts with it. The HTML report draws
 * every program's and outcome's chain with one such measurer, and a page
 * layout tries many box widths with one, so that a node's text is measured
 * and wrapped once per width, not once per try and chain. The results must
 * be exactly those computed afresh.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_SPACE } from '../../cli/report/drawing.js';
import { focusGraph } from '../../language/graph/focus-graph.js';
import type { ImpactGraph } from '../../language/graph/types.js';
import { MONO } from '../../language/render/font-metrics.js';
import { layoutForPage } from '../../language/render/index.js';
import { cachedMeasure, isCachedMeasure, tableMeasure, TEXT, type MeasureText, type TextStyle } from '../../language/render/measure.js';
import { wrap } from '../../language/render/text.js';
import { checkWorkspace } from './helpers/check-workspace.js';
import { seededRandom } from './helpers/seeded-random.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

/** A measurer that counts its calls by text and style. */
function counting(): { measure: MeasureText; calls: Map<string, number> } {
    const calls = new Map<string, number>();
    const measure: MeasureText = (text, style) => {
        const key = `${JSON.stringify(style)}|${text}`;
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return tableMeasure(text, style);
    };
    return { measure, calls };
}

describe('measuring text once (measure.ts, text.ts, the layout)', () => {
    it('the width table reads a surrogate pair as one character, skips combining marks (of Hebrew and Arabic too) and bidi controls, joins Arabic letters, and gives wide characters one em (two cells in monospace)', () => {
        const size = 10;
        const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} != ${expected}`);
        close(tableMeasure('\u{1F600}', { size }), 10, 'an emoji (a surrogate pair)');
        close(tableMeasure('\u6F22', { size }), 10, 'a CJK character');
        close(tableMeasure('\u6F22', { size, mono: true }), 2 * MONO / 1000 * size, 'a CJK character in monospace');
        close(tableMeasure('a', { size, mono: true }), MONO / 1000 * size, 'a Latin letter in monospace');
        close(tableMeasure('e\u0301', { size }), tableMeasure('e', { size }), 'a combining accent');
        close(tableMeasure('\u05E9\u05C1\u05B8\u05DC', { size, bold: true }), tableMeasure('\u05E9\u05DC', { size, bold: true }), 'Hebrew points');
        close(tableMeasure('\u0645\u064E\u0646', { size }), tableMeasure('\u0645\u0646', { size }), 'an Arabic vowel mark');
        close(tableMeasure('\u200F\u202Bx\u202C\u2067y\u2069\u061C\u200E', { size }), tableMeasure('xy', { size }), 'bidi controls');
        close(tableMeasure('\u0660', { size }), 5.37, 'an Arabic-Indic digit (not a mark: DejaVu Sans\'s width)');
        const beh = tableMeasure('\u0628', { size });
        assert.ok(tableMeasure('\u0628\u0628', { size }) < 2 * beh - 1, 'Arabic letters that join are narrower than alone');
        close(tableMeasure('\u0628\u200C\u0628', { size }), 2 * beh, 'a zero width non-joiner keeps them apart');
        close(tableMeasure('\u0628\u064E\u0628', { size }), tableMeasure('\u0628\u0628', { size }), 'they join across a vowel mark');
        close(tableMeasure('\uD800', { size }), 6.67, 'a lone high surrogate (a wide Latin letter)');
        close(tableMeasure('\uDC00x', { size }), 6.67 + tableMeasure('x', { size }), 'a lone low surrogate');
        close(tableMeasure('\u20AC', { size }), 5.56, 'the euro sign, in the table');
        close(tableMeasure('\u2212', { size, bold: true }), 5.84, 'the minus sign, the table\'s last code point');
        close(tableMeasure('\u2213', { size }), 6.67, 'the first code point after the table');
        // A text is the sum of its characters.
        const random = seededRandom(11);
        const alphabet = [...'aAmW .,-_1\u00E9\u00DF\u2014\u2192\u20AC\u6F22\uAC00', '\u{1F600}', 'e\u0301', '\uD800'];
        for (let n = 0; n < 200; n++) {
            const chars = Array.from({ length: random(12) }, () => alphabet[random(alphabet.length)]!);
            for (const style of [TEXT.title, TEXT.name, TEXT.small] as TextStyle[]) {
                const sum = chars.reduce((total, ch) => total + tableMeasure(ch, style), 0);
                close(tableMeasure(chars.join(''), style), sum, JSON.stringify(chars));
            }
        }
    });

    it('a cached measurer measures each text and style once, and caching it again returns it', () => {
        const { measure, calls } = counting();
        const cached = cachedMeasure(measure);
        assert.ok(isCachedMeasure(cached) && !isCachedMeasure(measure) && !isCachedMeasure(tableMeasure));
        assert.equal(cachedMeasure(cached), cached);
        for (let i = 0; i < 3; i++) {
            assert.equal(cached('Hazard', TEXT.title), tableMeasure('Hazard', TEXT.title));
            assert.equal(cached('Hazard', TEXT.name), tableMeasure('Hazard', TEXT.name));
        }
        assert.deepEqual([...calls.values()], [1, 1]);
    });

    it('wrap with a cached measurer gives the lines wrap computes afresh, as new arrays, and measures each text once', () => {
        const random = seededRandom(5);
        const words = ['Hazard', 'check', 'rate', 'of', 'FieldSafetyPilot.HazardCheckRate', 'the', 'ExecutiveConversations', '\u2192', '12.5%', 'a'];
        const { measure, calls } = counting();
        const cached = cachedMeasure(measure);
        const cases = Array.from({ length: 150 }, () => ({
            text: Array.from({ length: 1 + random(9) }, () => words[random(words.length)]!).join(' '),
            width: 40 + random(160), lines: [1, 2, 3, Infinity][random(4)]!, style: [TEXT.title, TEXT.name, TEXT.small][random(3)]!
        }));
        const total = () => [...calls.values()].reduce((a, b) => a + b, 0);
        const measured: number[] = [];
        for (const round of [1, 2]) {
            for (const c of cases) {
                const lines = wrap(c.text, c.width, c.style, c.lines, cached);
                assert.deepEqual(lines, wrap(c.text, c.width, c.style, c.lines, tableMeasure), `round ${round}: ${c.text} in ${c.width} px`);
                lines.push('changed by its reader');
            }
            measured.push(total());
        }
        assert.equal(measured[1], measured[0], 'the second round measured nothing');
        assert.ok([...calls.values()].every(n => n === 1), 'each text measured once');
    });

    describe('the report\'s drawings share one measurer', () => {
        let graph: ImpactGraph;
        before(async function () {
            this.timeout(60_000);
            const files = Object.fromEntries(['sales-win-rate.align', 'churn-pilot.align', 'onboarding.align'].map(n => [n, fs.readFileSync(path.join(EXAMPLES, n), 'utf-8')]));
            graph = (await checkWorkspace(files)).graph.graph;
        });

        it('a page layout with a shared measurer is the layout made afresh, for every program and outcome', () => {
            const shared = cachedMeasure(tableMeasure);
            const focuses = graph.nodes.filter(n => n.kind === 'program' || n.kind === 'outcome');
            assert.ok(focuses.length >= 5, `${focuses.length} programs and outcomes`);
            for (const round of [1, 2]) {
                for (const focus of focuses) {
                    const chain = focusGraph(graph, focus.id);
                    const options = { fullText: true, minNodeWidth: 160, wrapRows: true } as const;
                    assert.deepEqual(layoutForPage(chain, REPORT_SPACE, { ...options, measure: shared }), layoutForPage(chain, REPORT_SPACE, options), `round ${round}: ${focus.id}`);
                }
            }
        });

        it('a title shared by two chains is measured once over both drawings and all their tries', () => {
            const outcome = graph.nodes.find(n => n.kind === 'outcome' && graph.edges.filter(e => e.kind === 'serves' && e.to === n.id).length >= 1)!;
            const program = graph.edges.find(e => e.kind === 'serves' && e.to === outcome.id)!.from;
            const { measure, calls } = counting();
            const shared = cachedMeasure(measure);
            for (const focus of [program, outcome.id]) layoutForPage(focusGraph(graph, focus), REPORT_SPACE, { fullText: true, minNodeWidth: 160, wrapRows: true, measure: shared });
            const title = `${JSON.stringify(TEXT.title)}|${(outcome.title ?? outcome.name).split(/\s+/)[0]}`;
            assert.equal(calls.get(title), 1, `${title} measured ${calls.get(title)} times`);
            // Without sharing, each try of each drawing would measure it again.
            const fresh = counting();
            for (const focus of [program, outcome.id]) layoutForPage(focusGraph(graph, focus), REPORT_SPACE, { fullText: true, minNodeWidth: 160, wrapRows: true, measure: fresh.measure });
            assert.ok((fresh.calls.get(title) ?? 0) >= 2, `afresh: measured ${fresh.calls.get(title)} times`);
        });
    });
});
