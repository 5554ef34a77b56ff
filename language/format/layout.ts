import { GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import { attachComments, moveCommentsAfterOpeningBraces, type LexerComment } from './attach-comments.js';

/**
 * The layout tree the canonical formatter prints: declarations with their
 * header tokens and block items, attributes as token lists, and every
 * comment attached to the token it belongs to. Built from a parse without
 * errors by {@link buildLayout}.
 */

/** A comment of the source, attached before or after a token. */
export interface Comment {
    readonly text: string;
    /** Column of its first character in the source (characters, 0-based). */
    readonly column: number;
    /** `// ...` (true) or `/* ... *\/` (false). */
    readonly lineComment: boolean;
    /** The source has a blank line between the previous token or comment and this one. */
    blankBefore: boolean;
    /** A trailing comment after which the source breaks the line (always for `//`). */
    breakAfter: boolean;
}

/** A significant (non-hidden) token of the source. */
export interface Token {
    readonly text: string;
    readonly offset: number;
    readonly end: number;
    /** Position among the significant tokens of the file. */
    readonly index: number;
    /** The source has a blank line between the previous token or comment and this one. */
    blankBefore: boolean;
    /** Comments on their own line(s) before this token. */
    before: Comment[];
    /** Comments on the line of this token, after it. */
    after: Comment[];
}

/** An attribute (or an `actuals` row): one line of tokens. */
export interface Attribute {
    readonly kind: 'attribute';
    readonly tokens: Token[];
}

/** A declaration (`program`, `metric`, ..., `actuals`): a header, an optional block, a closing brace. */
export interface Declaration {
    readonly kind: 'declaration';
    /** The AST type, e.g. `Metric`. */
    readonly type: string;
    /** From the keyword to the opening brace included (if any). */
    readonly header: Token[];
    readonly items: Item[];
    /** The closing brace, when the declaration has a block. */
    close?: Token;
    /** Printed on one line as written (a block on the line after `align-disable-next-line`: suppressed-lines.ts). */
    oneLine?: boolean;
}

/** What a block (or the file) contains. */
export type Item = Attribute | Declaration;

/** A whole file. */
export interface Layout {
    readonly items: Declaration[];
    /** Comments after the last token of the file. */
    readonly trailing: Comment[];
}

/** Thrown when the tree does not have the shape the formatter expects; the formatter then refuses. */
export class LayoutError extends Error { }

/** Nodes printed as a header, a block of items and a closing brace (`pull xapi ... { }` nests in `actuals`). */
const DECLARATIONS = new Set(['Program', 'Outcome', 'Metric', 'Skill', 'Behavior', 'Objective', 'Toolkit', 'Actuals', 'PullXapi']);
/** Nodes that are a whole attribute line: a declaration's attribute nodes, `actuals` rows, `isolate`, `pull sql` and xAPI options. Others (Amount, Duration) continue the line. */
const ATTRIBUTE_LINES = new Set(['ActualRow', 'Isolate', 'PullSql', 'XapiAuth', 'XapiVerb', 'XapiActivity', 'XapiSince', 'XapiValue']);
const isAttributeLine = (node: AstNode): boolean => node.$containerProperty === 'attributes' || ATTRIBUTE_LINES.has(node.$type);

/**
 * Builds the layout of a parsed file. `root` is the parse result (without
 * errors), `comments` the hidden tokens of the lexer (whitespace is skipped
 * by the lexer), `tokenCount` the number of significant lexer tokens, used to
 * check that every token was placed.
 */
export function buildLayout(text: string, root: AstNode, comments: readonly LexerComment[], tokenCount: number): Layout {
    const tokens: Token[] = [];
    const token = (leaf: LeafCstNode): Token => {
        const previous = tokens[tokens.length - 1];
        if (previous && previous.end > leaf.offset) throw new LayoutError(`token '${leaf.text}' at offset ${leaf.offset} is out of order`);
        const t: Token = { text: leaf.text, offset: leaf.offset, end: leaf.end, index: tokens.length, blankBefore: false, before: [], after: [] };
        tokens.push(t);
        return t;
    };
    const items: Declaration[] = [];
    const cst = root.$cstNode;
    if (cst) {
        const visitRoot = (node: CstNode): void => {
            if (node.hidden) return;
            if (isCompositeCstNode(node)) {
                if (node.astNode !== root && DECLARATIONS.has(node.astNode.$type)) items.push(buildDeclaration(node.astNode, node, token));
                else node.content.forEach(visitRoot);
                return;
            }
            throw new LayoutError(`unexpected token '${node.text}' outside a declaration`);
        };
        visitRoot(cst);
    }
    if (tokens.length !== tokenCount) throw new LayoutError(`placed ${tokens.length} of ${tokenCount} tokens`);
    const trailing = attachComments(text, tokens, comments);
    moveCommentsAfterOpeningBraces(items);
    return { items, trailing };
}

function buildDeclaration(node: AstNode, cst: CstNode, token: (leaf: LeafCstNode) => Token): Declaration {
    const declaration: Declaration = { kind: 'declaration', type: node.$type, header: [], items: [] };
    let inBlock = false;
    let current: Attribute | undefined;
    const startAttribute = (): Attribute => {
        current = { kind: 'attribute', tokens: [] };
        declaration.items.push(current);
        return current;
    };
    const visit = (child: CstNode, parent: AstNode): void => {
        if (child.hidden) return;
        if (isCompositeCstNode(child)) {
            const owner = child.astNode;
            const entered = owner !== parent && owner !== node && inBlock;
            if (entered && DECLARATIONS.has(owner.$type)) {
                current = undefined;
                declaration.items.push(buildDeclaration(owner, child, token));
                return;
            }
            if (entered && isAttributeLine(owner)) startAttribute();
            child.content.forEach(c => visit(c, owner));
            return;
        }
        const leaf = child as LeafCstNode;
        if (!inBlock) {
            declaration.header.push(token(leaf));
            if (leaf.text === '{') inBlock = true;
            return;
        }
        if (leaf.text === '}' && GrammarAST.isKeyword(leaf.grammarSource)) {
            declaration.close = token(leaf);
            current = undefined;
            return;
        }
        const attribute = startsAttribute(leaf) ? startAttribute() : current;
        if (!attribute) throw new LayoutError(`token '${leaf.text}' at offset ${leaf.offset} starts no attribute`);
        attribute.tokens.push(token(leaf));
    };
    visit(cst, node);
    return declaration;
}

/**
 * A word keyword (not `,` of a list) that begins a repeated part of a block: one alternative of the
 * attribute choice (`( 'owner' owner=STRING | ... )*`) or the only one
 * (`('assessed' 'by' assessedBy=STRING)*`).
 */
function startsAttribute(leaf: LeafCstNode): boolean {
    const keyword = leaf.grammarSource;
    if (!GrammarAST.isKeyword(keyword) || !/^[A-Za-z]/.test(keyword.value)) return false;
    // The generated type of a keyword's container is too narrow: keywords sit in groups too.
    const group: unknown = keyword.$container;
    if (!GrammarAST.isGroup(group) || group.elements[0] !== keyword) return false;
    const choice = group.$container;
    return repeated(group) || (GrammarAST.isAlternatives(choice) && repeated(choice));
}

const repeated = (element: GrammarAST.AbstractElement): boolean => element.cardinality === '*' || element.cardinality === '+';

/** Every token of a declaration in source order: header, items (declarations within included), closing brace. */
export function declarationTokens(declaration: Declaration, into: Token[] = []): Token[] {
    for (const token of declaration.header) into.push(token);
    for (const item of declaration.items) {
        if (item.kind === 'attribute') for (const token of item.tokens) into.push(token);
        else declarationTokens(item, into);
    }
    if (declaration.close) into.push(declaration.close);
    return into;
}
