import type { AstNode, CompositeCstNode, CstNode } from 'langium';
import { AstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, parseJSDoc } from 'langium';
import type { Declaration, Model, Program } from '../generated/ast.js';
import { qualifiedNameOf } from '../scope/qualified-names.js';
import type { CatalogMark, GraphNode, GraphRange, NodeKind } from './types.js';

/** A declaration as the graph sees it, before the workspace gives it an id. */
export interface DeclaredNode {
    readonly ast: Declaration | Program;
    /** The qualified name (`Program.Name`): the node's id, unless the name is taken twice. */
    readonly key: string;
    /** Index, in the same document's list, of the program that declares it; -1 at top level. */
    readonly programIndex: number;
    /** The node's fields that depend on its document only. */
    readonly base: NodeBase;
}

/** The fields of a graph node that its document alone gives. */
export type NodeBase = Pick<GraphNode, 'kind' | 'name' | 'qualifiedName' | 'title' | 'doc' | 'uri' | 'range' | 'nameRange' | 'catalog'>;

const KIND: Record<(Declaration | Program)['$type'], NodeKind> = {
    Program: 'program', Outcome: 'outcome', Metric: 'metric', Skill: 'skill',
    Behavior: 'behavior', Objective: 'objective', Toolkit: 'toolkit'
};

/**
 * The named declarations of one document, top level and program members,
 * in document order (members of a program without a name are left out).
 * `catalog`: where the document comes from when it is a catalog file.
 */
export function collectDeclared(uri: string, model: Model, catalog?: CatalogMark): DeclaredNode[] {
    const declared: DeclaredNode[] = [];
    const add = (ast: Declaration | Program, programIndex: number): boolean => {
        if (!ast.name || !ast.$cstNode) return false;
        const key = ast.$type === 'Program' ? ast.name : qualifiedNameOf(ast);
        declared.push({ ast, key, programIndex, base: makeBase(ast, uri, key, catalog) });
        return true;
    };
    const elements = model.elements;
    for (let e = 0; e < elements.length; e++) {
        const element = elements[e]!;
        if (element.$type === 'Actuals') continue;
        const index = declared.length;
        if (add(element, -1) && element.$type === 'Program') {
            const members = element.members;
            for (let m = 0; m < members.length; m++) {
                const member = members[m]!;
                if (member.$type !== 'Actuals') add(member, index);
            }
        }
    }
    return declared;
}

/** A node made of its base fields, id and program (derived figures are added by the graph). */
export function makeNode(base: NodeBase, id: string, program: string | undefined): GraphNode {
    const node: GraphNode = {
        id, kind: base.kind, name: base.name, qualifiedName: base.qualifiedName, title: base.title, doc: base.doc,
        uri: base.uri, range: base.range, nameRange: base.nameRange, program
    };
    if (base.catalog) node.catalog = base.catalog;
    return node;
}

/** True when two catalog marks (or their absence) say the same. */
export function sameCatalog(a: CatalogMark | undefined, b: CatalogMark | undefined): boolean {
    return a === b || (a !== undefined && b !== undefined && a.name === b.name && a.version === b.version);
}

/** True when two bases give the same node fields. */
export function sameBase(a: NodeBase, b: NodeBase): boolean {
    return a.kind === b.kind && a.name === b.name && a.qualifiedName === b.qualifiedName && a.title === b.title && a.doc === b.doc
        && a.uri === b.uri && sameRange(a.range, b.range) && sameRange(a.nameRange, b.nameRange) && sameCatalog(a.catalog, b.catalog);
}

function sameRange(a: GraphRange, b: GraphRange): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function makeBase(ast: Declaration | Program, uri: string, qualifiedName: string, catalog: CatalogMark | undefined): NodeBase {
    const nameCst = nameNode(ast.$cstNode!, ast);
    const base: NodeBase = {
        // A title of blanks (`""`, as it stands while being typed) is no title: drawings and words fall back to the name.
        kind: KIND[ast.$type], name: ast.name, qualifiedName, title: ast.title?.trim() ? ast.title : undefined, doc: docComment(ast), uri,
        range: ast.$cstNode!.range, nameRange: (nameCst ?? ast.$cstNode!).range
    };
    return catalog ? { ...base, catalog } : base;
}

/**
 * The CST node of a declaration's name: the first node assigned to `name`,
 * found without walking the declaration's body (a program's body is large).
 */
function nameNode(cst: CstNode, owner: AstNode): CstNode | undefined {
    if (!isCompositeCstNode(cst)) return undefined;
    const content = cst.content;
    for (let i = 0; i < content.length; i++) {
        const child = content[i]!;
        if (assignsName(child.grammarSource) && child.astNode === owner) return child;
        if (isCompositeCstNode(child) && child.astNode === owner) {
            const found = nameNode(child, owner);
            if (found) return found;
        }
    }
    return undefined;
}

/** Whether each element of the grammar is (inside) an assignment to `name`: asked once per element, not per declaration. */
const namesByElement = new WeakMap<AstNode, boolean>();

function assignsName(element: AstNode | undefined): boolean {
    if (!element) return false;
    let names = namesByElement.get(element);
    if (names === undefined) {
        names = AstUtils.getContainerOfType(element, GrammarAST.isAssignment)?.feature === 'name';
        namesByElement.set(element, names);
    }
    return names;
}

/** A declaration's `/** ... *\/` comment: the node just before it, as Langium's `CstUtils.findCommentNode` finds it. */
export function docComment(ast: AstNode): string | undefined {
    const previous = ast.$cstNode ? previousNode(ast.$cstNode) : undefined;
    const comment = previous && isLeafCstNode(previous) && previous.tokenType.name === 'ML_COMMENT' ? previous : undefined;
    // An ML_COMMENT token is `/* ... */`: it is a JSDoc comment when it starts with `/**` (Langium's `isJSDoc` says the same, making three regular expressions per call).
    return comment?.text.startsWith('/**') ? parseJSDoc(docText(comment.text, comment.range.start.character), comment.range.start).toMarkdown().trim() || undefined : undefined;
}

/**
 * A doc comment's text as its documentation is read: a continuation line
 * without a leading `*` keeps only its indentation beyond the comment's
 * column, the indentation the formatter keeps (`ownLineComment` in
 * format/print-layout.ts). The doc (hover, report, `align diff`) is then
 * the same wherever the comment is indented: formatting with another
 * indentation changes nothing in it. Its lines end at every line break, a
 * lone `\r` included, as they do for `align check` and the formatter.
 */
function docText(text: string, column: number): string {
    if (!/[\r\n]/.test(text)) return text;
    // Every line break, a lone `\r` included (Langium's JSDoc reading splits at `\n` only): a lone-CR file's doc has lines too.
    const [first, ...rest] = text.split(/\r\n?|\n/);
    const lines = column === 0 ? rest : rest.map(line => {
        if (/^\s*\*/.test(line)) return line; // a `*` line: JSDoc drops what comes before the `*`
        return line.slice(Math.min(line.length - line.trimStart().length, column));
    });
    return [first, ...lines].join('\n');
}

/**
 * The node before `node` in the tree, hidden ones included (Langium's
 * `CstUtils.getPreviousNode`). Langium finds a node among its parent's
 * children with `indexOf`, once per declaration: quadratic in a file of
 * many top-level declarations (12 of 33 s on 220,000 of them). Positions
 * in a large parent are read from an index made once.
 */
function previousNode(node: CstNode): CstNode | undefined {
    for (let child = node; child.container; child = child.container) {
        const index = indexIn(child.container, child);
        if (index > 0) return child.container.content[index - 1];
    }
    return undefined;
}

/** Below this many children a parent is searched; above, indexed once. */
const SEARCHED = 32;
const positions = new WeakMap<CompositeCstNode, Map<CstNode, number>>();

function indexIn(parent: CompositeCstNode, child: CstNode): number {
    const content = parent.content;
    if (content.length <= SEARCHED) return content.indexOf(child);
    let index = positions.get(parent);
    if (!index) {
        index = new Map();
        for (let i = 0; i < content.length; i++) index.set(content[i]!, i);
        positions.set(parent, index);
    }
    return index.get(child) ?? -1;
}
