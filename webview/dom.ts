/** The page around the drawing, built without markup strings or inline styles. */

export interface PageElements {
    toolbarSlot: HTMLElement;
    banner: HTMLElement;
    canvas: HTMLElement;
    message: HTMLElement;
    status: HTMLElement;
    /** Fit's notice at the canvas's top (showNotice). */
    notice: HTMLElement;
}

export function element(tag: string, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    el.append(...children);
    return el;
}

export function buildPage(): PageElements {
    const page: PageElements = {
        toolbarSlot: element('div'),
        banner: element('div', { class: 'banner', role: 'alert', hidden: '' }),
        canvas: element('div', { class: 'canvas', role: 'application', 'aria-roledescription': 'graph', 'aria-label': 'Impact chain: the arrow keys, Home and End move between nodes, Enter reveals one in the editor and opens a metric\'s details, Escape closes them, Tab leaves the graph' }),
        message: element('div', { class: 'message' }),
        // A polite live region: a screen reader hears the counts when they change (a new graph, scope or filter), not more.
        status: element('div', { class: 'status', role: 'status' }),
        // Always in the page (empty when off, main.css), so that a screen reader hears its text when it comes.
        notice: element('div', { class: 'notice', role: 'status' })
    };
    // The status line sits in the canvas's bottom corner, costing the drawing no height; it steps aside from boxes (Stage).
    page.canvas.append(page.message, page.notice, page.status);
    document.body.replaceChildren(page.toolbarSlot, page.banner, page.canvas);
    return page;
}

/** `1 node`, `2 nodes`. */
export function counted(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The status line: `1 node · 0 edges · aligned 9/11`. */
export function statusText(nodes: number, edges: number, coverage: { aligned: number; total: number }): string {
    return `${counted(nodes, 'node')} · ${counted(edges, 'edge')} · aligned ${coverage.aligned}/${coverage.total}`;
}

/** Shows a message over the canvas (empty state, loading), or hides it with no arguments. */
export function showMessage(message: HTMLElement, title?: string, detail?: Array<Node | string>): void {
    message.hidden = title === undefined;
    message.replaceChildren(...(title === undefined ? [] : [element('strong', {}, title), ...(detail ? [element('span', {}, ...detail)] : [])]));
}

/**
 * Shows `text` in the notice with a button that dismisses it, or clears it
 * with no text; returns the height it takes at the canvas's top (0 when
 * cleared), which Fit keeps clear.
 */
export function showNotice(notice: HTMLElement, text?: string): number {
    if (text === undefined) {
        notice.replaceChildren();
        return 0;
    }
    const dismiss = element('button', { type: 'button', 'aria-label': 'Dismiss', title: 'Dismiss' }, '×');
    dismiss.addEventListener('click', () => showNotice(notice));
    notice.replaceChildren(element('span', {}, text), dismiss);
    return notice.offsetTop + notice.offsetHeight;
}

/** Fit's notice for a drawing too large to show whole: what to do (`focused`: the Show picker shows one program or outcome already). */
export function tooLargeText(focused: boolean): string {
    return focused
        ? 'This chain is too large to show whole at a readable size: drag to pan, or search for a node.'
        : 'The chain is too large to show whole at a readable size: choose a program in "Show" to see its chain alone.';
}

export type EmptyWhy = 'none' | 'empty' | 'filtered';

/**
 * The message over an empty drawing: none, a workspace without
 * declarations, or filters that leave nothing. An empty workspace whose
 * files have syntax errors (setSyntaxErrors) is not "without declarations":
 * the message then says to fix them, and the status line (0 nodes) is hidden
 * (main.css).
 */
export function showEmptyState(message: HTMLElement, why: EmptyWhy): void {
    message.dataset['why'] = why;
    if (why === 'none') showMessage(message);
    else if (why === 'empty' && message.hasAttribute('data-syntax-errors')) {
        message.dataset['why'] = 'syntax-errors';
        showMessage(message, 'No valid graph yet', ['Fix the syntax errors to see the impact chain: the Problems panel lists them.']);
    } else if (why === 'empty') showMessage(message, 'No Align declarations yet', ['Create a program with the command ', element('code', {}, 'Align: New Program from Template'), '.']);
    else showMessage(message, 'Nothing to show', ['The focus or the filters leave no node: pick "Whole workspace" or show all metrics.']);
}

/**
 * Whether the workspace has syntax errors (the banner says so; cleared by
 * the next graph): an empty state on show is said again to match.
 */
export function setSyntaxErrors(message: HTMLElement, has: boolean): void {
    if (has === message.hasAttribute('data-syntax-errors')) return;
    message.toggleAttribute('data-syntax-errors', has);
    const why = message.dataset['why'];
    if (why === 'empty' || why === 'syntax-errors') showEmptyState(message, 'empty');
}
