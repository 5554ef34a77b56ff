/**
 * The keyboard's focus ring around a node (and the metric detail's dashed
 * ring) is drawn in the drawing's units (language/render/styles.ts: 2 wide),
 * so the view's zoom scales it: 0.5 px on screen at 25 %, too thin to see.
 * Zoomed out, a rule of a style sheet of its own widens it by 1 / zoom, so
 * that it stays 2 px or more on screen; changing that rule restyles only
 * the rings, not the whole drawing (as a custom property on it would).
 */
const sheet = new CSSStyleSheet();
let scale = 0;

/** Adopts the ring's style sheet (after the page's, so that its rule wins). */
export function adoptFocusRingStyles(): void {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    scaleFocusRing(1);
}

/** Keeps the ring 2 screen px wide (or more) at `zoom`. */
export function scaleFocusRing(zoom: number): void {
    const k = Number.isFinite(zoom) && zoom > 0 ? Math.max(1, 1 / zoom) : 1;
    if (Math.abs(k - scale) < 1e-6) return;
    scale = k;
    const n = (v: number): string => String(Math.round(v * 1000) / 1000);
    sheet.replaceSync(k === 1 ? '' : [
        `.align-graph .focus-ring { stroke-width: ${n(2 * k)}; }`,
        `.align-graph .node[aria-expanded="true"] .focus-ring { stroke-dasharray: ${n(5 * k)} ${n(3 * k)}; }`
    ].join('\n'));
}
