/**
 * `align diff --format md`: one pull-request comment. A hidden marker (so
 * that CI updates the same comment on each push), a one-line summary, a
 * table of the changes, a Mermaid picture of the changed neighbourhood, and
 * the links and findings in a collapsed `<details>` block. Kept under
 * GitHub's 65,536 characters by shortening the lists, with a note saying so.
 */
import type { DiffFinding, LinkRef, NodeRef } from '../../language/diff/index.js';
import { formatNumber, plural } from '../../language/present/index.js';
import { escapeUnseen } from '../../language/present/controls.js';
import { withCode, type Block, type Inline } from '../report/blocks.js';
import { escapeMarkdown, toMarkdown } from '../report/markdown.js';
import { MERMAID_LIMITS } from '../graph/mermaid.js';
import { changeRows, summaryLine, type ChangeRow } from './describe.js';
import { diffMermaid } from './mermaid-diff.js';
import { changeNotes, sidesLine, type DiffReport } from './report.js';

/** The hidden first line that CI looks for to update the comment. */
export const DIFF_MARKER = '<!-- align-diff -->';
/** The longest comment GitHub accepts. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** How many rows and list items to try, longest first. */
const LIMITS = [Infinity, 400, 200, 100, 50, 25, 10, 5];
/** Room kept for the picture's fence and notes. */
const PICTURE_MARGIN = 1_000;
/** A picture smaller than this would show too little: it is left out. */
const SMALLEST_PICTURE = 2_000;

/**
 * The comment: the table and details with as many rows as fit, then the
 * picture in the room that is left (at most Mermaid's 50,000 characters).
 */
export function diffMarkdown(report: DiffReport): string {
    for (const limit of LIMITS) {
        const withoutPicture = render(report, limit, 0);
        const room = GITHUB_COMMENT_LIMIT - withoutPicture.length - PICTURE_MARGIN;
        if (room < SMALLEST_PICTURE && limit !== LIMITS.at(-1)) continue;
        const text = render(report, limit, room);
        if (text.length <= GITHUB_COMMENT_LIMIT) return text;
    }
    return render(report, LIMITS.at(-1)!, 0);
}

/** The comment with at most `limit` rows per list, and a picture of at most `pictureRoom` characters (none when too small). */
function render(report: DiffReport, limit: number, pictureRoom: number): string {
    const { diff } = report;
    const out = [DIFF_MARKER, '### Align: impact-chain changes', '', `**${escapeMarkdown(summaryLine(diff))}**`, '', sidesMarkdown(report)];
    if (diff.empty) return out.join('\n') + '\n';
    const rows = changeRows(diff);
    if (rows.length > 0) out.push('', toMarkdown([table(rows.slice(0, limit))]).trimEnd(), ...more(rows.length, limit, 'changes'));
    if (pictureRoom >= SMALLEST_PICTURE) out.push('', ...mermaidSection(report, pictureRoom));
    else if (pictureRoom > 0 || limit === LIMITS.at(-1)) out.push('', '_The change is too large for a picture in one comment: run `align diff` locally, or `align graph --focus NAME`._');
    const details = detailBlocks(report, limit);
    if (details.length > 0) out.push('', `<details><summary>${detailsSummary(report)}</summary>`, '', toMarkdown(details).trimEnd(), '', '</details>');
    return out.join('\n') + '\n';
}

function sidesMarkdown(report: DiffReport): string {
    return toMarkdown([{ type: 'paragraph', text: sidesLine(report) }]).trimEnd();
}

function table(rows: readonly ChangeRow[]): Block {
    return {
        type: 'table',
        columns: [{ label: 'Change', align: 'left' }, { label: 'Element', align: 'left' }, { label: 'Details', align: 'left' }],
        rows: rows.map(row => [[row.change], elementCell(row), [row.details.join('; ')]])
    };
}

function elementCell(row: ChangeRow): Inline {
    if (row.from && row.element) return [`${row.element.kind} `, { code: row.from.id }, ' → ', { code: row.element.id }, ...title(row.element)];
    if (row.element) return [`${row.element.kind} `, { code: row.element.id }, ...title(row.element)];
    if (row.program) return ['program ', { code: row.program }];
    return ['workspace'];
}

function title(node: NodeRef): Inline {
    return node.title ? [` "${node.title}"`] : [];
}

function mermaidSection(report: DiffReport, room: number): string[] {
    const picture = diffMermaid(report.change, changeNotes(report.diff), room);
    const lines = ['```mermaid', picture.text.trimEnd(), '```', '',
        '_Green: added · red, dashed: removed · blue: renamed · amber: changed · grey: unchanged neighbours._'];
    if (picture.shownChanged < picture.totalChanged) {
        lines.push('', `_The picture shows ${formatNumber(picture.shownChanged)} of ${formatNumber(picture.totalChanged)} changed elements, to stay within Mermaid's limits (${formatNumber(MERMAID_LIMITS.edges)} links, ${formatNumber(MERMAID_LIMITS.characters)} characters) and one comment._`);
    } else if (picture.contextDropped) {
        lines.push('', '_Unchanged neighbours are left out of the picture, to stay within Mermaid\'s limits and one comment._');
    }
    return lines;
}

function detailsSummary(report: DiffReport): string {
    const { links, findings } = report.diff;
    return `Details: ${plural(links.added.length, 'link')} added, ${links.removed.length} removed; ${plural(findings.new.length, 'new finding')}, ${findings.fixed.length} fixed`;
}

function detailBlocks(report: DiffReport, limit: number): Block[] {
    const { links, findings } = report.diff;
    const blocks: Block[] = [];
    const section = <T>(heading: string, items: readonly T[], text: (item: T) => Inline) => {
        if (items.length === 0) return;
        blocks.push({ type: 'paragraph', text: [{ strong: heading }] }, { type: 'list', items: items.slice(0, limit).map(i => ({ text: text(i) })) });
        if (items.length > limit) blocks.push({ type: 'paragraph', text: [`${formatNumber(items.length - limit)} more not shown: run `, { code: 'align diff --format text' }, ' for all.'] });
    };
    section('Links added', links.added, linkText);
    section('Links removed', links.removed, linkText);
    section('New findings', findings.new, findingText);
    section('Fixed findings', findings.fixed, findingText);
    return blocks;
}

function linkText(link: LinkRef): Inline {
    return [{ code: link.from }, ` ${link.kind} `, { code: link.to }];
}

/** A finding: its file's name as `escapeUnseen` shows it, as its code spans (report/markdown.ts) show theirs. */
function findingText(f: DiffFinding): Inline {
    return [{ strong: f.severity }, ' ', { code: f.rule }, ...(f.element ? [' in ', { code: f.element }] : []), ` (${escapeUnseen(f.file)}:${f.line}): `, ...withCode(f.message)];
}

function more(total: number, limit: number, what: string): string[] {
    return total > limit ? ['', `_${formatNumber(total - limit)} more ${what} not shown, to fit in one comment: run \`align diff --format text\` for all._`] : [];
}
