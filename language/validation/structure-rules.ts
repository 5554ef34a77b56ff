import type { AstNode, CstNode } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode } from 'langium';
import type { Declaration, Program } from '../generated/ast.js';
import { parsePeriod } from '../dates.js';
import type { LocalRuleContext, RuleContext } from './rule-context.js';

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
export function checkDuplicateAttributes(node: Declaration | Program, { report }: LocalRuleContext): void {
    if (!node.$cstNode) return;
    const seen = new Set<string>();
    const leaves: CstNode[] = [];
    attributeKeywords(node.$cstNode, node, leaves);
    for (const leaf of leaves) {
        if (seen.has(leaf.text)) {
            report('syntax', `'${node.name}' gives \`${leaf.text}\` twice. Give each attribute once (list several values with commas).`,
                { node, range: leaf.range });
        }
        seen.add(leaf.text);
    }
}

/**
 * The keywords that start `owner`'s attributes: those written in its block,
 * and the first keyword of each attribute node (`target`, `pilot`...).
 * Walks only `owner`'s own syntax, not its members'; keywords used as names
 * (data type rules such as `Name`) do not count.
 */
function attributeKeywords(cst: CstNode, owner: AstNode, into: CstNode[]): void {
    if (!isCompositeCstNode(cst)) return;
    for (const child of cst.content) {
        if (isLeafCstNode(child)) {
            if (isAttributeKeyword(child)) into.push(child);
        } else if (child.astNode === owner) {
            attributeKeywords(child, owner, into);
        } else if (isCompositeCstNode(child) && child.astNode.$container === owner) {
            const first = child.content[0];
            if (first && isLeafCstNode(first) && isAttributeKeyword(first)) into.push(first);
        }
    }
}

/** Whether each keyword of the grammar starts an attribute (asked once per keyword, not per use). */
const attributeKeywordOf = new WeakMap<GrammarAST.Keyword, boolean>();

function isAttributeKeyword(leaf: CstNode): boolean {
    const keyword = leaf.grammarSource;
    if (!GrammarAST.isKeyword(keyword)) return false;
    let starts = attributeKeywordOf.get(keyword);
    if (starts === undefined) {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        starts = ATTRIBUTE_KEYWORDS.has(keyword.value) && rule !== undefined && !GrammarUtils.isDataTypeRule(rule);
        attributeKeywordOf.set(keyword, starts);
    }
    return starts;
}

/** `syntax`: dates that are not real calendar dates, and durations that are not whole positive numbers. */
export function checkLiterals(node: AstNode, { report }: LocalRuleContext): void {
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
