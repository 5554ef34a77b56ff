/**
 * The attributes of a declaration as written, for comparing two versions of
 * a workspace (`align diff`): `{ source: '"CRM: closed opportunities"',
 * target: '34% by 2026-H2', 'observed by': 'manager weekly with "..."' }`.
 * Tokens are joined by single spaces, so reformatting changes nothing;
 * attributes are keyed by their keyword, so reordering changes nothing.
 * Pure lists of references (`builds A, B`, `measured by M`) are left out:
 * they are the graph's edges.
 */
import type { AstNode, CstNode } from 'langium';
import { GrammarAST, GrammarUtils, isCompositeCstNode } from 'langium';
import { isAttributeKeyword } from '../attribute-keywords.js';

const MEMBER_TYPES = new Set(['Program', 'Outcome', 'Metric', 'Skill', 'Behavior', 'Objective', 'Toolkit', 'Actuals']);

/** The attributes written in a declaration's block, by keyword; undefined when it has none. */
export function declarationAttributes(owner: AstNode): Record<string, string> | undefined {
    if (!owner.$cstNode) return undefined;
    const groups: CstNode[][] = [];
    let inBlock = false;
    for (const leaf of ownLeaves(owner.$cstNode, owner)) {
        const brace = GrammarAST.isKeyword(leaf.grammarSource) && (leaf.text === '{' || leaf.text === '}');
        if (brace) inBlock = inBlock || leaf.text === '{';
        else if (inBlock && isAttributeKeyword(leaf)) groups.push([leaf]);
        else if (inBlock) groups.at(-1)?.push(leaf);
    }
    const attributes: Record<string, string> = {};
    for (const group of groups) {
        const words = keyWords(group);
        const rest = group.slice(words);
        if (rest.length > 0 && rest.every(leaf => leaf.text === ',' || isReferenceLeaf(leaf))) continue;
        let key = group.slice(0, words).map(l => l.text).join(' ');
        if (rest[0] && isReferenceLeaf(rest[0])) key += ` ${joinTokens(referenceLeaves(rest))}`;
        let unique = key;
        for (let n = 2; unique in attributes; n++) unique = `${key} (${n})`;
        attributes[unique] = joinTokens(rest);
    }
    return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/** The leaves of `owner`'s own syntax: its nested declarations and actuals blocks (a program's members) are skipped; comments too. */
function* ownLeaves(cst: CstNode, owner: AstNode): Generator<CstNode> {
    if (!isCompositeCstNode(cst)) {
        if (!cst.hidden) yield cst;
        return;
    }
    for (const child of cst.content) {
        if (child.astNode !== owner && MEMBER_TYPES.has(child.astNode.$type) && child.astNode.$container === owner) continue;
        yield* ownLeaves(child, owner);
    }
}

/** How many leaves name the attribute: its keyword, and `by` after `measured`, `enabled`, `assessed`, `observed`. */
function keyWords(group: readonly CstNode[]): number {
    const second = group[1];
    return second && second.text === 'by' && GrammarAST.isKeyword(second.grammarSource) ? 2 : 1;
}

function isReferenceLeaf(leaf: CstNode): boolean {
    const assignment = GrammarUtils.findAssignment(leaf);
    return assignment !== undefined && GrammarAST.isCrossReference(assignment.terminal);
}

/** The leaves of the first reference at the start of `leaves` (`Program . Name`). */
function referenceLeaves(leaves: readonly CstNode[]): CstNode[] {
    const end = leaves.findIndex(leaf => !isReferenceLeaf(leaf));
    return leaves.slice(0, end < 0 ? leaves.length : end);
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

