/**
 * Styles without `<style>` or `style=""` (a strict CSP blocks both):
 * constructed style sheets adopted by the document.
 */
import { graphCss } from '../language/render/index.js';
import pageCss from './main.css';

export function adoptStyles(): void {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${pageCss}\n${graphCss()}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
