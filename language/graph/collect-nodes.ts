import type { AstNode } from 'langium';
import type { CstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST, isCompositeCstNode, isJSDoc, parseJSDoc } from 'langium';
import type { Declaration, Model, Program } from '../generated/ast.js';
import { qualifiedNameOf } from '../scope/qualified-names.js';
import type { GraphNode, GraphRange, NodeKind } from './types.js';

/** A declaration with its graph node. */
export interface Declared {
    readonly ast: Declaration | Program;
    readonly node: GraphNode;
}

/** The declarations of the workspace, and those that share a qualified name. */
export interface CollectedNodes {
    readonly declared: Declared[];
    readonly byAst: Map<AstNode, GraphNode>;
    readonly astById: Map<string, Declaration | Program>;
    /** For each declaration whose name is taken more than once in its scope: the others. */
    readonly duplicates: Map<AstNode, Array<Declaration | Program>>;
}

const KIND: Record<(Declaration | Program)['$type'], NodeKind> = {
    Program: 'program', Outcome: 'outcome', Metric: 'metric', Skill: 'skill',
    Behavior: 'behavior', Objective: 'objective', Toolkit: 'toolkit'
};

/** Walks every document's top level and program members, in document order. */
export function collectNodes(documents: ReadonlyArray<{ uri: string; model: Model }>): CollectedNodes {
    const declared: Declared[] = [];
    const byAst = new Map<AstNode, GraphNode>();
    const astById = new Map<string, Declaration | Program>();
    const byKey = new Map<string, Array<Declaration | Program>>();
    const add = (ast: Declaration | Program, uri: string, program?: GraphNode): GraphNode | undefined => {
        if (!ast.name || !ast.$cstNode) return undefined;
        const key = ast.$type === 'Program' ? ast.name : qualifiedNameOf(ast);
        const sameKey = byKey.get(key) ?? [];
        sameKey.push(ast);
        byKey.set(key, sameKey);
        const node = makeNode(ast, uri, sameKey.length === 1 ? key : `${key}#${sameKey.length}`, key, program?.id);
        declared.push({ ast, node });
        byAst.set(ast, node);
        astById.set(node.id, ast);
        return node;
    };
    for (const { uri, model } of documents) {
        for (const element of model.elements) {
            if (element.$type === 'Actuals') continue;
            const node = add(element, uri);
            if (element.$type === 'Program' && node) {
                for (const member of element.members) {
                    if (member.$type !== 'Actuals') add(member, uri, node);
                }
            }
        }
    }
    const duplicates = new Map<AstNode, Array<Declaration | Program>>();
    for (const group of byKey.values()) {
        if (group.length < 2) continue;
        for (const ast of group) duplicates.set(ast, group.filter(other => other !== ast));
    }
    return { declared, byAst, astById, duplicates };
}

function makeNode(ast: Declaration | Program, uri: string, id: string, qualifiedName: string, program: string | undefined): GraphNode {
    const nameCst = nameNode(ast.$cstNode!, ast);
    return {
        id, kind: KIND[ast.$type], name: ast.name, qualifiedName,
        title: ast.title, doc: docComment(ast), uri,
        range: toRange(ast.$cstNode!.range), nameRange: toRange((nameCst ?? ast.$cstNode!).range),
        program
    };
}

/**
 * The CST node of a declaration's name: the first node assigned to `name`,
 * found without walking the declaration's body (a program's body is large).
 */
function nameNode(cst: CstNode, owner: AstNode): CstNode | undefined {
    if (!isCompositeCstNode(cst)) return undefined;
    for (const child of cst.content) {
        const assignment = AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment);
        if (assignment?.feature === 'name' && child.astNode === owner) return child;
        if (isCompositeCstNode(child) && child.astNode === owner) {
            const found = nameNode(child, owner);
            if (found) return found;
        }
    }
    return undefined;
}

function docComment(ast: AstNode): string | undefined {
    const comment = CstUtils.findCommentNode(ast.$cstNode, ['ML_COMMENT']);
    return comment && isJSDoc(comment) ? parseJSDoc(comment).toMarkdown().trim() || undefined : undefined;
}

function toRange(r: GraphRange): GraphRange {
    return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
