/**
 * The report page's styles: a column at most 1000 px wide on screen; under
 * 640 px (a phone, a mail pane) each table row becomes a card of labelled
 * values, and so does a wide table's (seven columns or more, the KPIs'
 * tables) under 840 px, where it would scroll its status out of view; drawings scroll sideways rather than shrink (figure-scale.ts) and
 * charts show their views drawn for narrower windows; on
 * paper (A4 or Letter, whichever the printer has) each program starts a
 * page, no chart, table row or drawing is cut across pages, and every state
 * reads in black and white (icons differ in shape, lines in dash); headings
 * and the sentence introducing a table or list stay with it. Dates never
 * break at their hyphens.
 */
import { HINT_FROM, HINT_STEP, HINT_TO } from './figure-scale.js';
import { KPI_CHART_SIZE } from '../../language/render/index.js';

/** The colours of the icons (html.ts writes them into each icon too, for a mail client that drops the style sheet). */
export const ICON_COLOURS = { muted: '#5f6368', on: '#1e7b34', off: '#c5221f', warning: '#b06000', info: '#1a5fb4' } as const;

/** What hides a text from the eye but not from a screen reader: a class of the sheet, and its own style (a mail client may drop the sheet). */
export const VISUALLY_HIDDEN = 'position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap';

/** The widest a KPI chart is shown alone on a row: 1.25 times its own width. */
export const KPI_CHART_MAX = KPI_CHART_SIZE.width * 1.25;

export const REPORT_CSS = `:root { color-scheme: only light; --fg: #1f1f1f; --muted: ${ICON_COLOURS.muted}; --line: #d0d7de; --head: #f6f8fa; --accent: #12343b; --on: ${ICON_COLOURS.on}; --off: ${ICON_COLOURS.off}; }
* { box-sizing: border-box; }
/* A word longer than the line (a German compound in a title) breaks at the edge rather than widen the page or run past the paper's margin. */
body { margin: 0; font: 15px/1.5 "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--fg); background: #fff; overflow-wrap: break-word; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 24px 64px; }
h1 { font-size: 28px; margin: 0 0 8px; color: var(--accent); }
h2 { font-size: 21px; margin: 36px 0 8px; padding-top: 14px; border-top: 2px solid var(--line); color: var(--accent); }
h3 { font-size: 16px; margin: 22px 0 6px; }
h2, h3 { break-after: avoid; }
p { margin: 6px 0; }
p:has(+ .table, + ul, + .charts) { break-after: avoid; }
p.muted { color: var(--muted); font-size: 13.5px; }
a { color: #1a5fb4; }
/* Its shade reaches 2 px past the name, the margin takes 1 px of that back: a name reads tight in its parentheses, "(ChurnPilot)". */
code { font: 0.87em "DejaVu Sans Mono", Menlo, Consolas, monospace; background: var(--head); padding: 1px 2px; margin: 0 -1px; border-radius: 3px; overflow-wrap: break-word; }
pre { background: var(--head); padding: 8px 10px; border-radius: 6px; overflow-x: auto; font-size: 12px; }
pre code { background: none; padding: 0; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
th[scope="row"] { background: none; font-weight: normal; }
@media screen { td code, th[scope="row"] code { overflow-wrap: anywhere; } }
td.right, th.right { text-align: right; font-variant-numeric: tabular-nums; }
td.center, th.center { text-align: center; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
ul { margin: 6px 0; padding-left: 22px; }
li { margin: 2px 0; break-inside: avoid; }
.icon { width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; fill: var(--muted); }
.status, .severity { white-space: nowrap; font-size: 13px; }
.status-on .icon, .mark-on .icon { fill: var(--on); }
.status-off, .sev-error { font-weight: 600; }
.status-off .icon, .mark-off .icon, .sev-error .icon { fill: var(--off); }
.sev-warning .icon { fill: ${ICON_COLOURS.warning}; }
.sev-info .icon { fill: ${ICON_COLOURS.info}; }
.visually-hidden { ${VISUALLY_HIDDEN}; }
.glance { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 10px; margin: 12px 0 8px; break-inside: avoid; }
.glance-item { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.glance-label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.glance-value { font-size: 22px; font-weight: 700; line-height: 1.3; }
.glance-value .icon { width: 16px; height: 16px; margin-right: 6px; vertical-align: -1px; }
.glance-note { font-size: 12.5px; color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; margin: 10px 0 14px; }
.charts.wide { grid-template-columns: minmax(0, 1fr); }
figure { margin: 0; }
.keep { break-inside: avoid; }
figure.chart { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px 4px; break-inside: avoid; }
figure.chart figcaption { font-size: 13.5px; font-weight: 600; margin: 0 0 4px; }
figure.chart svg { display: block; width: 100%; height: auto; }
.scroll { overflow-x: auto; }
.scroll > svg { min-width: var(--min-width, 0); }
.view-progress-medium > svg { max-width: 728px; }
.view-progress-narrow > svg { max-width: 448px; }
.notice { border: 2px solid var(--off); border-left-width: 6px; border-radius: 6px; background: #fdf0ef; padding: 6px 12px; margin: 12px 0; break-inside: avoid; }
.notice .icon { width: 14px; height: 14px; margin-right: 6px; fill: var(--off); vertical-align: -2px; }
.notice ul { margin: 4px 0; }
.no-chart { color: var(--muted); font-size: 13.5px; }
figure.graph { margin: 12px 0; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; }
figure.graph svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figure.graph figcaption { color: var(--muted); font-size: 13px; padding: 6px 10px; border-top: 1px solid var(--line); }
.scroll-hint { display: none; margin: 0; padding: 4px 10px; color: var(--muted); font-size: 13px; border-bottom: 1px solid var(--line); }
${scrollHints()}
@media (max-width: 760px) { .charts { grid-template-columns: minmax(0, 1fr); } .glance { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
/*
 * A KPI chart alone on its row grows at most to 1.25 times its size (400
 * wide: 500 px and its padding), so that its 11 px labels stay near the
 * body's text (13.75 px) rather than grow to 18 px in a 700 px window.
 */
@media screen and (max-width: 760px) { .charts:not(.wide) { grid-template-columns: minmax(0, ${KPI_CHART_MAX + 18}px); } }
@media screen and (max-width: 640px) {
  main { padding: 16px 12px 48px; }
  figure.chart { padding: 6px 6px 4px; }
}
${cards('screen and (max-width: 640px)', '.table')}
${cards('screen and (min-width: 640.02px) and (max-width: 840px)', '.table.wide')}
/*
 * A chart's views for narrower screens (kpi-blocks.ts), each where the wider
 * one would show its smallest text below 11 px. The learning chart stacked
 * (each row's title above its line) in a figure under 755 px (a window of
 * 820 px or less), narrower in a figure under 498 px (a window under 540 px),
 * each growing to 1.4 times its size at most; a KPI chart 320 wide in a
 * figure under 400 px (a window under 440 px), and again where two share a
 * row in a window under 900 px. Print shows the wide ones.
 * The narrower views are hidden in their own style attribute (html.ts), so
 * !important shows them here.
 */
@media screen and (max-width: 820px) { .view-progress-wide { display: none; } .view-progress-medium { display: block !important; } }
@media screen and (max-width: 539.98px) { .view-progress-medium { display: none !important; } .view-progress-narrow { display: block !important; } }
@media screen and (max-width: 439.98px), screen and (min-width: 760.02px) and (max-width: 899.98px) { .view-kpi-wide { display: none; } .view-kpi-narrow { display: block !important; } }
@page { margin: 14mm 12mm; @bottom-right { content: counter(page) " / " counter(pages); font: 8pt "Liberation Sans", Arial, Helvetica, sans-serif; color: #5f6368; } }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section.part { break-before: page; }
  section.part > h2:first-child { border-top: none; margin-top: 0; padding-top: 0; }
  /* The summary fits page 1 on Letter too (17 mm shorter than A4): less room above its headings, the contents in two columns. */
  h2 { margin-top: 22px; padding-top: 10px; }
  nav.contents ul { columns: 2; column-gap: 24px; }
  nav.contents li { margin: 0; padding: 2px 0; }
  .table { overflow: visible; }
  table { font-size: 9pt; width: 100%; }
  th, td { padding: 3px 6px; }
  .status, .severity { font-size: 9pt; }
  .glance { gap: 6px; }
  .glance-item { padding: 6px 8px; }
  .glance-label, .glance-note { font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
  .glance-value { font-size: 16pt; }
  /* Two KPI charts a row with little around them: drawn 400 wide, they print at 0.85 and their 11 px text at 7 pt. */
  .charts { gap: 8px; }
  figure.chart { padding: 4px 2px 2px; }
  .scroll { overflow: visible; }
  .scroll > svg { min-width: 0; }
  figure.graph svg { width: auto; max-width: 100%; max-height: 225mm; }
}`;


/**
 * The rules that show each row of the tables `scope` selects as a card of
 * labelled values (each cell's label from its `data-label`, html.ts) on the
 * screens `media` selects. The label column is at most 11em wide, so a card
 * on a tablet does not leave half its width to labels.
 */
function cards(media: string, scope: string): string {
    return `@media ${media} {
  ${scope} table, ${scope} tbody, ${scope} tr, ${scope} td, ${scope} th[scope="row"] { display: block; }
  ${scope} table { width: 100%; }
  ${scope} thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  ${scope} tr { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; margin: 0 0 8px; }
  ${scope} td, ${scope} th[scope="row"] { border: none; position: relative; padding: 2px 0 2px min(42%, 12em); text-align: left; overflow-wrap: anywhere; }
  ${scope} td::before, ${scope} th[scope="row"]::before { content: attr(data-label); position: absolute; left: 0; width: min(40%, 11em); color: var(--muted); font-size: 12.5px; font-weight: 600; line-height: 1.7; overflow-wrap: normal; }
  ${scope} tr > :is(td, th):first-child { padding-left: 0; font-weight: 600; }
  ${scope} tr > :is(td, th):first-child::before { content: none; }
}`;
}

/**
 * A rule per window width at which a drawing may scroll (figure-scale.ts,
 * scrollHintWidth): its note shows in windows up to that width. The note is
 * hidden in its own style attribute (html.ts), so !important shows it here.
 */
function scrollHints(): string {
    const rules: string[] = [];
    for (let width = HINT_FROM; width <= HINT_TO; width += HINT_STEP) rules.push(`@media screen and (max-width: ${width}px) { .scroll-hint.w${width} { display: block !important; } }`);
    return rules.join('\n');
}
