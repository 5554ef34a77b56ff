import type { IToken } from 'chevrotain';
import type { AstNode, CstNode, LangiumParser, Lexer, ParseResult } from 'langium';
import { AstUtils, CompositeCstNodeImpl, LeafCstNodeImpl, RootCstNodeImpl } from 'langium';
import type { Model } from './generated/ast.js';

/**
 * Parsing an edited document again in part. The document is a sequence of
 * top-level declarations (`Model: elements+=TopLevelElement*`), each
 * starting with its keyword, so a change inside some of them leaves the
 * others' tokens and trees as they were. The top-level declarations (and
 * comments between them) around the change are parsed again from the new
 * text, with at least `MARGIN` unchanged characters on each side; those
 * before keep their trees, and those after keep theirs with offsets, lines
 * and columns moved by the edit. The result is the tree a parse of the
 * whole new text gives, errors included (`test/unit/incremental-parse.test.ts`
 * compares both on chosen edits, `test/reliability/fuzz-incremental-parse.test.ts`
 * on random ones).
 *
 * Syntax errors: error recovery can read past the part, so when the part
 * has a parser error it is parsed again up to the end of the text (the
 * declarations before it keep their trees, and the errors' tokens are moved
 * like the leaves); when the text before had errors, the part runs to the
 * end of the text, which starts at a declaration's keyword, and every old
 * error must lie after that keyword.
 *
 * Returns undefined, and the caller parses the whole text, when the new
 * text has a lexer error (its message names an offset), an old error lies
 * at or before the part's start, the part's last token is not the token
 * that ended the same part before (the lexer did not fall back in step with
 * the old text), or the part would be the whole text.
 * The old tree is changed only once the part is parsed and checked: it is
 * then the new tree's (the old parse result must not be read again).
 */
export function parseEdited(parsing: { LangiumParser: LangiumParser; Lexer: Lexer }, before: ParseResult<AstNode>, text: string): ParseResult<Model> | undefined {
    const parser = parsing.LangiumParser;
    if ((before.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const model = before.value as Model;
    const root = model.$cstNode;
    if (model.$type !== 'Model' || !(root instanceof RootCstNodeImpl)) return undefined;
    const kids = root.content;
    const old = root.fullText;
    if (kids.length === 0 || old === text) return undefined;

    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
    const delta = text.length - old.length;
    // The part: from the last top-level declaration starting MARGIN before the change (or the text's start) ...
    // A declaration, not a comment: at its keyword a whole parse is between declarations, even after a syntax error
    // (recovery may leave the declaration before open over the comments that precede the keyword).
    let a = -1;
    for (let k = 0; k < kids.length && startOf(kids[k]!) <= prefix - MARGIN; k++) if (kids[k] instanceof CompositeCstNodeImpl) a = k;
    const start = a < 0 ? 0 : startOf(kids[a]!);
    if (a < 0) a = 0;
    // ... to the end of the first one ending MARGIN after it (or the text's end).
    let b = a;
    while (b < kids.length && endOf(kids[b]!) < old.length - suffix + MARGIN) b++;
    let oldEnd = b < kids.length ? endOf(kids[b]!) : old.length;
    if (b === kids.length) b--;
    // Each top-level composite node is one element of the model (the others are comments).
    if (countElements(kids, 0, kids.length) !== model.elements.length) return undefined;
    // Syntax errors before: the declarations before the part must have parsed as a whole parse of them does.
    const erred = before.lexerErrors.length > 0 || before.parserErrors.length > 0;
    if (erred && !errorsAfter(before, start)) return undefined;
    if (erred) [b, oldEnd] = [kids.length - 1, old.length];
    if (start === 0 && oldEnd === old.length) return undefined;
    // A lexer error before (an unclosed string) mostly stays: lexing first (a tenth of a parse) spares a parse to the end.
    if (before.lexerErrors.length > 0 && parsing.Lexer.tokenize(text.slice(start)).errors.length > 0) return undefined;

    let part = parser.parse<Model>(text.slice(start, oldEnd + delta));
    if (lexerErrors(part)) return undefined;
    if (part.parserErrors.length > 0 && oldEnd < old.length) {
        // Errors: recovery may read past the part, so the part runs to the end of the text, as a whole parse does from there.
        [b, oldEnd] = [kids.length - 1, old.length];
        if (start === 0) return undefined;
        part = parser.parse<Model>(text.slice(start));
        if (lexerErrors(part)) return undefined;
    }
    const newEnd = oldEnd + delta;
    const partRoot = part.value.$cstNode;
    if (!(partRoot instanceof RootCstNodeImpl)) return undefined;
    const oldLast = lastLeaf(kids[b]!);
    const newLast = partRoot.content.length > 0 ? lastLeaf(partRoot) : undefined;
    if (oldEnd < old.length) {
        // Tokens after the part must follow as before: the part ends with the token that ended it before, at its place.
        if (!oldLast || !newLast || newLast.tokenType !== oldLast.tokenType || newLast.end + start !== newEnd || newLast.length !== oldLast.length
            || text.slice(newEnd - newLast.length, newEnd) !== old.slice(oldLast.offset, oldEnd)) return undefined;
    }
    const elementsBefore = countElements(kids, 0, a);
    const elementsIn = countElements(kids, a, b + 1);

    // Where the part starts (unchanged) and where it ends, before and after.
    const first = start > 0 ? firstLeaf(kids[a]!) : undefined;
    const startLine = first ? fields(first)._startLine : 0;
    const startColumn = first ? fields(first)._startColumn : 0;
    moveLeaves(partRoot, start, 0, startLine, startColumn);
    moveErrorTokens(part.parserErrors, start, startLine, startColumn);
    if (oldEnd < old.length) {
        const was = fields(oldLast!);
        const now = fields(newLast!);
        const lineDelta = now._endLine - was._endLine;
        const columnDelta = now._endColumn - was._endColumn;
        for (let k = b + 1; k < kids.length; k++) moveLeaves(kids[k]!, delta, was._endLine, lineDelta, columnDelta);
    }

    const content = [...kids.slice(0, a), ...partRoot.content, ...kids.slice(b + 1)];
    for (const kid of content) (kid as { container?: CstNode }).container = partRoot;
    partRoot.content = content;
    (partRoot as unknown as RootFields)._text = text;
    forgetRange(partRoot);
    const tree = part.value;
    tree.elements = [...model.elements.slice(0, elementsBefore), ...tree.elements, ...model.elements.slice(elementsBefore + elementsIn)];
    AstUtils.linkContentToContainer(tree);
    return { value: tree, lexerErrors: [], parserErrors: part.parserErrors, lexerReport: part.lexerReport };
}

/** Unchanged characters kept on each side of a change inside the part parsed again: a token's match reads at most a few characters past its end. */
const MARGIN = 64;

/** Langium's private position fields of a leaf (lines and columns from 0). */
interface LeafFields { _offset: number; _startLine: number; _startColumn: number; _endLine: number; _endColumn: number }
interface RootFields { _text: string }

function fields(leaf: LeafCstNodeImpl): LeafFields {
    return leaf as unknown as LeafFields;
}

/**
 * Moves a leaf by `offset` characters. From the part's own coordinates
 * (`line` 0): `lines` is the part's first line, `columns` its first column.
 * After the part: positions on old line `line` move by `columns`, and every
 * line by `lines`.
 */
function moveLeaf(leaf: LeafFields, offset: number, line: number, lines: number, columns: number): void {
    leaf._offset += offset;
    if (leaf._startLine === line) leaf._startColumn += columns;
    if (leaf._endLine === line) leaf._endColumn += columns;
    leaf._startLine += lines;
    leaf._endLine += lines;
}

/** `moveLeaf` for every leaf under `node`; the ranges its composites cached are forgotten. */
function moveLeaves(node: CstNode, offset: number, line: number, lines: number, columns: number): void {
    if (node instanceof LeafCstNodeImpl) {
        moveLeaf(fields(node), offset, line, lines, columns);
    } else if (node instanceof CompositeCstNodeImpl) {
        forgetRange(node);
        const content = node.content;
        for (let i = 0; i < content.length; i++) moveLeaves(content[i]!, offset, line, lines, columns);
    }
}

/** Forgets the range a composite node cached (Langium's private field): its leaves moved, or its children changed. */
function forgetRange(node: CompositeCstNodeImpl): void {
    (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
}

function firstLeaf(node: CstNode): LeafCstNodeImpl | undefined {
    let n: CstNode | undefined = node;
    while (n instanceof CompositeCstNodeImpl) n = n.content[0];
    return n instanceof LeafCstNodeImpl ? n : undefined;
}

function lastLeaf(node: CstNode): LeafCstNodeImpl | undefined {
    let n: CstNode | undefined = node;
    while (n instanceof CompositeCstNodeImpl) n = n.content[n.content.length - 1];
    return n instanceof LeafCstNodeImpl ? n : undefined;
}

/** Where a top-level node's first token starts (a comment inside it included). */
function startOf(node: CstNode): number {
    return firstLeaf(node)?.offset ?? node.offset;
}

function endOf(node: CstNode): number {
    return lastLeaf(node)?.end ?? node.end;
}

/**
 * Whether every syntax error of a parse lies after `start` (at the end of the text when it has no place):
 * an error at `start` itself can be one of the declaration before, which stopped there. The tokens
 * recovery skips start with an error's token, so none lies before the part either.
 */
function errorsAfter(result: ParseResult<AstNode>, start: number): boolean {
    return result.lexerErrors.every(e => e.offset > start)
        && result.parserErrors.every(e => Number.isNaN(e.token.startOffset) || e.token.startOffset > start);
}

/** Whether a parse has lexer errors: their messages name offsets in the part, so the whole text is parsed instead. */
function lexerErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}

/** Moves the tokens that the part's parser errors name (each once) as `moveLeaves` moves its leaves; chevrotain counts lines and columns from 1. */
function moveErrorTokens(errors: ParseResult<AstNode>['parserErrors'], offset: number, lines: number, columns: number): void {
    const tokens = new Set<IToken>();
    for (const e of errors) {
        tokens.add(e.token);
        const previous = (e as { previousToken?: IToken }).previousToken;
        if (previous) tokens.add(previous);
        for (const t of e.resyncedTokens) tokens.add(t);
    }
    for (const t of tokens) {
        // Tokens without a place: chevrotain's end of file (shared and frozen) and tokens inserted by recovery.
        if (Number.isNaN(t.startOffset) || Object.isFrozen(t)) continue;
        t.startOffset += offset;
        if (t.endOffset !== undefined) t.endOffset += offset;
        if (t.startLine === 1 && t.startColumn !== undefined) t.startColumn += columns;
        if (t.endLine === 1 && t.endColumn !== undefined) t.endColumn += columns;
        if (t.startLine !== undefined) t.startLine += lines;
        if (t.endLine !== undefined) t.endLine += lines;
    }
}

/** Top-level declarations among `kids[from..to)` (the others are comments). */
function countElements(kids: readonly CstNode[], from: number, to: number): number {
    let count = 0;
    for (let k = from; k < to; k++) if (kids[k] instanceof CompositeCstNodeImpl) count++;
    return count;
}

function commonPrefix(x: string, y: string): number {
    const most = Math.min(x.length, y.length);
    let i = 0;
    while (i < most && x.charCodeAt(i) === y.charCodeAt(i)) i++;
    return i;
}

/** Length of the common end of `x` and `y`, at most `most`. */
function commonSuffix(x: string, y: string, most: number): number {
    let i = 0;
    while (i < most && x.charCodeAt(x.length - 1 - i) === y.charCodeAt(y.length - 1 - i)) i++;
    return i;
}
