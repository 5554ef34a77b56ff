/**
 * The attributes of a declaration as written, for comparing two versions of
 * a workspace (`align diff`): `{ source: '"CRM: closed opportunities"',
 * target: '34% by 2026-H2', 'observed by': 'manager weekly with "..."' }`.
 * Tokens are joined by single spaces, so reformatting changes nothing;
 * attributes are keyed by their keyword, so reordering changes nothing.
 * Pure lists of references (`builds A, B`, `measured by M`) are left out:
 * they are the graph's edges.
 *
 * Not part of the live graph (the editor rebuilds that on every keystroke
 * and needs none of it): computed when two versions are compared.
 */
import type { AstNode, CstNode } from 'langium';
import { AstUtils, GrammarAST, isCompositeCstNode } from 'langium';
import { isAttributeKeyword } from '../attribute-keywords.js';
import type { GraphIndex } from './build-graph.js';

/** Attributes by keyword, of each node id that has some. */
export type GraphAttributes = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** The attributes of every node of a built graph, read from its syntax trees. */
export function graphAttributes(index: GraphIndex): GraphAttributes {
    const result = new Map<string, Record<string, string>>();
    for (const node of index.graph.nodes) {
        const ast = index.astOf(node.id);
        const attributes = ast ? declarationAttributes(ast) : undefined;
        if (attributes) result.set(node.id, attributes);
    }
    return result;
}

const MEMBER_TYPES = new Set(['Program', 'Outcome', 'Metric', 'Skill', 'Behavior', 'Objective', 'Toolkit', 'Actuals']);

/** The attributes written in a declaration's block, by keyword; undefined when it has none. */
export function declarationAttributes(owner: AstNode): Record<string, string> | undefined {
    if (!owner.$cstNode) return undefined;
    const groups: CstNode[][] = [];
    let inBlock = false;
    for (const leaf of ownLeaves(owner.$cstNode, owner, [])) {
        const brace = GrammarAST.isKeyword(leaf.grammarSource) && (leaf.text === '{' || leaf.text === '}');
        if (brace) inBlock = inBlock || leaf.text === '{';
        else if (inBlock && isAttributeKeyword(leaf)) groups.push([leaf]);
        else if (inBlock) groups.at(-1)?.push(leaf);
    }
    const attributes: Record<string, string> = {};
    const references = referenceRanges(owner);
    const isReference = (leaf: CstNode) => references.some(([start, end]) => leaf.offset >= start && leaf.offset < end);
    for (const group of groups) {
        const words = keyWords(group);
        const rest = group.slice(words);
        if (rest.length > 0 && rest.every(leaf => leaf.text === ',' || isReference(leaf))) continue;
        let key = group.slice(0, words).map(l => l.text).join(' ');
        if (rest[0] && isReference(rest[0])) {
            const end = rest.findIndex(leaf => !isReference(leaf));
            key += ` ${joinTokens(rest.slice(0, end < 0 ? rest.length : end))}`;
        }
        let unique = key;
        for (let n = 2; unique in attributes; n++) unique = `${key} (${n})`;
        attributes[unique] = joinTokens(rest);
    }
    return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/** The leaves of `owner`'s own syntax, added to `leaves`: its nested declarations and actuals blocks (a program's members) are skipped; comments too. */
function ownLeaves(cst: CstNode, owner: AstNode, leaves: CstNode[]): CstNode[] {
    if (!isCompositeCstNode(cst)) {
        if (!cst.hidden) leaves.push(cst);
        return leaves;
    }
    for (const child of cst.content) {
        if (child.astNode !== owner && MEMBER_TYPES.has(child.astNode.$type) && child.astNode.$container === owner) continue;
        ownLeaves(child, owner, leaves);
    }
    return leaves;
}

/** How many leaves name the attribute: its keyword, and `by` after `measured`, `enabled`, `assessed`, `observed`. */
function keyWords(group: readonly CstNode[]): number {
    const second = group[1];
    return second && second.text === 'by' && GrammarAST.isKeyword(second.grammarSource) ? 2 : 1;
}

/** Where the references of `owner`'s own syntax are written (its members' are not), as [offset, end). */
function referenceRanges(owner: AstNode): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    const visit = (node: AstNode): void => {
        for (const { reference } of AstUtils.streamReferences(node)) {
            const cst = reference.$refNode;
            if (cst) ranges.push([cst.offset, cst.end]);
        }
        for (const child of AstUtils.streamContents(node)) if (!MEMBER_TYPES.has(child.$type)) visit(child);
    };
    visit(owner);
    return ranges;
}

/** Tokens joined by single spaces, with none before `,` and none around `.`. */
function joinTokens(leaves: readonly CstNode[]): string {
    let text = '';
    leaves.forEach((leaf, i) => {
        const tight = i === 0 || leaf.text === ',' || leaf.text === '.' || leaves[i - 1]!.text === '.';
        text += (tight ? '' : ' ') + leaf.text;
    });
    return text;
}

