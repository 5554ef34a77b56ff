/**
 * The styles of the charts (KPI charts and the program's progress panel),
 * every rule under `.align-chart`. Colours are VS Code theme variables with
 * light fallbacks, like the graph's (styles.ts). Each series differs by
 * more than colour (solid, dashed, dotted; filled and hollow marks), so a
 * chart reads in black and white and for colour-blind readers. The same
 * paint is written on the charts' elements as presentation attributes
 * (`paint`), which these rules override: a chart reads without them too.
 */
import { SANS_STACK } from './measure.js';
import type { ResolveVariable } from './styles.js';

const TOKENS = {
    foreground: ['--vscode-editor-foreground', '#1f1f1f'],
    muted: ['--vscode-descriptionForeground', '#5f6368'],
    background: ['--vscode-editor-background', '#ffffff'],
    grid: ['--vscode-editorWidget-border', '#dadce0'],
    actual: ['--vscode-charts-blue', '#1a5fb4'],
    reference: ['--vscode-charts-lines', '#5f6368'],
    onTrack: ['--vscode-charts-green', '#1e7b34'],
    offTrack: ['--vscode-charts-red', '#c5221f'],
    window: ['--vscode-charts-purple', '#6f42c1'],
    font: ['--vscode-font-family', SANS_STACK]
} as const satisfies Record<string, readonly [string, string]>;

/** What a resolved colour or font list may contain (nothing that could end a rule or load anything). */
const SAFE_VALUE = /^[-\w\s#%.,()'"/+]+$/;

/** The CSS of the charts; with `resolve`, theme variables are written as their values. */
export function chartCss(resolve?: ResolveVariable): string {
    const c = (token: keyof typeof TOKENS): string => {
        const [name, fallback] = TOKENS[token];
        if (!resolve) return `var(${name}, ${fallback})`;
        const value = resolve(name)?.trim();
        return value && SAFE_VALUE.test(value) && !/(url|image|var|env|attr)\s*\(/i.test(value) ? value : fallback;
    };
    const s = '.align-chart';
    return [
        `${s} { font-family: ${c('font')}; }`,
        `${s} text { fill: ${c('foreground')}; font-size: 11px; }`,
        `${s} .background { fill: ${c('background')}; }`,
        `${s} .muted, ${s} .tick, ${s} .unit { fill: ${c('muted')}; }`,
        `${s} .grid line { stroke: ${c('grid')}; stroke-width: 1; }`,
        `${s} .axis-line { stroke: ${c('muted')}; stroke-width: 1; }`,
        `${s} .status-words { font-size: 12.5px; font-weight: 700; }`,
        `${s} .status-detail { font-size: 11.5px; fill: ${c('muted')}; }`,
        `${s} .direction { font-size: 11px; fill: ${c('muted')}; }`,
        `${s} .direction-glyph { fill: ${c('muted')}; }`,
        `${s} .status-glyph { fill: ${c('muted')}; }`,
        `${s}.status-on-track .status-glyph, ${s} .status-on-track .status-glyph { fill: ${c('onTrack')}; }`,
        `${s}.status-off-track .status-glyph, ${s} .status-off-track .status-glyph { fill: ${c('offTrack')}; }`,
        `${s} .zone { fill: ${c('onTrack')}; fill-opacity: 0.11; stroke: none; }`,
        `${s} .trajectory { stroke: ${c('reference')}; stroke-width: 1.6; stroke-dasharray: 6 4; fill: none; }`,
        `${s} .target-line, ${s} .deadline-line, ${s} .baseline-line { stroke: ${c('reference')}; stroke-width: 1; stroke-dasharray: 1.5 3; fill: none; }`,
        `${s} .target-mark { fill: ${c('background')}; stroke: ${c('foreground')}; stroke-width: 1.5; }`,
        `${s} .baseline-mark { fill: ${c('background')}; stroke: ${c('reference')}; stroke-width: 1.5; }`,
        `${s} .actual-line { stroke: ${c('actual')}; stroke-width: 2.2; fill: none; stroke-linejoin: round; }`,
        `${s} .actual { fill: ${c('actual')}; stroke: ${c('background')}; stroke-width: 1; }`,
        `${s} .actual.latest { stroke: ${c('foreground')}; stroke-width: 1.5; }`,
        `${s}.status-on-track .actual.latest, ${s} .status-on-track .actual.latest { fill: ${c('onTrack')}; }`,
        `${s}.status-off-track .actual.latest, ${s} .status-off-track .actual.latest { fill: ${c('offTrack')}; }`,
        `${s} .expected-mark { fill: ${c('background')}; stroke: ${c('reference')}; stroke-width: 1.5; }`,
        `${s} .gap { stroke: ${c('reference')}; stroke-width: 1; }`,
        `${s} .label { paint-order: stroke; stroke: ${c('background')}; stroke-width: 3px; stroke-linejoin: round; }`,
        `${s} .label-halo { display: none; fill: ${c('background')}; }`,
        `@media print { ${s} .label-halo { display: inline; } ${s} .label { stroke: none; } }`,
        `${s} .label-latest { font-weight: 700; font-size: 11.5px; }`,
        `${s} .label-target, ${s} .label-baseline, ${s} .label-deadline { fill: ${c('muted')}; }`,
        `${s} .window { fill: ${c('window')}; fill-opacity: 0.07; }`,
        `${s} .window-edge { stroke: ${c('window')}; stroke-width: 1; stroke-dasharray: 4 3; }`,
        `${s} .window-label { fill: ${c('window')}; font-size: 10.5px; font-weight: 700; letter-spacing: 0.04em; }`,
        `${s} .row-title { font-size: 12px; font-weight: 700; }`,
        `${s} .row-kind { font-size: 10.5px; fill: ${c('muted')}; letter-spacing: 0.03em; }`,
        `${s} .row-rule { stroke: ${c('grid')}; stroke-width: 1; }`,
        `${s} .row-latest { font-size: 12px; font-weight: 700; }`,
        `${s} .row-change { font-size: 10.5px; fill: ${c('muted')}; }`,
        `${s} .no-data { fill: ${c('muted')}; font-style: italic; }`,
        // The stacked progress panel, drawn for a narrow screen: its text a size larger (progress-chart.ts).
        `${s}.stacked text { font-size: 11.5px; }`,
        `${s}.stacked .row-title, ${s}.stacked .row-latest { font-size: 12.5px; }`
    ].join('\n');
}

/** A token's light colour: what `chartCss()` resolves to without a theme. */
const light = (token: keyof typeof TOKENS): string => TOKENS[token][1];

/** Presentation attributes of a role: a value `undefined` leaves one out (from a role named before it). */
type Attrs = Readonly<Record<string, string | number | undefined>>;

/**
 * The charts' paint as presentation attributes, in the light colours that
 * `chartCss()` falls back to: what a chart shows where no style sheet
 * reaches it (a mail client that drops the page's `<style>` would otherwise
 * paint every shape SVG's default black). Any rule of `chartCss()` overrides
 * them, so the preview's theme still applies; each role here matches the
 * rules for its class (the report's tests compare the two, report-email.test.ts).
 */
const PAINT = {
    root: { 'font-family': light('font'), 'font-size': 11, fill: light('foreground') },
    rootStacked: { 'font-family': light('font'), 'font-size': 11.5, fill: light('foreground') },
    background: { fill: light('background') },
    muted: { fill: light('muted') },
    statusWords: { 'font-size': 12.5, 'font-weight': 700 },
    statusDetail: { 'font-size': 11.5, fill: light('muted') },
    direction: { 'font-size': 11, fill: light('muted') },
    grid: { stroke: light('grid'), 'stroke-width': 1 },
    axisLine: { stroke: light('muted'), 'stroke-width': 1 },
    zone: { fill: light('onTrack'), 'fill-opacity': 0.11, stroke: 'none' },
    trajectory: { stroke: light('reference'), 'stroke-width': 1.6, 'stroke-dasharray': '6 4', fill: 'none' },
    referenceLine: { stroke: light('reference'), 'stroke-width': 1, 'stroke-dasharray': '1.5 3', fill: 'none' },
    targetMark: { fill: light('background'), stroke: light('foreground'), 'stroke-width': 1.5 },
    baselineMark: { fill: light('background'), stroke: light('reference'), 'stroke-width': 1.5 },
    actualLine: { stroke: light('actual'), 'stroke-width': 2.2, fill: 'none', 'stroke-linejoin': 'round' },
    actual: { fill: light('actual'), stroke: light('background'), 'stroke-width': 1 },
    latest: { fill: light('actual'), stroke: light('foreground'), 'stroke-width': 1.5 },
    expectedMark: { fill: light('background'), stroke: light('reference'), 'stroke-width': 1.5 },
    gap: { stroke: light('reference'), 'stroke-width': 1 },
    label: { 'paint-order': 'stroke', stroke: light('background'), 'stroke-width': 3, 'stroke-linejoin': 'round' },
    labelHalo: { display: 'none', fill: light('background') },
    labelLatest: { 'font-weight': 700, 'font-size': 11.5 },
    window: { fill: light('window'), 'fill-opacity': 0.07 },
    windowEdge: { stroke: light('window'), 'stroke-width': 1, 'stroke-dasharray': '4 3' },
    windowLabel: { fill: light('window'), 'font-size': 10.5, 'font-weight': 700, 'letter-spacing': '0.04em' },
    rowTitle: { 'font-size': 12, 'font-weight': 700 },
    rowKind: { 'font-size': 10.5, fill: light('muted'), 'letter-spacing': '0.03em' },
    rowRule: { stroke: light('grid'), 'stroke-width': 1 },
    rowLatest: { 'font-size': 12, 'font-weight': 700 },
    rowChange: { 'font-size': 10.5, fill: light('muted') },
    noData: { fill: light('muted'), 'font-style': 'italic' }
} as const satisfies Record<string, Attrs>;

export type PaintRole = keyof typeof PAINT;

/** The presentation attributes of `parts` (roles, or attributes of their own), later ones overriding earlier: ` fill="#1a5fb4" stroke="#ffffff"`. */
export function paint(...parts: ReadonlyArray<PaintRole | Attrs>): string {
    const merged: Record<string, string | number | undefined> = {};
    for (const part of parts) Object.assign(merged, typeof part === 'string' ? PAINT[part] : part);
    return Object.entries(merged).filter(([, v]) => v !== undefined)
        .map(([name, v]) => ` ${name}="${String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`).join('');
}

/** The fill of a status glyph: green on track, red off track, grey otherwise (as `chartCss()`'s status rules). */
export function glyphFill(status: string | undefined): Attrs {
    return { fill: status === 'on-track' ? light('onTrack') : status === 'off-track' ? light('offTrack') : light('muted') };
}

/** The fill of the latest actual's mark: its status's colour, the actuals' blue when not known. */
export function latestFill(status: string | undefined): Attrs {
    return { fill: status === 'on-track' ? light('onTrack') : status === 'off-track' ? light('offTrack') : light('actual') };
}
