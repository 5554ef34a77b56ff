/**
 * `align diff --format text`: the diff for a terminal, wrapped to its
 * width (80 columns in a file or a pipe): the sides, the summary, then one
 * section per kind of change.
 */
import type { DiffFinding, LinkRef } from '../../language/diff/index.js';
import { escapeUnseen } from '../../language/present/controls.js';
import { wrapWords } from '../../language/text/wrap.js';
import { plainText } from '../report/blocks.js';
import { changeRows, summaryLine, type ChangeRow } from './describe.js';
import { sidesLine, type DiffReport } from './report.js';

/** The width the text is wrapped to when it does not go to a terminal. */
export const TEXT_WIDTH = 80;

/** Keeps a coverage's figures with its share (`9/11 (82%)`) when a line wraps; printed as a space. */
const NO_BREAK = '\u00a0';

/** `text` wrapped after `first` on its first line and `rest` on the others. */
type Wrap = (text: string, first: string, rest?: string) => string[];

const MARKS: Record<string, string> = { added: '+', removed: '-', renamed: '~', changed: '~' };

/** The diff as plain text, every line at most `width` terminal cells (longer words are not cut). */
export function diffText(report: DiffReport, width = TEXT_WIDTH): string {
    const { diff } = report;
    const wrap: Wrap = (text, first, rest = first) => wrapped(text, width, first, rest);
    const out: string[] = [...wrap(`Align diff: ${plainText(sidesLine(report))}`, ''), ...wrap(summaryLine(diff, NO_BREAK), '')];
    // Loops, not `out.push(...lines)`: the lines of 100,000 changes would overflow the stack.
    const section = <T>(heading: string, items: readonly T[], lines: (item: T) => string[]) => {
        if (items.length === 0) return;
        out.push('', heading);
        for (const item of items) for (const line of lines(item)) out.push(line);
    };
    section('Changes', changeRows(diff, NO_BREAK), row => rowLines(row, wrap));
    section('Links added', diff.links.added, l => wrap(linkText(l), '  + ', '    '));
    section('Links removed', diff.links.removed, l => wrap(linkText(l), '  - ', '    '));
    section('New findings', diff.findings.new, f => findingLines(f, '+', wrap));
    section('Fixed findings', diff.findings.fixed, f => findingLines(f, '-', wrap));
    // A title or path may hold control characters: written as `\xHH`, not sent to the terminal.
    return escapeUnseen(out.join('\n'), '\n') + '\n';
}

function rowLines(row: ChangeRow, wrap: Wrap): string[] {
    const mark = MARKS[row.change] ?? '*';
    const subject = row.from && row.element ? `${row.element.kind} ${row.from.id} → ${row.element.id}`
        : row.element ? `${row.element.kind} ${row.element.id}` : row.program ? `program ${row.program}` : 'workspace';
    const head = row.change === 'added' || row.change === 'removed' || row.change === 'renamed' || row.change === 'changed'
        ? subject : `${row.change}: ${subject}`;
    return [...wrap(head, `  ${mark} `, '    '), ...row.details.flatMap(d => wrap(d, '      ', '        '))];
}

function linkText(link: LinkRef): string {
    return `${link.from} ${link.kind} ${link.to}`;
}

function findingLines(f: DiffFinding, mark: string, wrap: Wrap): string[] {
    const head = `${f.severity} ${f.rule}${f.element ? ` in ${f.element}` : ''} (${f.file}:${f.line})`;
    return [...wrap(head, `  ${mark} `, '    '), ...wrap(f.message, '      ', '      ')];
}

/** Words of `text` on lines of at most `width` cells, the first after `first`, the others after `rest`; no-break spaces print as spaces. */
function wrapped(text: string, width: number, first: string, rest: string): string[] {
    return wrapWords(text, width, { first, rest }).map(line => line.replaceAll(NO_BREAK, ' '));
}
