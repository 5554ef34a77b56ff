/**
 * The report as GitHub-flavoured Markdown: the same blocks as the HTML page;
 * charts become a trend line per metric, the impact chain a Mermaid graph.
 * States are words (no emoji).
 */
import { STATUS_WORDS, type Block, type GlanceItem, type Inline, type Span } from './blocks.js';
import { codeSpan } from '../../language/present/index.js';
import { withoutControls } from './control-characters.js';
import { escapeUnseen } from '../../language/present/controls.js';

export function toMarkdown(blocks: readonly Block[]): string {
    return blocks.flatMap(markdownBlocks).join('\n\n') + '\n';
}

function markdownBlocks(block: Block): string[] {
    switch (block.type) {
        case 'heading': return [`${'#'.repeat(block.level)} ${inline(block.text)}`];
        case 'paragraph': return [inline(block.text)];
        // Markdown has trend lines, not charts: only the statuses' part of the legend.
        case 'legend': return [inline(block.text)];
        case 'table': {
            const head = `| ${block.columns.map(c => escapeMarkdown(c.label)).join(' | ')} |`;
            const rule = `|${block.columns.map(c => c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---').join('|')}|`;
            const rows = block.rows.map(row => `| ${row.map(cell => inline(cell, true) || ' ').join(' | ')} |`);
            return [[head, rule, ...rows].join('\n')];
        }
        case 'list':
            return [block.items.map(item => [`- ${inline(item.text)}`, ...(item.items ?? []).map(sub => `  - ${inline(sub)}`)].join('\n')).join('\n')];
        case 'code': {
            const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map(run => run.length));
            const fence = '`'.repeat(longest + 1);
            return [`${fence}${block.language}\n${withoutControls(block.text).trimEnd()}\n${fence}`];
        }
        case 'section': case 'group': return block.blocks.flatMap(markdownBlocks);
        case 'glance': return [block.items.map(glanceText).join(' · ')];
        case 'charts': return [block.charts.flatMap(c => c.lines).map(line => `- ${inline(line)}`).join('\n')];
        case 'drawing': return block.mermaid().flatMap(markdownBlocks);
        case 'contents': return [];
        case 'notice': return [[`> ${inline(block.text)}`, ...(block.items.length === 0 ? [] : ['>', ...block.items.map(item => `> - ${inline(item)}`)])].join('\n')];
    }
}

function glanceText(item: GlanceItem): string {
    return `**${escapeMarkdown(item.label)}:** ${escapeMarkdown(item.value)}${item.note ? ` (${inline(item.note)})` : ''}`;
}

function inline(text: Inline, inTable = false): string {
    return text.map(span => spanText(span, inTable)).join('');
}

function spanText(span: Span, inTable: boolean): string {
    if (typeof span === 'string') return escapeMarkdown(span);
    if ('code' in span) return codeSpanText(span.code, inTable);
    if ('strong' in span) return `**${escapeMarkdown(span.strong)}**`;
    if ('value' in span) return escapeMarkdown(span.value);
    if ('link' in span) return `[${span.mono ? codeSpanText(span.text, inTable) : escapeMarkdown(span.text)}](${span.link.replace(/[()\s]/g, encodeURIComponent)})`;
    if ('severity' in span) return span.severity;
    if ('ref' in span) return inline(span.text, inTable);
    if ('user' in span) return escapeMarkdown(span.user);
    if ('commit' in span) return COMMIT.test(span.commit) ? span.commit : escapeMarkdown(span.commit);
    const words = escapeMarkdown(span.words ?? STATUS_WORDS[span.status]);
    return span.status === 'off' ? `**${words}**` : words;
}

/**
 * Plain text for Markdown: characters that would start emphasis, links,
 * code, HTML or entities are backslash-escaped; line breaks become spaces,
 * other control characters are dropped. `|` is escaped everywhere (it ends a
 * table cell).
 *
 * GitHub also reads text that Markdown leaves alone, escaped or not, in a
 * comment of `align diff --format md` or a report posted to a pull request
 * ("Autolinked references and URLs"): `@name` notifies that user or team;
 * `#123`, `owner/repo#123` and `GH-123` link an issue; a commit's SHA (7 to
 * 40 hex digits), also as `owner@SHA` or `owner/repo@SHA`, links the commit.
 * A word joiner (U+2060, invisible) breaks each: after `@` (not in an e-mail
 * address), after `#` and after `GH-` before a letter or digit, and after
 * every 6th digit of a word of 7 or more hex digits (so that no part of it
 * is long enough to name a commit). And `$x$` or `$$x$$` renders as math:
 * every `$` is written `<span>$</span>`, the escape that GitHub's "Writing
 * mathematical expressions" gives for a dollar sign outside math (users
 * report that a backslash does not stop math there). This is for text that
 * can hold the user's words; a commit Align names is a `commit` span.
 */
export function escapeMarkdown(text: string): string {
    return withoutControls(text).replace(/\s*[\r\n]+\s*/g, ' ')
        .replace(HEX_WORD, word => word.replace(/[0-9A-Fa-f]{6}(?=[0-9A-Fa-f])/g, '$&\u2060'))
        .replace(/[\\`*_[\]<>|~&#!]/g, c => `\\${c}`)
        .replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, '@\u2060')
        .replace(/#(?=[A-Za-z0-9_])/g, '#\u2060')
        .replace(/(?<![A-Za-z0-9_])(GH-)(?=[0-9])/gi, '$1\u2060')
        .replace(/\$/g, () => '<span>$</span>');
}

/** A word of 7 or more hex digits, which GitHub may read as a commit's SHA (a non-ASCII letter around it counts as a word's end: broken too). */
const HEX_WORD = /(?<![A-Za-z0-9_])[0-9A-Fa-f]{7,}(?![A-Za-z0-9_])/g;

/** A commit Align names (`align diff`'s sides): left as it is, for GitHub to link. */
const COMMIT = /^[0-9a-f]{7,40}$/;

/**
 * A code span (`codeSpan`: its fence longer than any run of backticks
 * inside); `|` escaped in tables, control characters as `\xHH`, and the
 * separators and bidirectional controls as `\uHHHH` (`escapeUnseen`): GitHub
 * would show the rest of a line after a U+202E in a file's name backwards.
 * (The HTML page keeps them in an isolate of their own.)
 */
function codeSpanText(code: string, inTable: boolean): string {
    const quoted = codeSpan(escapeUnseen(code.replace(/\s*[\r\n]+\s*/g, ' '), '\t'));
    return inTable ? quoted.replace(/\|/g, '\\|') : quoted;
}
