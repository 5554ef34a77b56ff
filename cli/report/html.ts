/**
 * The report as ONE self-contained HTML page: styles in a `<style>`, the
 * impact chains as inline SVG, no script, no external request (a
 * Content-Security-Policy forbids them), every text escaped.
 */
import { STATUS_MARKS, STATUS_WORDS, type Block, type Inline, type Span } from './blocks.js';

export function toHtml(blocks: readonly Block[], title: string): string {
    const body = blocks.map(htmlBlock).join('\n');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="align report">
<title>${escapeHtml(title)}</title>
<style>
${REPORT_CSS}
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

function htmlBlock(block: Block): string {
    switch (block.type) {
        case 'heading': return `<h${block.level}${block.id ? ` id="${escapeHtml(block.id)}"` : ''}>${inline(block.text)}</h${block.level}>`;
        case 'paragraph': return `<p>${inline(block.text)}</p>`;
        case 'table': {
            const cls = (align: string) => align === 'left' ? '' : ` class="${align}"`;
            const head = block.columns.map(c => `<th scope="col"${cls(c.align)}>${escapeHtml(c.label)}</th>`).join('');
            const rows = block.rows.map(row => `<tr>${row.map((cell, i) => `<td${cls(block.columns[i]?.align ?? 'left')}>${inline(cell)}</td>`).join('')}</tr>`);
            return `<div class="table"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
        }
        case 'list':
            return `<ul>\n${block.items.map(item => `<li>${inline(item.text)}${item.items && item.items.length > 0
                ? `\n<ul>\n${item.items.map(sub => `<li>${inline(sub)}</li>`).join('\n')}\n</ul>\n` : ''}</li>`).join('\n')}\n</ul>`;
        case 'drawing':
            return `<figure class="graph">\n${block.svg().trimEnd()}\n<figcaption>${escapeHtml(block.title)}</figcaption>\n</figure>`;
    }
}

function inline(text: Inline): string {
    return text.map(span).join('');
}

function span(s: Span): string {
    if (typeof s === 'string') return escapeHtml(s);
    if ('code' in s) return `<code>${escapeHtml(s.code)}</code>`;
    if ('strong' in s) return `<strong>${escapeHtml(s.strong)}</strong>`;
    const mark = STATUS_MARKS[s.status] ? `<span aria-hidden="true">${STATUS_MARKS[s.status]}</span> ` : '';
    return `<span class="status status-${s.status}" title="${STATUS_WORDS[s.status]}">${mark}${STATUS_WORDS[s.status]}</span>`;
}

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };


const REPORT_CSS = `:root { color-scheme: light; --fg: #1f1f1f; --muted: #616161; --line: #d0d7de; --head: #f6f8fa; --accent: #12343b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Helvetica Neue", sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 28px; margin: 0 0 8px; color: var(--accent); }
h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 16px; border-top: 2px solid var(--line); color: var(--accent); }
h3 { font-size: 16px; margin: 24px 0 6px; }
p { margin: 6px 0; }
code { font: 13px Menlo, Consolas, "DejaVu Sans Mono", monospace; background: var(--head); padding: 1px 4px; border-radius: 4px; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.right, th.right { text-align: right; font-variant-numeric: tabular-nums; }
td.center, th.center { text-align: center; }
ul { margin: 6px 0; padding-left: 22px; }
li { margin: 2px 0; }
figure.graph { margin: 12px 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
figure.graph svg { display: block; }
.status { white-space: nowrap; font-size: 13px; }
.status-on { color: #188038; }
.status-off { color: #b06000; font-weight: 600; }
.status-unknown { color: var(--muted); }
figcaption { color: var(--muted); font-size: 13px; padding: 6px 10px; border-top: 1px solid var(--line); }
@media print { main { max-width: none; padding: 0; } h2 { break-before: page; } figure.graph, table { break-inside: avoid; } figure.graph svg { max-width: 100%; height: auto; } }`;
