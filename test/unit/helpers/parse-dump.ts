import type { IToken } from 'chevrotain';
import type { AstNode, CstNode, ParseResult } from 'langium';
import { AstUtils, isAstNode, isCompositeCstNode, isLeafCstNode, isReference } from 'langium';

const token = (t: IToken) => `${t.tokenType?.name} ${t.startOffset}-${t.endOffset} ${t.startLine}:${t.startColumn}-${t.endLine}:${t.endColumn} ${JSON.stringify(t.image)}`;
const at = (node: CstNode) => `${node.offset}+${node.length} ${node.range.start.line}:${node.range.start.character}-${node.range.end.line}:${node.range.end.character}`;

/**
 * A parse result as lines of text, to compare two parses of the same text:
 * errors (with the places of their tokens), every CST node (kind, place, range, token, hidden flag, AST node,
 * grammar element; and whether it names its parent as container), and every
 * AST node (type, place in its container, CST place, properties and
 * references). Reading the ranges also fills the caches of composite nodes,
 * as the server's features do.
 */
export function parseDump(result: ParseResult<AstNode>): string[] {
    const out = [`errors ${result.lexerErrors.length} lexer, ${result.parserErrors.length} parser`];
    for (const e of result.lexerErrors) out.push(`lexer error ${e.offset}+${e.length} ${e.line}:${e.column} ${e.message}`);
    for (const e of result.parserErrors) {
        const previous = (e as { previousToken?: IToken }).previousToken;
        out.push(`parser error ${e.name} ${e.message} at ${token(e.token)} after ${previous ? token(previous) : '-'} resynced ${e.resyncedTokens.map(token).join(', ')}`);
    }
    const cst = (node: CstNode, depth: number, parent?: CstNode) => {
        const kind = isLeafCstNode(node) ? `leaf ${node.tokenType.name}${node.hidden ? ' hidden' : ''} ${JSON.stringify(node.text)}` : 'node';
        const source = node.grammarSource ? node.grammarSource.$type : '-';
        out.push(`${depth} ${kind} ${at(node)} ${node.astNode.$type} ${source}${node.container === parent ? '' : ' WRONG CONTAINER'}`);
        if (isCompositeCstNode(node)) for (const child of node.content) cst(child, depth + 1, node);
    };
    cst(result.value.$cstNode!, 0);
    for (const node of AstUtils.streamAst(result.value)) {
        const container = node.$container as unknown as Record<string, unknown> | undefined;
        const held = container ? container[node.$containerProperty!] : undefined;
        const placed = !container || (Array.isArray(held) ? held[node.$containerIndex!] === node : held === node);
        const props = Object.entries(node).filter(([k]) => !k.startsWith('$')).map(([k, v]) => `${k}=${describe(v)}`);
        out.push(`${node.$type} ${node.$containerProperty ?? ''}[${node.$containerIndex ?? ''}] ${at(node.$cstNode!)}${placed ? '' : ' NOT PLACED'} ${props.join(' ')}`);
    }
    return out;
}

function describe(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(describe).join(',')}]`;
    if (isReference(value)) return `ref(${value.$refText}@${value.$refNode ? at(value.$refNode) : '-'})`;
    if (isAstNode(value)) return `<${value.$type}>`;
    return JSON.stringify(value);
}
