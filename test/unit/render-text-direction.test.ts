/**
 * Right-to-left titles in the drawings (text-direction.ts): each line of a
 * box's title takes the direction of its first strong letter, as a browser
 * gives `dir="auto"` text, and a right-to-left line is anchored at its
 * `end` (its left end, in SVG's terms for right-to-left text) where a
 * left-to-right line starts, so it stays in its box. Latin titles are
 * drawn as before, with no attribute added.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { baseDirection, layoutGraph, lineAttributes, renderSvg, TEXT_X } from '../../language/render/index.js';
import { elementsWhere, hasClass, parseXml, type XmlElement } from '../cli/xml.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../webview/fixtures/examples-graph.json');
const examples = (): ImpactGraphResult => JSON.parse(fs.readFileSync(fixture, 'utf-8')) as ImpactGraphResult;

/** "What do we do now?" */
const HEBREW = '\u05de\u05d4 \u05e2\u05d5\u05e9\u05d9\u05dd \u05e2\u05db\u05e9\u05d9\u05d5?';
/** "A Zoom call of 30 minutes": Hebrew with an English word and a number. */
const MIXED = '\u05e9\u05d9\u05d7\u05ea Zoom \u05e9\u05dc 30 \u05d3\u05e7\u05d5\u05ea';
/** "Reduce churn" in Arabic. */
const ARABIC = '\u062a\u0642\u0644\u064a\u0644 \u0641\u0642\u062f\u0627\u0646 \u0627\u0644\u0639\u0645\u0644\u0627\u0621';

/** The layout of the examples with these titles, in boxes 200 wide, drawn; the box and title lines of each retitled node. */
function drawn(titles: Readonly<Record<string, string>>): Map<string, { x: number; lines: XmlElement[] }> {
    const result = examples();
    for (const node of result.graph.nodes) if (titles[node.id] !== undefined) node.title = titles[node.id];
    const root = parseXml(renderSvg(layoutGraph(result.graph, { direction: 'down', nodeWidth: 200 }), { findings: result.findings }));
    return new Map(Object.keys(titles).map(id => {
        const group = elementsWhere(root, e => e.attributes['data-id'] === id)[0];
        assert.ok(group, `${id} is drawn`);
        const box = elementsWhere(group, e => hasClass(e, 'node-box'))[0]!;
        return [id, { x: Number(box.attributes['x']), lines: elementsWhere(group, e => e.name === 'text' && hasClass(e, 'node-title')) }];
    }));
}

/** The attributes that place a line: its x as an offset in its box, its direction and its anchor. */
function placing(line: XmlElement, boxX: number): { text: string; dx: number; direction?: string; anchor?: string } {
    const { x, direction, 'text-anchor': anchor } = line.attributes;
    return { text: line.text, dx: Number(x) - boxX, ...(direction ? { direction } : {}), ...(anchor ? { anchor } : {}) };
}

describe('render: right-to-left lines in the drawings', () => {
    it('finds a line\'s direction from its first strong letter (UAX #9 P2, P3), skipping what an isolate holds', () => {
        const cases: Array<[string, 'ltr' | 'rtl']> = [
            ['Ask open questions', 'ltr'],
            [HEBREW, 'rtl'],
            [ARABIC, 'rtl'],
            [MIXED, 'rtl'],
            [`Zoom ${MIXED}`, 'ltr'],
            [`2026: ${HEBREW}`, 'rtl'],
            ['\u0661\u0662 Q3 review', 'ltr'],
            ['\u00ab\u201c(3)', 'ltr'],
            ['', 'ltr'],
            ['\u200f2026 Q3', 'rtl'],
            [`\u200e${HEBREW}`, 'ltr'],
            [`\u2066Pilot\u2069 ${HEBREW}`, 'rtl'],
            [`\u2067${HEBREW}\u2069 Pilot`, 'ltr'],
            ['\u{10900}\u{10901}', 'rtl']
        ];
        for (const [line, direction] of cases) assert.equal(baseDirection(line), direction, JSON.stringify(line));
    });

    it('anchors a right-to-left line at the same side as seen: left at its end, right at its start, the middle in the middle', () => {
        assert.equal(lineAttributes('Pilot'), '');
        assert.equal(lineAttributes('Pilot', 'right'), ' text-anchor="end"');
        assert.equal(lineAttributes('Pilot', 'middle'), ' text-anchor="middle"');
        assert.equal(lineAttributes(HEBREW), ' direction="rtl" text-anchor="end"');
        assert.equal(lineAttributes(HEBREW, 'right'), ' direction="rtl"');
        assert.equal(lineAttributes(HEBREW, 'middle'), ' direction="rtl" text-anchor="middle"');
    });

    it('draws a Hebrew title right to left, its left end where a left-to-right title starts', () => {
        const { x, lines } = drawn({ 'ChurnPilot.Probing': HEBREW }).get('ChurnPilot.Probing')!;
        assert.deepEqual(lines.map(l => placing(l, x)), [{ text: HEBREW, dx: TEXT_X, direction: 'rtl', anchor: 'end' }]);
    });

    it('draws an Arabic title, and a Hebrew one holding an English word and a number, right to left', () => {
        const boxes = drawn({ 'ChurnPilot.Probing': MIXED, 'ChurnPilot.AskOpenQuestions': ARABIC });
        for (const [id, title] of [['ChurnPilot.Probing', MIXED], ['ChurnPilot.AskOpenQuestions', ARABIC]] as const) {
            const { x, lines } = boxes.get(id)!;
            assert.deepEqual(lines.map(l => placing(l, x)), [{ text: title, dx: TEXT_X, direction: 'rtl', anchor: 'end' }], id);
        }
    });

    it('gives each line of a wrapped title its own direction: a Hebrew line right to left, the English line after it left to right', () => {
        const title = `${HEBREW} Quarterly review with every regional team`;
        const { x, lines } = drawn({ 'ChurnPilot.Probing': title }).get('ChurnPilot.Probing')!;
        const placed = lines.map(l => placing(l, x));
        assert.ok(placed.length >= 2, `the title wraps: ${placed.map(p => p.text).join(' / ')}`);
        assert.deepEqual(placed[0], { text: HEBREW, dx: TEXT_X, direction: 'rtl', anchor: 'end' });
        assert.deepEqual(placed[1], { text: placed[1]!.text, dx: TEXT_X });
        assert.match(placed[1]!.text, /^Quarterly /);
    });

    it('draws a Latin title as before: no direction and no anchor on any line of the examples', () => {
        const root = parseXml(renderSvg(layoutGraph(examples().graph, { direction: 'down', nodeWidth: 200 })));
        const texts = elementsWhere(root, e => e.name === 'text');
        assert.ok(texts.filter(t => hasClass(t, 'node-title')).length > 20, 'the examples\' titles are drawn');
        assert.deepEqual(texts.filter(t => t.attributes['direction'] !== undefined).map(t => t.text), []);
        const anchored = texts.filter(t => t.attributes['text-anchor'] !== undefined);
        assert.ok(anchored.length > 0 && anchored.every(t => t.attributes['text-anchor'] === 'end' && hasClass(t, 'metric-deadline') || t.attributes['text-anchor'] === 'middle'),
            anchored.map(t => `${t.attributes['class']}: ${t.attributes['text-anchor']}`).join(', '));
        const title = elementsWhere(root, e => e.attributes['data-id'] === 'ChurnPilot.Probing')[0]!;
        assert.deepEqual(Object.keys(elementsWhere(title, e => hasClass(e, 'node-title'))[0]!.attributes), ['class', 'x', 'y']);
    });
});
