/** What the preview shows, measured in its DOM: the `view` message for the host (panel title, title bar) and tests. */
import type { GraphLayout } from '../language/render/index.js';
import type { Chain } from './framing.js';
import type { ChainNodeView, WebviewMessage, WebviewState } from './protocol.js';

/** The `view` message for what is on screen now. */
export function viewReport(now: {
    layout: GraphLayout; state: WebviewState; zoom: number; pane: { width: number; height: number };
    chain: Chain | undefined; scopeTitle: string; canvas: HTMLElement; root: HTMLElement;
}): Extract<WebviewMessage, { type: 'view' }> {
    const { layout, state, chain } = now;
    const drawn = new Set(layout.nodes.map(n => n.id));
    return {
        type: 'view', direction: layout.direction, directionChoice: state.direction, hideLearningMetrics: state.hideLearningMetrics,
        zoom: now.zoom, scope: state.scope, scopeTitle: now.scopeTitle, nodes: layout.nodes.length, pane: now.pane,
        ...(chain && drawn.has(chain.around) ? { cursor: chain.around } : {}),
        chain: chain ? chainViews(now.canvas, now.root, [...chain.ids].filter(id => drawn.has(id)), now.zoom) : []
    };
}

/**
 * How each drawn node of the chain is shown: whether its box lies inside
 * the pane, and the on-screen size of its title (of its name when zoomed
 * far out, where the title is not drawn).
 */
export function chainViews(canvas: HTMLElement, root: HTMLElement, ids: Iterable<string>, zoom: number): ChainNodeView[] {
    const pane = canvas.getBoundingClientRect();
    const zoomedOut = root.classList.contains('zoomed-out');
    const out: ChainNodeView[] = [];
    for (const id of ids) {
        const node = root.querySelector(`.node[data-id="${CSS.escape(id)}"]`);
        const box = node?.querySelector('.node-box')?.getBoundingClientRect();
        const label = node?.querySelector(zoomedOut ? '.node-short' : '.node-title');
        if (!node || !box || !label) continue;
        const inView = box.left >= pane.left - 0.5 && box.top >= pane.top - 0.5 && box.right <= pane.right + 0.5 && box.bottom <= pane.bottom + 0.5;
        out.push({ id, inView, titlePx: Math.round(parseFloat(getComputedStyle(label).fontSize) * zoom * 100) / 100 });
    }
    return out;
}
