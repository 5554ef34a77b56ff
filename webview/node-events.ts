/**
 * Clicks and keys on the drawing's nodes: Enter, Space or a click reveals a
 * node; the arrow keys move the focus to the nearest node that way, Home and
 * End to the first and last; a focused node is brought into view.
 *
 * The graph is one Tab stop (a roving tabindex): nodes are drawn with
 * `tabindex="-1"`, and one of them, the last focused while it is drawn, else
 * the editor cursor's node, else the first in keyboard order, has
 * `tabindex="0"`. Tab enters the graph there and leaves it with the next
 * press.
 */
import type { GraphView } from './graph-view.js';
import type { Rect, Viewport } from './viewport.js';

type Step = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';
const STEPS: Readonly<Record<Step, { axis: 'x' | 'y'; sign: 1 | -1 }>> = {
    ArrowUp: { axis: 'y', sign: -1 }, ArrowDown: { axis: 'y', sign: 1 }, ArrowLeft: { axis: 'x', sign: -1 }, ArrowRight: { axis: 'x', sign: 1 }
};
/** How much a step sideways counts against a node, beside a step the arrow's way: the nearest node in line wins. */
const ASKEW = 3;

export function listenToNodes(view: GraphView, viewport: Viewport, reveal: (id: string) => void): void {
    const stop = new TabStop(view);
    view.root.addEventListener('click', event => {
        const id = view.nodeIdAt(event.target);
        if (id) reveal(id);
    });
    view.root.addEventListener('keydown', event => {
        const id = view.nodeIdAt(event.target);
        if (!id || event.altKey || event.ctrlKey || event.metaKey) return;
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            reveal(id);
            return;
        }
        const next = event.key in STEPS ? neighbour(view, id, STEPS[event.key as Step]) : event.key === 'Home' || event.key === 'End' ? end(view, event.key) : undefined;
        if (next === undefined) return;
        event.preventDefault();
        if (next !== id) view.nodeElement(next)?.focus();
    });
    view.root.addEventListener('focusin', event => {
        const id = view.nodeIdAt(event.target);
        const box = id ? view.box(id) : undefined;
        if (box) viewport.ensureVisible(box);
        if (id) stop.set(id);
    });
}

/**
 * The node that Tab enters the graph at; kept as tiles add, replace and
 * remove nodes' elements. While the keyboard focus is in the graph, a
 * drawing that replaces the focused node's element (a new layout, a
 * resize, another direction) puts the focus back on that node, or when it
 * is gone on the stop that replaces it (the cursor's node, else the first):
 * it does not drop to the page, where the arrow keys do nothing.
 */
class TabStop {
    private id: string | undefined;
    private element: Element | undefined;
    /** The keyboard focus is on a node, or was until its element was taken out of the page. */
    private focused = false;
    /** The focus is being put back: the node it lands on is not the user's choice of stop. */
    private restoring = false;
    /** The focus was put back on another node for want of the focused one, which may still be drawn later in the pass. */
    private standIn = false;

    constructor(private readonly view: GraphView) {
        // Nodes drawn or removed, and the cursor's mark moved (a class).
        new MutationObserver(() => this.keep()).observe(view.root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
        view.root.addEventListener('focusin', () => { this.focused = true; });
        // Focus moved elsewhere in the page (the toolbar): the graph lets it go. An element taken out of the page has no next target.
        view.root.addEventListener('focusout', event => {
            const next = (event as FocusEvent).relatedTarget;
            if (next instanceof Node && !view.root.contains(next)) this.focused = false;
        });
        // A click elsewhere than on a node (the canvas, to pan) takes the focus away from the graph too.
        document.addEventListener('pointerdown', event => {
            if (!view.nodeIdAt(event.target)) this.focused = false;
        }, true);
    }

    set(id: string): void {
        if (this.restoring) return;
        this.id = id;
        this.standIn = false;
        this.keep();
    }

    /**
     * The stop's element, or when the stop is not drawn (none focused yet, a
     * new scope) the cursor's node, else the first: tabindex 0, the one
     * before -1.
     */
    private keep(): void {
        const held = this.element;
        if (held?.isConnected && held.getAttribute('tabindex') === '0' && this.id !== undefined && held.getAttribute('data-id') === this.id) return;
        const el = (this.id !== undefined ? this.view.nodeElement(this.id) : undefined)
            ?? this.view.root.querySelector('.node.cursor[data-id]') ?? this.view.root.querySelector('.node[data-id]') ?? undefined;
        if (el !== this.element || el?.getAttribute('tabindex') !== '0') {
            if (this.element?.isConnected) this.element.setAttribute('tabindex', '-1');
            this.element = el;
            el?.setAttribute('tabindex', '0');
        }
        this.keepFocus();
    }

    /** Puts the focus back in the graph when the focused node's element left the page (see the class). */
    private keepFocus(): void {
        if (!this.focused || !this.element?.isConnected) return;
        const active = document.activeElement;
        const lost = !active || active === document.body || !active.isConnected;
        // A stand-in holds the focus while the focused node is not drawn yet: once it is, it takes the focus back.
        const back = this.standIn && this.id !== undefined && this.element.getAttribute('data-id') === this.id && active !== this.element;
        if (!lost && !back) return;
        this.standIn = this.element.getAttribute('data-id') !== this.id;
        this.restoring = true;
        (this.element as HTMLElement | SVGElement).focus({ preventScroll: true });
        this.restoring = false;
    }
}

/** The nearest node from `id` in the arrow's direction, preferring one in line (`id` itself when there is none). */
function neighbour(view: GraphView, id: string, step: { axis: 'x' | 'y'; sign: 1 | -1 }): string {
    const from = view.box(id);
    const nodes = view.current?.nodes ?? [];
    if (!from) return id;
    const centre = (r: Rect): { x: number; y: number } => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
    const a = centre(from);
    const cross = step.axis === 'x' ? 'y' : 'x';
    let best = id;
    let bestScore = Infinity;
    for (const n of nodes) {
        if (n.id === id) continue;
        const b = centre(n);
        const ahead = (b[step.axis] - a[step.axis]) * step.sign;
        // Ahead, and in line (the boxes overlap across the arrow) or within 45° of it: the top node of a column goes nowhere up.
        const size = cross === 'x' ? 'width' : 'height';
        const inLine = n[cross] < from[cross] + from[size] && n[cross] + n[size] > from[cross];
        if (ahead <= 1 || (!inLine && ahead < Math.abs(b[cross] - a[cross]))) continue;
        const score = ahead + ASKEW * Math.abs(b[cross] - a[cross]);
        if (score < bestScore) {
            bestScore = score;
            best = n.id;
        }
    }
    return best;
}

/** The first or the last node in the Tab order (the order of the nodes' elements). */
function end(view: GraphView, key: 'Home' | 'End'): string | undefined {
    const nodes = view.root.querySelectorAll('.node[data-id]');
    return (key === 'Home' ? nodes[0] : nodes[nodes.length - 1])?.getAttribute('data-id') ?? undefined;
}
