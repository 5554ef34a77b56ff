/**
 * The attributes of a declaration as written, for comparing two versions of
 * a workspace (`align diff`): `{ source: '"CRM: closed opportunities"',
 * target: '34% by 2026-H2', 'observed by': 'manager weekly with "..."' }`.
 * Tokens are joined by single spaces, so reformatting changes nothing;
 * attributes are keyed by their keyword, so reordering changes nothing.
 * Lists of references (`builds A, B`, `measured by M`) are left out: they
 * are the graph's edges.
 *
 * Not part of the live graph (the editor rebuilds that on every keystroke
 * and needs none of it): computed when two versions are compared.
 */
import type { AstNode, CstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode } from 'langium';
import type { GraphIndex } from './build-graph.js';
import { isProgram } from '../generated/ast.js';

/** Attributes by keyword, of each node id that has some. */
export type GraphAttributes = ReadonlyMap<string, Readonly<Record<string, string>>>;

const MEMBER_TYPES = new Set(['Program', 'Outcome', 'Metric', 'Skill', 'Behavior', 'Objective', 'Toolkit', 'Actuals']);

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

/**
 * The attributes written in a declaration's block, by keyword; undefined
 * when it has none. One-value attributes are the nodes of `attributes`;
 * lists (`stakeholders "A", "B"`) are read from the declaration's own syntax,
 * split where a keyword of the declaration's rule starts one.
 */
export function declarationAttributes(owner: AstNode): Record<string, string> | undefined {
    if (!owner.$cstNode) return undefined;
    const parts = (owner as AstNode & { attributes?: unknown }).attributes;
    const attributeNodes = new Set(Array.isArray(parts) ? parts as AstNode[] : []);
    const groups: CstNode[][] = [...attributeNodes].map(a => a.$cstNode ? CstUtils.flattenCst(a.$cstNode).filter(l => !l.hidden).toArray() : []);
    // Each `isolate K by ...` of a program is one attribute, keyed by its KPI as written: `isolate Churn`: `by trend`.
    const isolations = isProgram(owner) ? owner.isolations : [];
    let inBlock = false;
    for (const leaf of ownLeaves(owner.$cstNode, owner, new Set([...attributeNodes, ...isolations]), [])) {
        if (isPunctuation(leaf, '{')) inBlock = true;
        else if (!inBlock || isPunctuation(leaf, '}')) continue;
        else if (startsList(leaf)) groups.push([leaf]);
        else groups.at(-1)?.push(leaf);
    }
    const references = referenceRanges(owner);
    const isReference = (leaf: CstNode) => references.some(([start, end]) => leaf.offset >= start && leaf.offset < end);
    const attributes: Record<string, string> = {};
    for (const group of groups.filter(g => g.length > 0)) {
        const words = group[1] && isPunctuation(group[1], 'by') ? 2 : 1;
        const rest = group.slice(words);
        if (rest.length > 0 && rest.every(leaf => leaf.text === ',' || isReference(leaf))) continue;
        const key = group.slice(0, words).map(l => l.text).join(' ');
        let unique = key;
        for (let n = 2; unique in attributes; n++) unique = `${key} (${n})`;
        attributes[unique] = joinTokens(rest);
    }
    for (const isolate of isolations) {
        const leaves = isolate.$cstNode ? CstUtils.flattenCst(isolate.$cstNode).filter(l => !l.hidden).toArray() : [];
        const kpi = isolate.metric?.$refText;
        const by = leaves.findIndex(l => isPunctuation(l, 'by'));
        if (!kpi || by < 0) continue;
        let unique = `isolate ${kpi}`;
        for (let n = 2; unique in attributes; n++) unique = `isolate ${kpi} (${n})`;
        attributes[unique] = joinTokens(leaves.slice(by));
    }
    return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/** The leaves of `owner`'s own syntax: attribute nodes, nested declarations and actuals blocks (a program's members) and comments are skipped. */
function ownLeaves(cst: CstNode, owner: AstNode, attributeNodes: ReadonlySet<AstNode>, leaves: CstNode[]): CstNode[] {
    if (!isCompositeCstNode(cst)) {
        if (!cst.hidden) leaves.push(cst);
        return leaves;
    }
    for (const child of cst.content) {
        const ast = child.astNode;
        if (ast !== owner && (attributeNodes.has(ast) || (MEMBER_TYPES.has(ast.$type) && ast.$container === owner))) continue;
        ownLeaves(child, owner, attributeNodes, leaves);
    }
    return leaves;
}

function isPunctuation(leaf: CstNode, text: string): boolean {
    return leaf.text === text && GrammarAST.isKeyword(leaf.grammarSource);
}

/** Per keyword of the grammar: does it start a list attribute (a keyword of a parser rule, not of a name or value)? */
const listStarts = new WeakMap<GrammarAST.Keyword, boolean>();

function startsList(leaf: CstNode): boolean {
    const keyword = leaf.grammarSource;
    if (!GrammarAST.isKeyword(keyword) || [',', 'by', '.'].includes(keyword.value)) return false;
    let starts = listStarts.get(keyword);
    if (starts === undefined) {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        starts = rule !== undefined && !GrammarUtils.isDataTypeRule(rule);
        listStarts.set(keyword, starts);
    }
    return starts;
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
