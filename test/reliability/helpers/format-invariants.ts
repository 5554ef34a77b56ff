/**
 * What formatting a text must keep, checked from the outside (not with the
 * formatter's own meaning check, language/format/check-meaning.ts):
 *
 * - the result formats to itself;
 * - the significant tokens are the same, in the order the canonical layout
 *   puts them (a program's attributes, `isolate` lines included, before its
 *   members, each in source order; everything else as written);
 * - the comments are the same (each line without its leading and trailing
 *   white space: re-indenting is layout), in the same order when no program
 *   item moves, the same multiset when one does (comments move with the
 *   items they belong to);
 * - the text is canonical on its face: no trailing white space, one kind of
 *   line break (the input's first), one line break at the end, the byte
 *   order mark kept;
 * - a text with a syntax error is refused (`align fmt` leaves it as it is).
 *
 * `findingsOf` and `meaningOf` add what `align check` makes of the files.
 */
import { isCompositeCstNode, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode } from 'langium';
import { formatAlign, formatterServices, type FormatResult } from '../../../language/format/format-align.js';
import { checkWorkspace } from '../../unit/helpers/check-workspace.js';

/** Member declarations of a program (the rest of its block is attributes). */
const MEMBER = 'members';

/** The significant tokens of a text that parses, in the order the canonical layout prints them. */
export function canonicalTokenOrder(text: string): string[] {
    const root = formatterServices().parser.LangiumParser.parse(text).value;
    const out: string[] = [];
    const leaves = (node: CstNode, into: string[]): void => {
        if (node.hidden) return;
        if (isLeafCstNode(node)) into.push(node.text);
        else if (isCompositeCstNode(node)) {
            // A program's block is in the composite that holds its `{` (Langium wraps it in others).
            if (node.astNode.$type === 'Program' && node.content.some(c => isLeafCstNode(c) && c.text === '{')) program(node, into);
            else node.content.forEach(c => leaves(c, into));
        }
    };
    const program = (node: CompositeCstNode, into: string[]): void => {
        const content = node.content.filter(c => !c.hidden);
        const open = content.findIndex(c => isLeafCstNode(c) && c.text === '{');
        const attributes: string[] = [];
        const members: string[] = [];
        content.slice(0, open + 1).forEach(c => leaves(c, into));
        for (const c of content.slice(open + 1, -1)) leaves(c, isMember(c, node.astNode) ? members : attributes);
        into.push(...attributes, ...members);
        leaves(content[content.length - 1]!, into);
    };
    if (root.$cstNode) leaves(root.$cstNode, out);
    return out;
}

const isMember = (node: CstNode, program: AstNode): boolean =>
    isCompositeCstNode(node) && node.astNode !== program && node.astNode.$container === program && node.astNode.$containerProperty === MEMBER;

/** A comment as the formatter must keep it: each line trimmed. */
const commentKey = (image: string): string => image.split(/\r\n|\r|\n/).map(l => l.trim()).join('\n');

const lexed = (text: string) => formatterServices().parser.Lexer.tokenize(text.replace(/^\ufeff/, ''));

export interface Formatted {
    /** The formatted text; undefined when refused. */
    readonly text?: string;
    /** The refusal. */
    readonly error?: string;
    /** Some program item moves (attributes first). */
    readonly reordered: boolean;
}

/**
 * Formats a text that parses and checks the invariants above; throws an
 * Error naming the broken one. A refusal is accepted only when `refusal`
 * (the documented ones) matches it. `format` is the formatter under test
 * (another one only to test these checks).
 */
export function formatChecked(text: string, refusal?: RegExp, format: (text: string) => FormatResult = formatAlign): Formatted {
    const once = format(text);
    const expected = canonicalTokenOrder(text.replace(/^\ufeff/, ''));
    const source = lexed(text).tokens.map(t => t.image);
    const reordered = expected.some((t, i) => t !== source[i]);
    if ('error' in once) {
        if (refusal?.test(once.error)) return { error: once.error, reordered };
        throw new Error(`refused a text that parses: ${once.error}`);
    }
    const out = once.text;
    const twice = format(out);
    if ('error' in twice) throw new Error(`refused its own result: ${twice.error}\nresult:\n${JSON.stringify(out)}`);
    if (twice.text !== out) throw new Error(`not idempotent:\nonce:  ${JSON.stringify(out)}\ntwice: ${JSON.stringify(twice.text)}`);
    if (once.changed !== (out !== text)) throw new Error(`changed is ${once.changed} for a text that ${out === text ? 'stayed' : 'changed'}`);
    const after = lexed(out);
    const tokens = after.tokens.map(t => t.image);
    const at = firstDifference(tokens, expected);
    if (at >= 0) throw new Error(`token ${at + 1} is ${JSON.stringify(tokens[at])}, expected ${JSON.stringify(expected[at])}\nresult:\n${JSON.stringify(out)}`);
    const before = lexed(text).hidden.map(c => commentKey(c.image));
    const kept = after.hidden.map(c => commentKey(c.image));
    const [b, k] = reordered ? [[...before].sort(), [...kept].sort()] : [before, kept];
    const c = firstDifference(k, b);
    if (c >= 0) throw new Error(`comment ${c + 1}${reordered ? ' (sorted: a program item moved)' : ''} is ${JSON.stringify(k[c])}, expected ${JSON.stringify(b[c])}\nresult:\n${JSON.stringify(out)}`);
    const face = canonicalFaceProblem(text, out);
    if (face) throw new Error(`${face}\nresult:\n${JSON.stringify(out)}`);
    return { text: out, reordered };
}

function firstDifference(a: readonly string[], b: readonly string[]): number {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
    return -1;
}

/** What is not canonical on the face of a result: trailing white space, mixed or other line breaks, the end, the BOM. */
function canonicalFaceProblem(input: string, out: string): string | undefined {
    const bom = input.startsWith('\ufeff');
    if (out.startsWith('\ufeff') !== bom) return bom ? 'the byte order mark was dropped' : 'a byte order mark was added';
    const body = bom ? out.slice(1) : out;
    if (body === '') return undefined;
    const eol = /\r\n?|\n/.exec(input.slice(bom ? 1 : 0))?.[0] ?? '\n';
    const breaks = body.match(/\r\n?|\n/g) ?? [];
    const other = breaks.find(b => b !== eol);
    if (other !== undefined) return `a line break ${JSON.stringify(other)} in a file whose first line break is ${JSON.stringify(eol)}`;
    if (!body.endsWith(eol) || body.endsWith(eol + eol)) return 'the text does not end with exactly one line break';
    if (body.startsWith(eol)) return 'the text starts with a blank line';
    const lines = body.split(eol);
    const trailing = lines.findIndex(l => /[ \t]$/.test(l));
    if (trailing >= 0) return `line ${trailing + 1} has trailing white space`;
    // Blank lines inside a block comment are its text.
    const inComment = new Set<number>();
    for (const c of lexed(body).hidden) {
        const first = c.startLine! - 1;
        const count = c.endLine! - c.startLine!;
        for (let l = first + 1; l <= first + count; l++) inComment.add(l);
    }
    const blanks = lines.slice(0, -1).findIndex((l, i) => l === '' && lines[i + 1] === '' && !inComment.has(i) && !inComment.has(i + 1));
    if (blanks >= 0) return `two blank lines at line ${blanks + 1}`;
    return undefined;
}

/**
 * What `align check` makes of a workspace, without positions: each finding
 * as its file, rule, severity, message, identity (model path and key) and
 * the significant tokens its range covers; and the impact graph without
 * ranges (titles, docs, edges, figures). Sorted, so that only positions may
 * move.
 */
export async function meaningOf(files: Readonly<Record<string, string>>): Promise<{ findings: string[]; graph: string }> {
    const checked = await checkWorkspace(files);
    const read = new Map<string, { starts: number[]; tokens: ReturnType<typeof lexed>['tokens'] }>();
    const findings = checked.findings.map(f => {
        const text = files[f.file] ?? '';
        if (!read.has(f.file)) read.set(f.file, { starts: lineStarts(text), tokens: lexed(text).tokens });
        const { starts, tokens } = read.get(f.file)!;
        const from = (starts[f.line - 1] ?? text.length) + f.column - 1;
        const to = (starts[f.endLine - 1] ?? text.length) + f.endColumn - 1;
        const covered = tokens.filter(t => {
            const start = t.startOffset + (text.startsWith('\ufeff') ? 1 : 0);
            const end = start + t.image.length;
            return from === to ? start <= from && from < end : start < to && end > from;
        }).map(t => t.image);
        // A message may name a place (`also at f0.align:3`): positions may move.
        const message = f.message.replace(/\.align:\d+(:\d+)?/g, '.align:#');
        return JSON.stringify([f.file, f.rule, f.severity, message, f.identity ?? null, covered]);
    }).sort();
    const graph = JSON.stringify(checked.graph.graph, (key, value: unknown) => (key === 'range' || key === 'nameRange' ? undefined : value));
    return { findings, graph };
}

/** Offsets where each line starts (`\r\n`, `\r` and `\n` end a line, as LSP positions count). */
function lineStarts(text: string): number[] {
    const starts = [0];
    for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
    return starts;
}
