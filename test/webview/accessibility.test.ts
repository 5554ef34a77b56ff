/**
 * The preview for someone on the keyboard and a screen reader: names and
 * roles in Chromium's accessibility tree, a polite status that does not
 * repeat every keystroke, arrow keys between nodes, a focus ring that
 * stands out in every theme, a toolbar whole at 200 % browser zoom, and no
 * motion when the user asks for less.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { examplesResult, graphMessage, node, usePreview } from './harness/fixture.js';
import type { ThemeName } from './harness/themes.js';
import type { WebviewPage } from './harness/webview-page.js';
import { CHANGED_PIXELS, COLOUR_HELPERS } from './harness/colour.js';

interface AxNode {
    role?: { value: string };
    name?: { value: string };
    ignored?: boolean;
    properties?: Array<{ name: string; value: { value: unknown } }>;
}

/** Chromium's accessibility tree (CDP), less ignored nodes. */
async function axTree(page: Page): Promise<AxNode[]> {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: AxNode[] };
    await cdp.detach();
    return nodes.filter(n => !n.ignored);
}

const axName = (n: AxNode): string => String(n.name?.value ?? '');
const axProperty = (n: AxNode, name: string): unknown => n.properties?.find(p => p.name === name)?.value.value;

/** The id of the focused node, if a node has the focus. */
const focusedNode = (w: WebviewPage): Promise<string | null> => w.page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);

describe('preview: accessibility', () => {
    const preview = usePreview();
    const result = examplesResult();

    it('names every control and node in the accessibility tree: the search field, the toolbar, nodes as buttons with kind, title and status', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 900, height: 700 } });
        await w.page.waitForFunction(() => document.querySelector('vscode-text-field')?.getAttribute('aria-label') === 'Search nodes');
        const tree = await axTree(w.page);
        const named = (role: string): string[] => tree.filter(n => n.role?.value === role).map(axName);
        assert.deepEqual(named('textbox'), ['Search nodes']);
        assert.deepEqual(named('combobox'), ['Show', 'Direction']);
        assert.deepEqual(named('checkbox'), ['Hide activity & learning metrics']);
        assert.deepEqual(named('toolbar'), ['Impact chain preview']);
        const buttons = named('button');
        for (const label of ['Zoom out', 'Zoom in', 'Fit the graph to the view']) assert.ok(buttons.includes(label), `no button ${label}: ${buttons.join(' | ')}`);
        // Every drawn node is a button whose name says its kind, name and title, and a metric's status.
        const drawn = await w.page.$$eval('.nodes > .node', els => els.length);
        const nodeButtons = buttons.filter(b => /^(objective|skill|behavior|leading metric|lagging metric|learning metric|activity metric|outcome) /.test(b));
        assert.equal(nodeButtons.length, drawn);
        const probing = node(result, 'ChurnPilot.Probing');
        assert.ok(nodeButtons.includes(`behavior Probing: ${probing.title}, reinforced by TeamLeadKit, in program ChurnPilot`), nodeButtons.join('\n'));
        assert.ok(nodeButtons.some(b => /^leading metric PipelineHygiene: .*off track/.test(b)), 'a metric off track says so');
        assert.ok(nodeButtons.some(b => /^objective KnowTheProduct: .*no KPI link.*1 error$/.test(b)), 'an unlinked objective says so, with its findings');
        // The status line is a polite live region with the counts.
        assert.ok(tree.filter(n => n.role?.value === 'status' && axProperty(n, 'live') === 'polite').length >= 1, 'a polite status region');
        const status = await w.page.$eval('.canvas .status', e => [e.getAttribute('role'), e.textContent]);
        assert.equal(status[0], 'status');
        assert.match(status[1]!, /^\d+ nodes · \d+ edges · aligned \d+\/\d+$/);
    });

    it('says the number of search matches once the typing pauses, not at every keystroke; the count on screen follows each key', async () => {
        const w = await preview.openWithGraph({ viewport: { width: 900, height: 700 } });
        await w.page.evaluate(() => {
            const w = window as unknown as { __said: string[] };
            w.__said = [];
            for (const region of document.querySelectorAll('[aria-live], [role="status"]')) {
                new MutationObserver(() => { if (region.closest('.toolbar')) w.__said.push(region.textContent ?? ''); })
                    .observe(region, { childList: true, characterData: true, subtree: true });
            }
        });
        const field = w.page.locator('vscode-text-field input');
        await field.pressSequentially('churn', { delay: 60 });
        assert.equal(await w.page.locator('.toolbar .matches').textContent(), '2 matches');
        const said = (): Promise<string[]> => w.page.evaluate(() => (window as unknown as { __said: string[] }).__said.filter(Boolean));
        await w.page.waitForFunction(() => (window as unknown as { __said: string[] }).__said.some(Boolean), undefined, { timeout: 3000 });
        await w.page.waitForTimeout(900);
        assert.deepEqual(await said(), ['2 matches']);
        // The visible count is not a live region too (else it would be read at every keystroke).
        const visibleLive = await w.page.$eval('.toolbar .matches', e => e.closest('[aria-live], [role="status"]') !== null || e.getAttribute('aria-hidden') !== 'true');
        assert.equal(visibleLive, false);
    });

    it('moves the focus between nodes with the arrow keys (along a column and across), Home and End; Enter then reveals', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 700 } });
        await w.postGraph(graphMessage(result, { direction: 'right' }));
        const order = await w.page.$$eval('.nodes > .node', els => els.map(e => e.getAttribute('data-id')!));
        const boxes = await w.page.$$eval('.nodes > .node .node-box', els => els.map(e => {
            const r = e.getBoundingClientRect();
            return { id: e.closest('.node')!.getAttribute('data-id')!, x: r.x, y: r.y };
        }));
        const box = (id: string | null): { x: number; y: number } => boxes.find(b => b.id === id)!;
        await w.page.locator(`[data-id="${order[0]}"]`).focus();
        assert.equal(await focusedNode(w), order[0]);
        // Down stays in the first column (objectives, the drawing runs left to right here) and lands lower.
        await w.page.keyboard.press('ArrowDown');
        const below = await focusedNode(w);
        assert.ok(below && below !== order[0], 'ArrowDown moved the focus');
        assert.ok(Math.abs(box(below).x - box(order[0]!).x) < 2 && box(below).y > box(order[0]!).y, `${below} is below ${order[0]}`);
        await w.page.keyboard.press('ArrowUp');
        assert.equal(await focusedNode(w), order[0]);
        // Right goes to the next column: a skill.
        await w.page.keyboard.press('ArrowRight');
        const right = await focusedNode(w);
        assert.ok(right && node(result, right).kind === 'skill', `ArrowRight went to ${right}`);
        await w.page.keyboard.press('ArrowLeft');
        assert.equal(node(result, (await focusedNode(w))!).kind, 'objective');
        await w.page.keyboard.press('End');
        assert.equal(await focusedNode(w), order[order.length - 1]);
        await w.page.keyboard.press('Home');
        assert.equal(await focusedNode(w), order[0]);
        // Up from the first node goes nowhere: the focus stays.
        await w.page.keyboard.press('ArrowUp');
        assert.equal(await focusedNode(w), order[0]);
        const before = (await w.posted()).length;
        await w.page.keyboard.press('ArrowDown');
        await w.page.keyboard.press('Enter');
        assert.equal((await w.waitForPosted('reveal', before)).nodeId, below);
    });

    for (const theme of ['light', 'dark', 'high-contrast'] as ThemeName[]) {
        it(`shows a focus ring that differs by 3:1 or more from the unfocused look, around every control and node, in the ${theme} theme`, async () => {
            const w = await preview.openWithGraph({ theme, viewport: { width: 900, height: 700 } });
            const scratch = await w.page.context().newPage();
            await w.page.waitForTimeout(200);
            const weak: string[] = [];
            // The toolbar's controls at this width, then the graph's Tab stop (its first node), then the next node (an arrow key).
            for (const key of [...Array<string>(8).fill('Tab'), 'ArrowDown']) {
                await w.page.keyboard.press(key);
                const target = await w.page.evaluate(() => {
                    const e = document.activeElement!;
                    const r = e.getBoundingClientRect();
                    return { name: e.getAttribute('aria-label') ?? e.tagName, x: r.x, y: r.y, width: r.width, height: r.height };
                });
                const clip = { x: Math.max(0, target.x - 5), y: Math.max(0, target.y - 5), width: target.width + 10, height: target.height + 10 };
                const focused = await w.page.screenshot({ clip });
                await w.page.evaluate(() => {
                    (window as unknown as { __was: HTMLElement }).__was = document.activeElement as HTMLElement;
                    (document.activeElement as HTMLElement).blur();
                });
                const blurred = await w.page.screenshot({ clip });
                const changed = await scratch.evaluate(`(${CHANGED_PIXELS})(${JSON.stringify([focused.toString('base64'), blurred.toString('base64')])})`) as number;
                // Most of a 1 px line around the control, at least (rounded corners change fewer pixels).
                const perimeter = 2 * (target.width + target.height);
                if (changed < 0.75 * perimeter) weak.push(`${target.name.slice(0, 40)}: ${changed} of ${Math.round(perimeter)} px`);
                // Back to where the keyboard was (Tab from there goes on).
                await w.page.evaluate(() => (window as unknown as { __was: HTMLElement }).__was.focus());
            }
            await scratch.close();
            assert.deepEqual(weak, [], `focus hard to see in ${theme}`);
        });
    }

    for (const theme of ['light', 'dark', 'high-contrast'] as ThemeName[]) {
        it(`draws every edge, arrowhead and focus ring at 3:1 or more against the background in the ${theme} theme`, async () => {
            const w = await preview.openWithGraph({ theme, viewport: { width: 1400, height: 900 } });
            const ratios = await w.page.evaluate(`(() => {
                ${COLOUR_HELPERS}
                const page = parse(getComputedStyle(document.body).backgroundColor);
                const out = {};
                for (const e of document.querySelectorAll('path.edge, .arrow, .focus-ring')) {
                    const style = getComputedStyle(e);
                    const paint = e.classList.contains('arrow') ? style.fill : style.stroke;
                    const key = (e.getAttribute('class') || '').split(' ').filter(c => c !== 'highlight').join(' ');
                    out[key] = Math.min(out[key] ?? Infinity, ratio(blend(rgba(paint), page), page));
                }
                return out;
            })()`) as Record<string, number>;
            assert.ok(Object.keys(ratios).some(k => k.startsWith('edge edge-')) && 'arrow' in ratios && 'focus-ring' in ratios, JSON.stringify(ratios));
            const low = Object.entries(ratios).filter(([, r]) => r < 3);
            assert.deepEqual(low, [], `below 3:1 in ${theme}: ${JSON.stringify(ratios)}`);
        });
    }

    for (const [pane, viewport] of [['400', { width: 200, height: 350 }], ['900', { width: 450, height: 350 }]] as const) {
        it(`keeps every toolbar control in the pane at 200 % zoom of a ${pane} px pane, with room left for the drawing`, async () => {
            const w = await preview.openWithGraph({ viewport });
            const layout = await w.page.evaluate(`(() => {
                const controls = [...document.querySelectorAll('.toolbar vscode-dropdown, .toolbar vscode-text-field, .toolbar vscode-button, .toolbar vscode-checkbox')]
                    .filter(e => e.getClientRects().length > 0)
                    .map(e => { const r = e.getBoundingClientRect(); return { name: e.getAttribute('aria-label'), left: r.left, right: r.right, bottom: r.bottom }; });
                return { controls, width: innerWidth, canvas: document.querySelector('.canvas').getBoundingClientRect().height, height: innerHeight };
            })()`) as { controls: Array<{ name: string; left: number; right: number; bottom: number }>; width: number; canvas: number; height: number };
            const names = layout.controls.map(c => c.name);
            for (const name of ['Show', 'Search nodes', 'Zoom out', 'Zoom in', 'Fit the graph to the view']) assert.ok(names.includes(name), `${name} is shown`);
            const outside = layout.controls.filter(c => c.left < 0 || c.right > layout.width + 0.5);
            assert.deepEqual(outside, [], 'controls cut off at the right edge');
            assert.ok(layout.canvas >= layout.height * 0.5, `the drawing keeps half the height: ${layout.canvas} of ${layout.height}`);
        });
    }

    for (const width of [400, 480, 900]) {
        it(`keeps the search field and the zoom buttons on one line in a ${width} px pane (they wrap only far narrower)`, async () => {
            const w = await preview.openWithGraph({ viewport: { width, height: 700 } });
            const tops = await w.page.evaluate(`[...document.querySelectorAll('.toolbar .find vscode-text-field, .toolbar .find vscode-button')]
                .filter(e => e.getClientRects().length > 0).map(e => Math.round(e.getBoundingClientRect().top))`) as number[];
            assert.ok(tops.length >= 4, `search and three buttons: ${tops.length}`);
            // A wrapped control sits a whole line (about 30 px) lower; the field and the buttons differ by a pixel of alignment.
            assert.ok(Math.max(...tops) - Math.min(...tops) <= 4, `one line: tops ${tops.join(', ')}`);
        });
    }

    it('moves nothing by itself when the user prefers reduced motion: no animation or transition runs while searching, zooming and fitting', async () => {
        const w = await preview.open({ viewport: { width: 900, height: 700 } });
        await w.page.emulateMedia({ reducedMotion: 'reduce' });
        await w.postGraph(graphMessage());
        const running: string[] = [];
        const watch = async (): Promise<void> => {
            running.push(...await w.page.evaluate(`(() => {
                const all = [...document.getAnimations()];
                for (const host of document.querySelectorAll('*')) if (host.shadowRoot) all.push(...host.shadowRoot.getAnimations());
                return all.map(a => a.constructor.name + ' ' + (a.animationName ?? a.transitionProperty ?? ''));
            })()`) as string[]);
        };
        await w.page.locator('vscode-text-field input').fill('churn');
        await watch();
        await w.page.locator('vscode-button', { hasText: 'Fit' }).click();
        await watch();
        await w.page.locator('vscode-button', { hasText: '+' }).click();
        await watch();
        await w.page.locator('[data-id="ChurnRate"]').focus();
        await watch();
        const smooth = await w.page.evaluate(() => [document.documentElement, document.body, document.querySelector('.canvas')!].map(e => getComputedStyle(e).scrollBehavior));
        assert.deepEqual(running, []);
        assert.deepEqual(smooth, ['auto', 'auto', 'auto']);
    });
});
