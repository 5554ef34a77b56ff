/** What the preview shows, measured in its DOM: the `view` message for the host (panel title, title bar) and tests. */
import type { ChainNodeView } from './protocol.js';

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
