/**
 * Styles without `<style>` or `style=""` (a strict CSP blocks both):
 * constructed style sheets adopted by the document.
 */
import { chartCss, graphCss } from '../language/render/index.js';
import pageCss from './main.css';
import detailCss from './metric-detail.css';
import { adoptFocusRingStyles } from './focus-ring.js';

export function adoptStyles(): void {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${pageCss}\n${graphCss()}\n${detailCss}\n${chartCss()}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adoptFocusRingStyles();
}
