/**
 * What the preview shows, measured from its DOM in the page: for each node
 * of a chain, whether it is drawn, whether its box lies inside the visible
 * pane and the on-screen size of its title; for every drawn node, any line
 * of text that runs outside its box; and how many nodes are dimmed.
 */
import type { Page } from 'playwright-core';

export interface MeasuredChainNode {
    id: string;
    drawn: boolean;
    inView: boolean;
    /** Smallest on-screen font size of its title lines (its name when zoomed far out), CSS px. */
    titlePx: number;
    /** Marked as on the chain, and drawn at full opacity. */
    highlighted: boolean;
}

export interface MeasuredView {
    zoom: number;
    direction: 'right' | 'down' | 'unknown';
    chain: MeasuredChainNode[];
    /** Text lines (any class) whose box is not inside their node's box. */
    overflow: string[];
    dimmed: number;
    drawn: number;
    cursor: string | null;
}

/** In-page; a string, so that the test runner's transpiler adds nothing to it. */
const MEASURE = `ids => {
    const root = document.querySelector('.align-graph');
    const zoom = new DOMMatrix(getComputedStyle(root).transform).a;
    const pane = document.querySelector('.canvas').getBoundingClientRect();
    const zoomedOut = root.classList.contains('zoomed-out');
    const inside = (r, b) => r.left >= b.left - 0.5 && r.top >= b.top - 0.5 && r.right <= b.right + 0.5 && r.bottom <= b.bottom + 0.5;
    const nodes = [...document.querySelectorAll('.nodes > .node')];
    const chain = ids.map(id => {
        const el = nodes.find(n => n.getAttribute('data-id') === id);
        if (!el) return { id, drawn: false, inView: false, titlePx: 0, highlighted: false };
        const labels = [...el.querySelectorAll(zoomedOut ? '.node-short' : '.node-title')];
        const sizes = labels.map(t => parseFloat(getComputedStyle(t).fontSize) * zoom);
        return { id, drawn: true, inView: inside(el.querySelector('.node-box').getBoundingClientRect(), pane),
            titlePx: Math.round(Math.min(...sizes) * 100) / 100,
            highlighted: el.classList.contains('highlight') && Number(getComputedStyle(el).opacity) === 1 };
    });
    const overflow = [];
    for (const el of nodes) {
        const box = el.querySelector('.node-box').getBoundingClientRect();
        for (const t of el.querySelectorAll(zoomedOut ? '.node-short' : '.node-text text')) {
            const r = t.getBoundingClientRect();
            if (r.width > 0 && !inside(r, box)) overflow.push(el.getAttribute('data-id') + ' ' + t.getAttribute('class') + ' "' + t.textContent + '"');
        }
    }
    const dimmed = nodes.filter(n => Number(getComputedStyle(n).opacity) < 1).length;
    const labels = [...document.querySelectorAll('.column-label')].map(l => l.getBoundingClientRect());
    const direction = labels.length < 2 ? 'unknown' : labels[1].top > labels[0].top + 1 ? 'down' : 'right';
    const cursor = document.querySelector('.nodes > .node.cursor');
    return { zoom, direction, chain, overflow, dimmed, drawn: nodes.length, cursor: cursor ? cursor.getAttribute('data-id') : null };
}`;

export function measureView(page: Page, chain: readonly string[]): Promise<MeasuredView> {
    return page.evaluate(`(${MEASURE})(${JSON.stringify(chain)})`) as Promise<MeasuredView>;
}
