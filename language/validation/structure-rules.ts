import type { AstNode, CstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode } from 'langium';
import type { Declaration, Program } from '../generated/ast.js';
import { parsePeriod } from '../dates.js';
import type { RuleContext } from './rule-context.js';

/** `duplicate-name`: marks each declaration whose name is taken again in its scope. */
export function checkDuplicateName(node: Declaration | Program, { graph, report }: RuleContext): void {
    const others = graph.duplicates.get(node);
    if (!others || others.length === 0) return;
    const where = others.map(o => graph.nodeOf(o)).filter(n => n !== undefined)
        .map(n => `${n.uri.split('/').pop()}:${n.nameRange.start.line + 1}`).join(', ');
    report('duplicate-name', `'${node.name}' is declared more than once in the same scope (also at ${where}). Rename one of them.`,
        { node, property: 'name' });
}

/** Words that start an attribute: an attribute given twice in one block is a syntax error. */
const ATTRIBUTE_KEYWORDS = new Set([
    'sponsor', 'owner', 'stakeholders', 'serves', 'pilot', 'window', 'review', 'phase', 'cost',
    'measured', 'kind', 'unit', 'direction', 'baseline', 'target', 'source', 'cadence', 'drives', 'value',
    'assessed', 'enabled', 'moves', 'observed', 'actor', 'builds', 'kpi', 'practice',
    'for', 'talk-track', 'rubric', 'checklist', 'micro-challenge', 'dashboard'
]);

/** `syntax`: an attribute written twice in one declaration's block. */
export function checkDuplicateAttributes(node: Declaration | Program, { report }: RuleContext): void {
    const seen = new Set<string>();
    for (const leaf of CstUtils.streamCst(node.$cstNode!)) {
        const word = attributeWord(leaf, node);
        if (!word) continue;
        if (seen.has(word)) {
            report('syntax', `'${node.name}' gives \`${word}\` twice. Give each attribute once (list several values with commas).`,
                { node, range: leaf.range });
        }
        seen.add(word);
    }
}

/**
 * The attribute a CST leaf starts, if it is the keyword of one of `owner`'s
 * attributes: written in the block itself, or first in an attribute node
 * (`target`, `pilot`...). Keywords used as names (datatype rules) do not count.
 */
function attributeWord(leaf: CstNode, owner: AstNode): string | undefined {
    if (!isLeafCstNode(leaf) || !GrammarAST.isKeyword(leaf.grammarSource) || !ATTRIBUTE_KEYWORDS.has(leaf.text)) return undefined;
    const rule = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule);
    if (!rule || GrammarUtils.isDataTypeRule(rule)) return undefined;
    const holder = leaf.astNode;
    if (holder === owner) return leaf.text;
    return holder.$container === owner && holder.$cstNode && firstLeaf(holder.$cstNode) === leaf ? leaf.text : undefined;
}

function firstLeaf(cst: CstNode): CstNode | undefined {
    for (const node of CstUtils.streamCst(cst)) if (isLeafCstNode(node)) return node;
    return undefined;
}

/** `syntax`: dates that are not real calendar dates, and durations that are not whole positive numbers. */
export function checkLiterals(node: AstNode, { report }: RuleContext): void {
    for (const property of ['deadline', 'start', 'end', 'period'] as const) {
        const text = (node as unknown as Record<string, unknown>)[property];
        if (typeof text === 'string' && !parsePeriod(text)) {
            report('syntax', `\`${text}\` is not a real date: use YYYY-MM-DD, YYYY-MM, YYYY-Qn (1-4) or YYYY-Hn (1-2).`, { node, property });
        }
    }
    if (node.$type === 'Duration') {
        const amount = (node as unknown as { amount?: number }).amount;
        if (amount !== undefined && (!Number.isInteger(amount) || amount <= 0)) {
            report('syntax', `A duration must be a whole number of days, weeks or months greater than 0, not ${amount}.`, { node, property: 'amount' });
        }
    }
}
