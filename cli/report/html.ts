/**
 * The report as ONE self-contained HTML page: styles in a `<style>`, the
 * charts and impact chains as inline SVG, icons as inline SVG shapes (no
 * emoji, no font needed), no script, no external request (a
 * Content-Security-Policy forbids them), every text escaped. It prints on
 * A4 and Letter (report-css.ts).
 */
import { drawGlyph, SEVERITY_GLYPHS, STATUS_GLYPHS, chartCss } from '../../language/render/index.js';
import { STATUS_WORDS, type Block, type ChartFigure, type GlanceItem, type Inline, type Span, type TrackMark } from './blocks.js';
import { scrollHintWidth, screenMinWidth, type DrawingKind } from './figure-scale.js';
import { ICON_COLOURS, REPORT_CSS, VISUALLY_HIDDEN } from './report-css.js';
import { controlsShown, withoutControls } from './control-characters.js';
import { pairedIsolates } from './bidi-isolates.js';

export function toHtml(blocks: readonly Block[], title: string): string {
    const names = tableNames(blocks);
    const body = blocks.map(block => htmlBlock(block, names)).join('\n');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="only light">
<meta name="generator" content="align report">
<title>${escapeHtml(title)}</title>
<style>
${REPORT_CSS}
${chartCss()}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * What names each table for a screen reader (its list of tables, and on
 * entering one): the headings it sits under, the program's and its own
 * (`Program: ... Outcome: ...`), by their ids; headings without an id get one.
 */
interface TableNames {
    headingIds: Map<Block, string>;
    tableLabels: Map<Block, string>;
}

function tableNames(blocks: readonly Block[]): TableNames {
    const names: TableNames = { headingIds: new Map(), tableLabels: new Map() };
    const taken = new Set<string>();
    const collect = (list: readonly Block[]): void => {
        for (const b of list) {
            if (b.type === 'heading' && b.id) taken.add(b.id);
            if (b.type === 'section' || b.type === 'group') collect(b.blocks);
        }
    };
    collect(blocks);
    let count = 0;
    const idOf = (heading: Block & { type: 'heading' }): string => {
        const known = names.headingIds.get(heading) ?? heading.id;
        if (known !== undefined) return known;
        let id = `heading-${++count}`;
        while (taken.has(id)) id = `heading-${++count}`;
        names.headingIds.set(heading, id);
        taken.add(id);
        return id;
    };
    const under: Array<Block & { type: 'heading' }> = [];
    const walk = (list: readonly Block[]): void => {
        for (const b of list) {
            if (b.type === 'heading') {
                while (under.length > 0 && under[under.length - 1]!.level >= b.level) under.pop();
                under.push(b);
            } else if (b.type === 'table') {
                const around = under.filter(h => h.level >= 2);
                if (around.length > 0) names.tableLabels.set(b, around.map(idOf).join(' '));
            } else if (b.type === 'section' || b.type === 'group') walk(b.blocks);
        }
    };
    walk(blocks);
    return names;
}

function htmlBlock(block: Block, names: TableNames): string {
    switch (block.type) {
        case 'heading': {
            const id = block.id ?? names.headingIds.get(block);
            return `<h${block.level}${id ? ` id="${escapeHtml(id)}"` : ''}>${inline(block.text)}</h${block.level}>`;
        }
        case 'paragraph': return `<p${block.muted ? ' class="muted"' : ''}>${inline(block.text)}</p>`;
        case 'legend': return `<p class="muted">${inline([...block.charts, ' ', ...block.text])}</p>`;
        case 'table': return table(block, names.tableLabels.get(block));
        case 'list':
            return `<ul>\n${block.items.map(item => `<li>${inline(item.text)}${item.items && item.items.length > 0
                ? `\n<ul>\n${item.items.map(sub => `<li>${inline(sub)}</li>`).join('\n')}\n</ul>\n` : ''}</li>`).join('\n')}\n</ul>`;
        case 'code': return `<pre><code class="language-${escapeHtml(block.language)}">${escapeHtml(block.text)}</code></pre>`;
        case 'section': return `<section class="part" id="${escapeHtml(block.id)}">\n${block.blocks.map(b => htmlBlock(b, names)).join('\n')}\n</section>`;
        case 'group': return `<div class="keep">\n${block.blocks.map(b => htmlBlock(b, names)).join('\n')}\n</div>`;
        case 'glance': return `<div class="glance">${block.items.map(glanceItem).join('')}</div>`;
        case 'charts': return charts(block);
        case 'drawing': {
            const svg = block.svg().trimEnd();
            const min = screenMinWidth(svg, 'graph');
            const hint = min === undefined ? undefined : scrollHintWidth(min);
            // Shown only in windows where the drawing scrolls (report-css.ts): phones hide scroll bars, and a row cut at the edge looked empty.
            // Hidden in its own style too, so that a mail client that drops the page's style sheet does not show it where nothing scrolls.
            const note = hint === undefined ? '' : `<p class="scroll-hint w${hint}" style="display: none" aria-hidden="true">Scroll sideways to see the whole chain →</p>\n`;
            return `<figure class="graph">\n${note}${scrolling(svg, 'graph')}\n<figcaption>${escapeHtml(block.title)}</figcaption>\n</figure>`;
        }
        case 'contents':
            return `<nav class="contents" aria-labelledby="${escapeHtml(block.id)}">\n<h2 id="${escapeHtml(block.id)}">${escapeHtml(block.title)}</h2>\n<ul>\n`
                + `${block.items.map(item => `<li><a href="#${escapeHtml(item.ref)}">${inline(item.text)}</a></li>`).join('\n')}\n</ul>\n</nav>`;
        case 'notice':
            return `<div class="notice" role="note">\n<p>${icon(SEVERITY_GLYPHS.error, ICON_COLOURS.off)}${inline(block.text)}</p>\n`
                + (block.items.length === 0 ? '' : `<ul>\n${block.items.map(item => `<li>${inline(item)}</li>`).join('\n')}\n</ul>\n`) + '</div>';
    }
}

function table(block: Extract<Block, { type: 'table' }>, labelledBy: string | undefined): string {
    const cls = (align: string) => align === 'left' ? '' : ` class="${align}"`;
    const head = block.columns.map(c => `<th scope="col"${cls(c.align)}>${escapeHtml(c.label)}</th>`).join('');
    // Each cell carries its column's label: a narrow screen shows every row as a card of label and value (report-css.ts).
    const label = (i: number) => ` data-label="${escapeHtml(block.columns[i]?.label ?? '')}"`;
    // The cell that names the row's subject (the KPI, the program, the rule) is its row header: a screen reader says it with each cell of the row.
    const rowHeader = block.rowHeader ?? 0;
    const cell = (text: Inline, i: number) => {
        const tag = i === rowHeader ? 'th' : 'td';
        return `<${tag}${i === rowHeader ? ' scope="row"' : ''}${cls(block.columns[i]?.align ?? 'left')}${label(i)}>${inline(text)}</${tag}>`;
    };
    const rows = block.rows.map(row => `<tr>${row.map(cell).join('')}</tr>`);
    // A wide table (the KPIs') is shown as cards on a tablet too, where it would scroll its last columns out of view (report-css.ts).
    return `<div class="${block.columns.length >= 7 ? 'table wide' : 'table'}"><table${labelledBy ? ` aria-labelledby="${escapeHtml(labelledBy)}"` : ''}>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
}

function glanceItem(item: GlanceItem): string {
    const mark = item.mark ? `${statusIcon(item.mark)}<span class="visually-hidden" style="${VISUALLY_HIDDEN}"> (${STATUS_WORDS[item.mark]})</span>` : '';
    return `<div class="glance-item${item.mark ? ` mark-${item.mark}` : ''}"><div class="glance-label">${escapeHtml(item.label)}</div>`
        + `<div class="glance-value">${mark}${escapeHtml(item.value)}</div>${item.note ? `<div class="glance-note">${inline(item.note)}</div>` : ''}</div>`;
}

/** The charts in a grid; those with nothing to draw named in one note under it. */
function charts(block: Extract<Block, { type: 'charts' }>): string {
    const drawn = block.charts.filter(c => c.svg);
    const empty = block.charts.filter(c => !c.svg);
    const grid = drawn.length === 0 ? '' : `<div class="charts${block.wide ? ' wide' : ''}">\n${drawn.map(chartFigure).join('\n')}\n</div>`;
    const notes = empty.map(c => `<li>${inline(c.caption)}: ${inline(c.note ?? ['nothing to chart.'])}</li>`).join('\n');
    return grid + (notes ? `${grid ? '\n' : ''}<ul class="no-chart">\n${notes}\n</ul>` : '');
}

function chartFigure(chart: ChartFigure): string {
    const views = chart.narrower
        ? [scrolling(chart.svg!(), chart.kind, `view-${chart.kind}-wide`), ...chart.narrower.map(v => scrolling(v.svg(), v.view === 'kpi-narrow' ? 'kpi' : 'stacked', `view-${v.view}`, true))]
        : [scrolling(chart.svg!(), chart.kind)];
    return `<figure class="chart"><figcaption>${inline(chart.caption)}</figcaption>\n${views.join('\n')}\n</figure>`;
}

/**
 * A drawing in a box that scrolls sideways rather than let it shrink below
 * its readable width (figure-scale.ts); `view`: which window widths show it
 * (report-css.ts). A view for narrower windows is hidden in its own `style`
 * as well, so that a mail client that drops the page's style sheet shows
 * the wide view alone rather than every view of the chart.
 */
function scrolling(svg: string, kind: DrawingKind, view?: string, narrower = false): string {
    const min = screenMinWidth(svg, kind);
    const style = [narrower ? 'display: none' : '', min === undefined ? '' : `--min-width: ${min}px`].filter(Boolean).join('; ');
    return `<div class="scroll${view ? ` ${view}` : ''}"${style ? ` style="${style}"` : ''}>${svg}</div>`;
}

function inline(text: Inline): string {
    return text.map(span).join('');
}

/** Dates and periods (`2026-06-30`, `2026-03`, `2026-Q2`, `2026-H2`): never broken at their hyphens. */
const DATE = /\b\d{4}-(?:\d{2}-\d{2}|\d{2}|Q[1-4]|H[12])\b/g;

/**
 * Code (a name, a file's name, a keyword) that may break after a dot
 * (`FieldSafetyPilot.` BREAK `HazardCheckRate`): a qualified name then never
 * widens a printed table past the page, and nothing else in a name is
 * broken (copied text is unchanged). Code reads left to right in an isolate
 * of its own (bidi-isolates.ts): a right-to-left file name or a bidi
 * control in it never reorders the words around it.
 */
function codeHtml(code: string): string {
    return `<code dir="ltr">${escapeHtml(controlsShown(pairedIsolates(code))).replace(/\.(?=[A-Za-z_])/g, `.${BREAK}`)}</code>`;
}

/** The user's text (a title, a description) in a bidi isolate of its own direction (bidi-isolates.ts). */
function userHtml(text: string): string {
    return `<bdi>${datesKept(escapeHtml(pairedIsolates(text)))}</bdi>`;
}

/**
 * A line break opportunity that is not read: Chromium counts a bare `<wbr>` as
 * a space in accessible names (a heading, the table it names, a row header or
 * a figure's caption read "ChurnPilot. RepeatContactRate"); hidden from the
 * accessibility tree, it still lets the line break. A zero-width space would
 * also be copied with the name.
 */
const BREAK = '<span aria-hidden="true"><wbr></span>';

/**
 * Figures with their unit: the space after each number is a no-break space,
 * so a narrow column wraps between figures (before `(raw ...)`), never
 * between `30` and `days` or `12,000` and `EUR`.
 */
function valueHtml(value: string): string {
    return escapeHtml(value).replace(/(\d%?) (?=[^\s\d(])/g, '$1&nbsp;');
}

/** Escaped text whose dates never break at their hyphens (in their own style: a mail client may drop the page's style sheet). */
function datesKept(html: string): string {
    return html.replace(DATE, date => `<span class="date" style="white-space: nowrap">${date}</span>`);
}

function span(s: Span): string {
    if (typeof s === 'string') return datesKept(escapeHtml(s));
    if ('user' in s) return userHtml(s.user);
    if ('commit' in s) return escapeHtml(s.commit);
    if ('code' in s) return codeHtml(s.code);
    if ('strong' in s) return `<strong>${datesKept(escapeHtml(s.strong))}</strong>`;
    if ('value' in s) return valueHtml(s.value);
    if ('link' in s) return `<a href="${escapeHtml(s.link)}">${s.mono ? codeHtml(s.text) : escapeHtml(s.text)}</a>`;
    if ('ref' in s) return `<a href="#${escapeHtml(s.ref)}">${inline(s.text)}</a>`;
    if ('severity' in s) return `<span class="severity sev-${s.severity}">${icon(SEVERITY_GLYPHS[s.severity], SEVERITY_COLOURS[s.severity])}${s.severity}</span>`;
    return `<span class="status status-${s.status}">${statusIcon(s.status)}${escapeHtml(s.words ?? STATUS_WORDS[s.status])}</span>`;
}

const STATUS_ICON: Record<TrackMark, keyof typeof STATUS_GLYPHS> = { on: 'on-track', off: 'off-track', unknown: 'unknown' };

const STATUS_COLOURS: Record<TrackMark, string> = { on: ICON_COLOURS.on, off: ICON_COLOURS.off, unknown: ICON_COLOURS.muted };
const SEVERITY_COLOURS: Record<keyof typeof SEVERITY_GLYPHS, string> = { error: ICON_COLOURS.off, warning: ICON_COLOURS.warning, info: ICON_COLOURS.info };

function statusIcon(mark: TrackMark): string {
    return icon(STATUS_GLYPHS[STATUS_ICON[mark]], STATUS_COLOURS[mark]);
}

/**
 * A 12 x 12 glyph as inline SVG, hidden from screen readers (the words beside
 * it say the same); its `fill` as the page's style sheet paints it, for a
 * mail client that drops the sheet.
 */
function icon(glyph: Parameters<typeof drawGlyph>[0], fill: string): string {
    return `<svg class="icon" width="12" height="12" viewBox="0 0 12 12" fill="${fill}" aria-hidden="true" focusable="false">${drawGlyph(glyph, 0, 0)}</svg>`;
}

/** Text for HTML content and attribute values, without control characters (the charts' SVG drops them too). */
export function escapeHtml(text: string): string {
    return withoutControls(text).replace(/[&<>"']/g, c => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };
