/**
 * `--format pretty`: findings for people, grouped by file, one aligned row
 * per finding (`line:col  severity  message  rule-id`) fitted to the
 * terminal's width, then the rules' documentation pages and a summary line.
 */
import { plural } from '../../language/present/index.js';
import { ruleDocUrl, type Finding, type FindingSeverity } from '../../language/rules.js';
import type { FormatContext, Formatter } from './types.js';
import { sortFindings } from './sort.js';
import { wrapWords } from '../../language/text/wrap.js';
import { cellWidth, padCells } from '../../language/text/cell-width.js';
import { escapeUnseen } from '../../language/present/controls.js';
import { withQuotedNamesShown } from './quoted-names.js';
import { MAX_SYNTAX_ERRORS, tooManySyntaxErrors } from '../../language/syntax-error-cap.js';

/** ANSI SGR codes; wrapped around text only when colour is on. */
const STYLE = {
    red: 31, yellow: 33, cyan: 36, green: 32, bold: 1, dim: 2, underline: 4,
} as const;
type Style = keyof typeof STYLE;

const SEVERITY_STYLE: Record<FindingSeverity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

function paint(ctx: FormatContext, text: string, ...styles: Style[]): string {
    if (!ctx.color || styles.length === 0) return text;
    return `\x1b[${styles.map(s => STYLE[s]).join(';')}m${text}\x1b[0m`;
}

/**
 * A message on one row: line breaks and tabs in its words and code spans
 * would break the alignment, so each run of white space holding some is one
 * space; other controls as `\xHH`. A double-quoted name (a file's, a title,
 * a CSV cell) shows its tabs and line breaks as `\x09` and `\x0a` too
 * (quoted-names.ts): made a space, it would name another file.
 */
function oneLine(message: string): string {
    return withQuotedNamesShown(message, text => escapeUnseen(text.replace(/\s*[\t\n\v\f\r]+\s*/g, ' ')));
}

/**
 * The rows of one file, the lines of each finding. When every row fits
 * `ctx.width`, each cell is padded to its column's widest so that the rule
 * ids align; otherwise each message wraps under itself and the rule id
 * follows its last words.
 */
function rows(findings: readonly Finding[], ctx: FormatContext): string[][] {
    const cells = findings.map(f => ({ f, pos: `${f.line}:${f.column}`, message: oneLine(f.message) }));
    const posWidth = widest(cells.map(c => c.pos));
    const sevWidth = widest(cells.map(c => c.f.severity));
    const msgWidth = widest(cells.map(c => c.message));
    const ruleWidth = widest(cells.map(c => c.f.rule));
    const indent = 2 + posWidth + 2 + sevWidth + 2;
    const table = indent + msgWidth + 2 + ruleWidth <= ctx.width;
    return cells.map(({ f, pos, message }) => {
        const head = '  ' + paint(ctx, pos.padEnd(posWidth), 'dim') + '  ' + paint(ctx, f.severity.padEnd(sevWidth), SEVERITY_STYLE[f.severity]) + '  ';
        const rule = paint(ctx, link(ctx, f.rule, ruleDocUrl(f.rule)), 'dim');
        if (table) return [`${head}${padCells(message, msgWidth)}  ${rule}`];
        const lines = wrapWords(message, Math.max(20, ctx.width - indent));
        const last = lines[lines.length - 1]!;
        const ruleOnLast = indent + cellWidth(last) + 2 + f.rule.length <= ctx.width;
        const text = [...lines.slice(0, -1), ruleOnLast ? `${last}  ${rule}` : last, ...(ruleOnLast ? [] : [rule])];
        return text.map((line, i) => (i === 0 ? head : ' '.repeat(indent)) + line);
    });
}

/**
 * The width of the longest text in terminal cells (a CJK title in a message
 * takes two a character). A loop, not `Math.max(...lengths)`: the
 * arguments of a call go on the stack, which 60,000 findings overflow.
 */
function widest(texts: readonly string[]): number {
    let width = 0;
    for (const text of texts) width = Math.max(width, cellWidth(text));
    return width;
}

/** A terminal hyperlink (OSC 8) where colour is on; plain text elsewhere. */
function link(ctx: FormatContext, text: string, url: string): string {
    return ctx.color ? `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\` : text;
}

/**
 * The rules' documentation pages, in one layout at every width: the page
 * address once (`.../docs/rules/<id>.md`), then the ids of the rules that
 * have findings shown, sorted, wrapped under it (each a link to its page where
 * colour is on). The address goes on a line of its own only in a
 * terminal too narrow for it: a URL cannot be broken.
 */
function ruleDocs(rules: readonly string[], ctx: FormatContext): string[] {
    const ids = [...rules].sort();
    if (ids.length === 0) return [];
    const head = paint(ctx, 'Rule docs:', 'bold');
    const pages = paint(ctx, PAGES, 'dim');
    const heading = cellWidth(`Rule docs: ${PAGES}`) <= ctx.width ? [`${head} ${pages}`] : [head, `  ${pages}`];
    const linked = ids.map((id, i) => paint(ctx, link(ctx, id, ruleDocUrl(id)), 'dim') + (i < ids.length - 1 ? ',' : ''));
    return [...heading, ...wrapWords(linked.join(' '), ctx.width, { first: '  ' }), ''];
}

/** The address of the rules' pages, `<id>` for the rule id. */
const PAGES = ruleDocUrl('ID').replace(/ID\.md$/, '<id>.md');

/**
 * The closing line, e.g. `✖ 3 problems (1 error, 2 warnings, 0 infos) in 2 of 5 files`
 * (`ℹ` when all are infos), wrapped to the width as a message is.
 */
export function summary(findings: readonly Finding[], ctx: FormatContext): string {
    if (findings.length === 0 && ctx.baselined) return paint(ctx, `✔ No new problems in ${plural(ctx.filesChecked, 'file')} (${ctx.baselined.toLocaleString('en-US')} in the baseline)`, 'green', 'bold');
    if (findings.length === 0) return paint(ctx, `✔ No problems in ${plural(ctx.filesChecked, 'file')}`, 'green', 'bold');
    const withFindings = new Set(findings.map(f => f.file)).size;
    // A finding may be on a file that is not checked (align.config.json): never "3 of 2 files".
    const files = withFindings >= ctx.filesChecked ? plural(withFindings, 'file') : `${withFindings} of ${plural(ctx.filesChecked, 'file')}`;
    const count = (s: FindingSeverity) => findings.filter(f => f.severity === s).length;
    const errors = count('error');
    const warnings = count('warning');
    // Infos alone are advice, not failures: no error mark.
    const mark = errors > 0 || warnings > 0 ? '✖' : 'ℹ';
    const text = `${mark} ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, `
        + `${plural(warnings, 'warning')}, ${plural(count('info'), 'info')}) in ${files}`;
    const style = errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'cyan';
    return wrapWords(text, ctx.width, { rest: '  ' }).map(line => paint(ctx, line, style, 'bold')).join('\n');
}

/**
 * What a file with many syntax errors shows: its first 20, as a compiler
 * stops after its first few (clang's 20). One error often causes the next,
 * and a file that is not Align source (a Markdown file renamed) has one on
 * most lines, and rule findings on what the parser made of the rest. Under
 * that number every finding is shown. The summary and every other format
 * count all.
 */
export const SYNTAX_ERRORS_SHOWN = 20;

/** The message of the syntax error that ends a parse stopped at the cap. */
const STOPPED_READING = tooManySyntaxErrors(MAX_SYNTAX_ERRORS);

/**
 * The file's findings when it has more than {@link SYNTAX_ERRORS_SHOWN}
 * syntax errors: the first of them, then the one that says the parse stopped
 * reading the file (syntax-error-cap.ts) when it is past them, so that the
 * user learns that the rest of the file was not checked; the numbers of the
 * syntax errors and other findings not shown.
 */
function fewerSyntaxErrors(group: readonly Finding[]): { shown: readonly Finding[]; stopped?: Finding; syntax: number; others: number } {
    const isSyntax = (f: Finding): boolean => f.rule === 'syntax' && f.severity === 'error';
    const syntaxErrors = group.filter(isSyntax);
    if (syntaxErrors.length <= SYNTAX_ERRORS_SHOWN) return { shown: group, syntax: 0, others: 0 };
    const stopped = syntaxErrors.slice(SYNTAX_ERRORS_SHOWN).find(f => f.message === STOPPED_READING);
    const hidden = syntaxErrors.length - SYNTAX_ERRORS_SHOWN - (stopped ? 1 : 0);
    return { shown: syntaxErrors.slice(0, SYNTAX_ERRORS_SHOWN), stopped, syntax: hidden, others: group.length - syntaxErrors.length };
}

/** Formats findings for a terminal. */
export const formatPretty: Formatter = (findings, ctx) => {
    const lines: string[] = [];
    const sorted = sortFindings(findings);
    const byFile = new Map<string, Finding[]>();
    for (const f of sorted) {
        const group = byFile.get(f.file) ?? [];
        group.push(f);
        byFile.set(f.file, group);
    }
    const documented = new Set<string>();
    // No `lines.push(...rows)`: a spread of one file's rows can overflow the stack.
    for (const [file, group] of byFile) {
        lines.push(paint(ctx, escapeUnseen(file), 'bold', 'underline'));
        const { shown, stopped, syntax, others } = fewerSyntaxErrors(group);
        // The row of the error where the parse stopped comes after the line on those not shown, aligned with the rows above it.
        const shownRows = rows(stopped ? [...shown, stopped] : shown, ctx);
        const stoppedRow = stopped ? shownRows.pop()! : [];
        for (const row of shownRows) for (const line of row) lines.push(line);
        for (const f of shown) documented.add(f.rule);
        if (syntax > 0 || others > 0) {
            const hidden = [syntax > 0 ? plural(syntax, 'more syntax error') : '', others > 0 ? plural(others, 'other finding') : ''].filter(Boolean).join(' and ');
            const text = `… ${hidden} in this file, not shown: fix the first syntax errors, which often cause the rest. `
                + 'Is it Align source? `--format json` lists every finding.';
            for (const line of wrapWords(text, ctx.width, { first: '  ' })) lines.push(paint(ctx, line, 'dim'));
        }
        for (const line of stoppedRow) lines.push(line);
        lines.push('');
    }
    for (const line of ruleDocs([...documented], ctx)) lines.push(line);
    lines.push(summary(sorted, ctx));
    return lines.join('\n') + '\n';
};
