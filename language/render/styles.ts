/**
 * The styles of the drawing, shared by the preview and exported SVG files.
 * Colours are VS Code theme variables with fallbacks (a light theme), so
 * the CLI's SVG looks right outside VS Code; an export from the preview
 * passes `resolve` to write the theme's actual colours instead.
 */

import { MONO_STACK, SANS_STACK, TEXT } from './measure.js';

/** Theme tokens: the VS Code variable and the fallback used outside VS Code. */
export const PALETTE = {
    background: ['--vscode-editor-background', '#ffffff'],
    foreground: ['--vscode-editor-foreground', '#1f1f1f'],
    muted: ['--vscode-descriptionForeground', '#616161'],
    nodeBackground: ['--vscode-editorWidget-background', '#f3f3f3'],
    nodeBorder: ['--vscode-editorWidget-border', '#c8c8c8'],
    contrastBorder: ['--vscode-contrastBorder', '#c8c8c8'],
    contrastActiveBorder: ['--vscode-contrastActiveBorder', '#0090f1'],
    focus: ['--vscode-focusBorder', '#0090f1'],
    match: ['--vscode-editor-findMatchBorder', '#c76f00'],
    error: ['--vscode-editorError-foreground', '#e51400'],
    warning: ['--vscode-editorWarning-foreground', '#bf8803'],
    info: ['--vscode-editorInfo-foreground', '#1a85ff'],
    lines: ['--vscode-charts-lines', '#8a8a8a'],
    blue: ['--vscode-charts-blue', '#1a85ff'],
    purple: ['--vscode-charts-purple', '#652d90'],
    orange: ['--vscode-charts-orange', '#d18616'],
    yellow: ['--vscode-charts-yellow', '#bf8803'],
    green: ['--vscode-charts-green', '#388a34'],
    red: ['--vscode-charts-red', '#e51400'],
    font: ['--vscode-font-family', SANS_STACK],
    monoFont: ['--vscode-editor-font-family', MONO_STACK]
} as const satisfies Record<string, readonly [string, string]>;

export type PaletteToken = keyof typeof PALETTE;

/** Returns a theme variable's value (e.g. from getComputedStyle), or undefined when it is not set. */
export type ResolveVariable = (name: string) => string | undefined;

/** What a resolved colour or font list may contain: nothing that could end a declaration, a rule or the <style> (nor load anything). */
const SAFE_VALUE = /^[-\w\s#%.,()'"/+]+$/;

/** Accent colour of each node kind (icon and side bar) and of the edges into it. */
const ACCENT: Record<string, PaletteToken> = { objective: 'blue', skill: 'purple', behavior: 'orange', metric: 'yellow', outcome: 'green' };
const EDGE_INTO: Record<string, PaletteToken> = { builds: 'purple', enables: 'orange', moves: 'yellow', drives: 'yellow', measures: 'green', kpi: 'blue' };

/**
 * How far (percent) the box borders and the kinds' colours (icon, side bar) are
 * taken towards the text's colour, so that they stand 3:1 or more from the box
 * and the background: the light theme's widget border #c8c8c8 becomes about
 * #898989 (3.3:1 on the box, was 1.6:1), the dark theme's #454545 about #828282
 * (4.2:1, was 1.7:1); the light orange 3.3:1 and yellow 3.5:1 on the box (were
 * 2.8 and 2.9:1). High contrast themes draw borders in their own contrast colour.
 */
const BORDER_SHARE = 45;
const ACCENT_SHARE = 15;

/** `colour` taken `share` percent towards `toward` in sRGB (what CSS `color-mix` computes), as #rrggbb; undefined unless both are #hex or rgb()/rgba() (alpha kept). */
export function mixColours(colour: string, toward: string, share: number): string | undefined {
    const a = parseColour(colour);
    const b = parseColour(toward);
    if (!a || !b) return undefined;
    const t = share / 100;
    const hex = [0, 1, 2].map(i => Math.round(a[i]! * (1 - t) + b[i]! * t).toString(16).padStart(2, '0')).join('');
    return a[3] === 1 ? `#${hex}` : `rgba(${[0, 1, 2].map(i => Math.round(a[i]! * (1 - t) + b[i]! * t)).join(', ')}, ${a[3]})`;
}

function parseColour(text: string): [number, number, number, number] | undefined {
    const value = text.trim().toLowerCase();
    const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)?.[1];
    if (hex) {
        const long = hex.length <= 4 ? [...hex].map(d => d + d).join('') : hex;
        const n = [0, 2, 4, 6].map(i => parseInt(long.slice(i, i + 2) || 'ff', 16));
        return [n[0]!, n[1]!, n[2]!, n[3]! / 255];
    }
    const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
    if (!rgb) return undefined;
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : Number(rgb[4]);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
}

/**
 * The CSS of the drawing, every rule under `.align-graph`. Without `resolve`
 * colours are `var(--vscode-x, fallback)`; with it, the resolved values.
 */
export function graphCss(resolve?: ResolveVariable): string {
    const c = (token: PaletteToken): string => {
        const [name, fallback] = PALETTE[token];
        if (!resolve) return `var(${name}, ${fallback})`;
        const value = resolve(name)?.trim();
        return value && SAFE_VALUE.test(value) && !/(url|image|image-set|var|env|attr)\s*\(/i.test(value) ? value : fallback;
    };
    // A colour taken `share` of the way towards the text's, keeping its hue: darker in a light theme, lighter in a dark one.
    // The theme's border and chart colours are made for large areas: as a thin border or a 16 px icon on the box some are
    // under 3:1 (WCAG 1.4.11: VS Code's light widget border is 1.7:1 on white, its light orange and yellow 2.8 and 2.9:1 on the box).
    const towardText = (token: PaletteToken, share: number): string => resolve
        ? mixColours(c(token), c('foreground'), share) ?? c(token)
        : `color-mix(in srgb, ${c(token)} ${100 - share}%, ${c('foreground')})`;
    const g = '.align-graph';
    const hc = 'body.vscode-high-contrast .align-graph';
    return [
        `${g} { font-family: ${c('font')}; color: ${c('foreground')}; }`,
        `${g} .background { fill: ${c('background')}; }`,
        `${g} text { fill: ${c('foreground')}; font-size: 12px; }`,
        // A layer label sits on a box of the background (svg.ts, renderColumns), on screen and on paper: edges crossing it pass
        // under it whole (a stroke halo let them show between the letters, and prints to PDF as a second copy of the text).
        `${g} .column-label { fill: ${c('muted')}; font-size: 11px; font-weight: 700; letter-spacing: 0.08em; }`,
        `${g} .label-halo { fill: ${c('background')}; }`,
        // The arrowheads a box meets are drawn again above it (label-arrowheads); zoomed out, the preview shows no labels.
        `${g}.zoomed-out > svg.labels .label-halo, ${g}.zoomed-out > svg.labels .label-arrowheads { display: none; }`,
        `${g}.has-highlight .label-arrowheads path { opacity: 0.25; }`,
        `${g}.has-highlight .label-arrowheads path.highlight { opacity: 1; }`,
        `${g} .node { cursor: pointer; outline: none; }`,
        `${g} .node-box { fill: ${c('nodeBackground')}; stroke: ${towardText('nodeBorder', BORDER_SHARE)}; stroke-width: 1; }`,
        `${g} .node-title { font-size: ${TEXT.title.size}px; font-weight: 600; }`,
        `${g} .node-name, ${g} .node-footer, ${g} .metric-deadline { fill: ${c('muted')}; font-size: ${TEXT.small.size}px; }`,
        `${g} .node-name { font-family: ${c('monoFont')}; }`,
        `${g} .metric-figures { font-size: ${TEXT.figures.size}px; font-weight: 600; }`,
        `${g} .node-short { display: none; dominant-baseline: central; }`,
        `${g} .node-icon { fill: none; stroke-width: 1.6; stroke-linejoin: round; stroke-linecap: round; }`,
        `${g} .node-icon .solid { stroke: none; }`,
        ...Object.entries(ACCENT).flatMap(([kind, token]) => [
            `${g} .kind-${kind} .node-accent, ${g} .kind-${kind} .node-icon .solid { fill: ${towardText(token, ACCENT_SHARE)}; }`,
            `${g} .kind-${kind} .node-icon { stroke: ${towardText(token, ACCENT_SHARE)}; }`,
            // Zoomed far out, boxes also show their kind by colour.
            `${g}.zoomed-out .kind-${kind} .node-box { fill: ${c(token)}; fill-opacity: 0.22; }`
        ]),
        `${g} .unlinked .node-box { stroke: ${c('error')}; stroke-width: 3; stroke-dasharray: 9 5; }`,
        // A node from a catalog file (read-only library): a dashed border and a `catalog` tag on it.
        `${g} .from-catalog .node-box { stroke: ${c('muted')}; stroke-width: 1.5; stroke-dasharray: 6 4; }`,
        `${g} .catalog-tag rect { fill: ${c('background')}; stroke: ${c('muted')}; stroke-width: 1; }`,
        `${g} .catalog-tag text { fill: ${c('foreground')}; font-size: 11px; font-weight: 700; }`,
        `${g} .unlinked-label rect { fill: ${c('error')}; }`,
        `${g} .unlinked-label text { fill: ${c('background')}; font-size: 11px; font-weight: 700; }`,
        `${g} .unlinked-label path { fill: ${c('background')}; stroke: none; }`,
        `${g} .progress-track { fill: ${c('muted')}; fill-opacity: 0.25; }`,
        `${g} .progress-fill { fill: ${c('muted')}; }`,
        `${g} .status-on-track .progress-fill { fill: ${c('green')}; }`,
        `${g} .status-off-track .progress-fill { fill: ${c('red')}; }`,
        `${g} .metric-status { font-size: 11px; font-weight: 600; }`,
        `${g} .status-glyph { fill: ${c('muted')}; }`,
        `${g} .status-on-track .status-glyph { fill: ${c('green')}; }`,
        `${g} .status-off-track .status-glyph { fill: ${c('red')}; }`,
        `${g} .badge rect { fill: ${c('nodeBackground')}; stroke-width: 1.5; }`,
        `${g} .badge text { fill: ${c('foreground')}; font-size: 11px; font-weight: 700; }`,
        `${g} .sev-error .badge rect { stroke: ${c('error')}; }`,
        `${g} .sev-error .badge .glyph { fill: ${c('error')}; }`,
        `${g} .sev-warning .badge rect { stroke: ${c('warning')}; }`,
        `${g} .sev-warning .badge .glyph { fill: ${c('warning')}; }`,
        `${g} .sev-info .badge rect { stroke: ${c('info')}; }`,
        `${g} .sev-info .badge .glyph { fill: ${c('info')}; }`,
        `${g} .edge { fill: none; stroke: ${c('lines')}; stroke-width: 1.5; }`,
        // In a page (no `resolve`), each kind's colour is taken a little towards the text's, so that every edge stands 3:1 or
        // more from the background in light and dark themes (VS Code's light orange alone is 2.9:1 on white).
        ...Object.entries(EDGE_INTO).map(([kind, token]) => `${g} .edge-${kind} { stroke: ${resolve ? c(token) : `color-mix(in srgb, ${c(token)} 85%, ${c('foreground')})`}; }`),
        `${g} .edge-kpi { stroke-dasharray: 7 4; }`,
        `${g} .edge.unexplained { stroke: ${c('error')}; stroke-width: 2; }`,
        // The arrowheads in the muted text colour: the lines' colour (half transparent in VS Code's themes) is 2.2:1 on white.
        `${g} .arrow { fill: ${c('muted')}; }`,
        `${g} .arrow-unexplained { fill: ${c('error')}; }`,
        `${g} .focus-ring { fill: none; stroke: ${c('focus')}; stroke-width: 2; visibility: hidden; }`,
        `${g} .node:focus-visible .focus-ring { visibility: visible; }`,
        `${g}.has-highlight .node, ${g}.has-highlight .edge { opacity: 0.25; }`,
        `${g}.has-highlight .node.highlight, ${g}.has-highlight .edge.highlight { opacity: 1; }`,
        // A dimmed node with the keyboard's focus is shown whole: its focus ring faded with it.
        `${g}.has-highlight .node:focus-visible { opacity: 1; }`,
        `${g} .node.highlight .node-box { stroke: ${c('focus')}; stroke-width: 2; }`,
        `${g} .node.cursor .node-box { stroke-width: 3.5; }`,
        `${g} .edge.highlight { stroke-width: 2.5; }`,
        `${g} .node.match .node-box { stroke: ${c('match')}; stroke-width: 3.5; stroke-dasharray: none; }`,
        // Zoomed far out, a box shows its name at a size readable on screen instead of its lines.
        `${g}.zoomed-out .node-text, ${g}.zoomed-out .badge, ${g}.zoomed-out .catalog-tag, ${g}.zoomed-out .column-label { display: none; }`,
        `${g}.zoomed-out .node-short { display: inline; }`,
        `${hc} .node-box { stroke: ${c('contrastBorder')}; stroke-width: 1.5; }`,
        `${hc} .unlinked .node-box { stroke: ${c('error')}; stroke-width: 4; }`,
        `${hc} .from-catalog .node-box { stroke: ${c('contrastBorder')}; stroke-width: 2; stroke-dasharray: 6 4; }`,
        `${hc} .catalog-tag rect { stroke: ${c('contrastBorder')}; stroke-width: 1.5; }`,
        `${hc} .node.highlight .node-box, ${hc} .focus-ring { stroke: ${c('contrastActiveBorder')}; }`,
        `${hc} .edge { stroke-width: 2; }`,
        `${hc} .progress-track { fill: none; stroke: ${c('contrastBorder')}; stroke-width: 1; }`,
        `${hc}.has-highlight .node, ${hc}.has-highlight .edge, ${hc}.has-highlight .label-arrowheads path { opacity: 0.4; }`,
        `${hc}.has-highlight .node.highlight, ${hc}.has-highlight .edge.highlight, ${hc}.has-highlight .label-arrowheads path.highlight { opacity: 1; }`,
        `${hc}.has-highlight .node:focus-visible { opacity: 1; }`,
        // High contrast themes draw a match in the same colour as the chain and the cursor's box (their one active border
        // colour): a match is dashed, so that it reads apart from the cursor's box (solid, as wide).
        `${hc} .node.match .node-box { stroke: ${c('match')}; stroke-width: 3.5; stroke-dasharray: 8 4; }`
    ].join('\n');
}
