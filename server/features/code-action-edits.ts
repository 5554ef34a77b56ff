import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { CstUtils, GrammarUtils } from 'langium';
import type { Position, TextEdit } from 'vscode-languageserver';

/**
 * Text edits that quick fixes share: where a declaration's block is, how it
 * is indented, and how to add an attribute line to it (creating the block
 * when the declaration has none).
 */

/** The `{` and `}` of a declaration's block, if it has one. */
export interface Block {
    readonly open: CstNode;
    readonly close: CstNode;
}

/** The block of a declaration (its own braces, not those of nested members). */
export function blockOf(node: AstNode): Block | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const close = GrammarUtils.findNodesForKeyword(node.$cstNode, '}').at(-1);
    return open && close ? { open, close } : undefined;
}

/** The leading whitespace of a line of the document. */
export function lineIndent(document: LangiumDocument, line: number): string {
    return /^[ \t]*/.exec(lineText(document, line))![0];
}

/** The whole text of one line, without its line break. */
export function lineText(document: LangiumDocument, line: number): string {
    const text = document.textDocument;
    const start = text.offsetAt({ line, character: 0 });
    const end = line + 1 < text.lineCount ? text.offsetAt({ line: line + 1, character: 0 }) : text.getText().length;
    return text.getText().slice(start, end).replace(/\r?\n$/, '');
}

/** The indentation of the line a declaration starts on. */
export function indentOf(document: LangiumDocument, node: AstNode): string {
    return lineIndent(document, node.$cstNode!.range.start.line);
}

/** The file's unit of indentation: a tab where a line is indented with tabs, else two spaces. */
export function indentUnit(document: LangiumDocument): string {
    return /^\t/m.test(document.textDocument.getText()) ? '\t' : '  ';
}

/** One level deeper than `indent`, in the file's style (tabs stay tabs). */
export function deeper(indent: string, unit: string): string {
    return indent.includes('\t') ? `${indent}\t` : `${indent}${unit}`;
}

/** A line written with two spaces a level (`  kind leading`) in the file's unit of indentation. */
export function inUnit(line: string, unit: string): string {
    const levels = /^(?: {2})*/.exec(line)![0].length / 2;
    return unit.repeat(levels) + line.slice(levels * 2);
}

/** The line break of a document: `\r\n` where its lines end so, else `\n`. */
export function lineBreakOf(document: LangiumDocument): string {
    return document.textDocument.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** An edit written with `\n` in the document's line breaks. */
export function withLineBreaks(document: LangiumDocument, edit: TextEdit): TextEdit {
    const eol = lineBreakOf(document);
    return eol === '\n' ? edit : { ...edit, newText: edit.newText.replace(/\r?\n/g, eol) };
}

/** The indentation of the lines inside a declaration's block. */
export function childIndent(document: LangiumDocument, node: AstNode, block: Block | undefined): string {
    if (block) {
        const first = nextToken(block.open);
        if (first && first !== block.close && first.range.start.line > block.open.range.start.line) {
            return lineIndent(document, first.range.start.line);
        }
    }
    return deeper(indentOf(document, node), indentUnit(document));
}

/** The next token (not a comment) after `node`, anywhere in the document. */
function nextToken(node: CstNode): CstNode | undefined {
    let next = CstUtils.getNextNode(node, false);
    while (next && next.hidden) next = CstUtils.getNextNode(next, false);
    return next ? firstLeaf(next) : undefined;
}

function firstLeaf(node: CstNode): CstNode {
    return CstUtils.flattenCst(node).find(leaf => !leaf.hidden) ?? node;
}

/** The last token (not a comment) that ends before `offset` inside `node`. */
function lastTokenBefore(node: CstNode, offset: number): CstNode | undefined {
    let last: CstNode | undefined;
    for (const leaf of CstUtils.flattenCst(node)) {
        if (leaf.hidden) continue;
        if (leaf.end > offset) break;
        last = leaf;
    }
    return last;
}

/**
 * Adds attribute lines to a declaration: inside its block after its last
 * attribute (`anchorEnd` may say where the attributes end, e.g. before a
 * program's first member), or in a new block when it has none. Lines are
 * given without indentation; in a one-line block they go on that line,
 * after the same attribute as in a block of several lines.
 */
export function addAttributeLines(document: LangiumDocument, node: AstNode, lines: readonly string[], anchorEnd?: number): TextEdit {
    const cst = node.$cstNode!;
    const block = blockOf(node);
    const indent = indentOf(document, node);
    const inner = childIndent(document, node, block);
    if (!block) {
        const body = lines.map(l => `${inner}${l}\n`).join('');
        return { range: emptyAt(cst.range.end), newText: ` {\n${body}${indent}}` };
    }
    const anchor = lastTokenBefore(cst, Math.min(anchorEnd ?? block.close.offset, block.close.offset)) ?? block.open;
    if (block.open.range.start.line === block.close.range.start.line) {
        // A one-line block: after the same anchor, on the line (`{ serves G review monthly skill S "S" }`).
        const after = document.textDocument.getText().charAt(anchor.end);
        const pad = /\s/.test(after) ? '' : ' ';
        return { range: emptyAt(anchor.range.end), newText: ` ${lines.join(' ')}${pad}` };
    }
    const rest = lineText(document, anchor.range.end.line).slice(anchor.range.end.character);
    const body = lines.map(l => `${inner}${l}`).join('\n');
    if (/^\s*(\/\/.*)?$/.test(rest) && anchor.range.end.line + 1 <= block.close.range.start.line) {
        return { range: emptyAt({ line: anchor.range.end.line + 1, character: 0 }), newText: `${body}\n` };
    }
    return { range: emptyAt(anchor.range.end), newText: `\n${body}` };
}

/**
 * Inserts a new declaration (given as unindented lines, nested ones two
 * spaces a level) as the last member of a program's block.
 */
export function appendToBlock(document: LangiumDocument, node: AstNode, lines: readonly string[]): TextEdit | undefined {
    const block = blockOf(node);
    if (!block) return undefined;
    const inner = childIndent(document, node, block);
    const unit = indentUnit(document);
    const body = lines.map(l => l === '' ? '' : `${inner}${inUnit(l, unit)}`).join('\n');
    const closeLine = block.close.range.start.line;
    const closeAlone = lineText(document, closeLine).slice(0, block.close.range.start.character).trim() === '';
    if (closeAlone && closeLine > block.open.range.start.line) {
        return { range: emptyAt({ line: closeLine, character: 0 }), newText: `\n${body}\n` };
    }
    return { range: emptyAt(block.close.range.start), newText: `\n${body}\n${indentOf(document, node)}` };
}

/** Inserts a new top-level declaration (unindented lines) after a top-level element. */
export function insertAfter(document: LangiumDocument, node: AstNode, lines: readonly string[]): TextEdit {
    const unit = indentUnit(document);
    return { range: emptyAt(node.$cstNode!.range.end), newText: `\n\n${lines.map(l => inUnit(l, unit)).join('\n')}` };
}

/** An empty range at a position. */
export function emptyAt(position: Position): { start: Position; end: Position } {
    return { start: { ...position }, end: { ...position } };
}
