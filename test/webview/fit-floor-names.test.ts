/**
 * Names at the zoom Fit lands on when the drawing is large for the pane
 * (the readable floor, 25%): boxes are then 45-70 px wide on screen, so a
 * name takes the whole box (the kind icons, too small to read there, are
 * hidden) and wraps onto a second line where the box is tall enough. Every
 * box shows at least MIN_LETTERS of its name (all of a shorter name), at
 * 11 px or more, inside the box.
 * Screenshots go to out/screenshots/fit-floor-names/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { READABLE_PX } from '../../language/render/index.js';
import type { WebviewState } from '../../webview/protocol.js';
import { MIN_ZOOM } from '../../webview/zoom-labels.js';
import { drawnIds, examplesResult, graphMessage, usePreview } from './harness/fixture.js';
import { measureView } from './harness/measure-view.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots/fit-floor-names');
const workspace: WebviewState = { zoom: 1, pan: { x: 0, y: 0 }, scope: { kind: 'workspace' }, direction: 'auto', hideLearningMetrics: false, search: '' };
/**
 * The fewest letters of a name each pane shows at the Fit floor: a 400 px
 * pane lays boxes out 180 px wide (45 px on screen at 25%: 42 px of 11 px
 * text, four or five letters and the ellipsis on one line), a 900 px pane
 * 260 px wide. Before names took the whole box: two letters and five.
 */
const MIN_LETTERS = { 400: 4, 900: 7 } as const;

/** Where the words of a name start: `RenewalRate` at 0 and 7. */
function wordStarts(name: string): number[] {
    return [0, ...[...name.matchAll(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=[._-])(?=.)/gu)].map(m => m.index)];
}

describe('preview: names at the Fit floor', function () {
    this.timeout(120_000);
    const preview = usePreview();
    const result = examplesResult();
    before(() => fs.mkdirSync(out, { recursive: true }));

    for (const width of [400, 900] as const) {
        it(`${width} px: every box shows ${MIN_LETTERS[width]} letters of its name or more (all of a shorter one), at 11 px or more, inside its box`, async () => {
            const w = await preview.open({ viewport: { width, height: 860 }, state: workspace });
            await w.postGraph(graphMessage(result));
            await w.page.locator('vscode-button', { hasText: 'Fit' }).click();
            await w.page.waitForFunction(() => !!document.querySelector('.align-graph.zoomed-out .node-short')?.textContent);
            await w.page.screenshot({ path: path.join(out, `fit-${width}.png`) });
            const view = await measureView(w.page, drawnIds(result));
            assert.ok(view.zoom < MIN_ZOOM * 1.1, `Fit at ${view.zoom}, not near the floor ${MIN_ZOOM}: the test shows nothing`);
            for (const n of view.chain) assert.ok(n.titlePx >= READABLE_PX - 1e-6, `${n.id}: name at ${n.titlePx} px`);
            assert.deepEqual(view.overflow, [], 'names outside their boxes');
            // A name's lines are its text's tspans (one line: the text alone).
            const names = await w.page.$$eval('.nodes > .node', nodes => nodes.map(n => {
                const short = n.querySelector('.node-short')!;
                const spans = [...short.querySelectorAll('tspan')].map(t => t.textContent ?? '');
                return { id: n.getAttribute('data-id')!, lines: spans.length > 0 ? spans : [short.textContent ?? ''] };
            }));
            assert.equal(names.length, drawnIds(result).length);
            const byId = new Map(result.graph.nodes.map(n => [n.id, n.name]));
            const short: string[] = [];
            const midWord: string[] = [];
            for (const { id, lines } of names) {
                const name = byId.get(id)!;
                const starts = wordStarts(name);
                let at = 0;
                let letters = 0;
                lines.forEach((line, i) => {
                    const text = line.replace(/…$/, '');
                    // A line starts where the last one ended, or, after a cut one, at the next word.
                    if (i > 0 && lines[i - 1]!.endsWith('…')) at = starts.find(s => s > at) ?? name.length;
                    assert.equal(name.slice(at, at + text.length), text, `${id}: "${lines.join('|')}" does not read ${name} in order`);
                    if (i > 0 && !starts.includes(at) && starts.length > 1) midWord.push(`${id} "${lines.join('|')}"`);
                    at += text.length;
                    letters += text.length;
                });
                if (letters < Math.min(MIN_LETTERS[width], name.length)) short.push(`${id} "${lines.join('|')}"`);
            }
            assert.deepEqual(midWord, [], 'a name of several words has a line that starts inside a word');
            assert.deepEqual(short, [], `names shorter than ${MIN_LETTERS[width]} letters`);
            assert.ok(names.some(n => n.lines.length >= 2), 'a tall box shows its name on two lines');
            const icons = await w.page.$$eval('.nodes > .node > .node-icon', els => els.filter(e => e.getBoundingClientRect().width > 0).length);
            assert.equal(icons, 0, 'kind icons hidden: the names take their room');
        });
    }
});
