/** Clicks and keys on the drawing's nodes: Enter, Space or a click reveals a node; a focused node is brought into view. */
import type { GraphView } from './graph-view.js';
import type { Viewport } from './viewport.js';

export function listenToNodes(view: GraphView, viewport: Viewport, reveal: (id: string) => void): void {
    view.root.addEventListener('click', event => {
        const id = view.nodeIdAt(event.target);
        if (id) reveal(id);
    });
    view.root.addEventListener('keydown', event => {
        const id = view.nodeIdAt(event.target);
        if (!id || (event.key !== 'Enter' && event.key !== ' ')) return;
        event.preventDefault();
        reveal(id);
    });
    view.root.addEventListener('focusin', event => {
        const id = view.nodeIdAt(event.target);
        const box = id ? view.box(id) : undefined;
        if (box) viewport.ensureVisible(box);
    });
}
