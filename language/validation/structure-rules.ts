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
    for (const leaf of attributeKeywords(node.$cstNode, node)) {
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
function* attributeKeywords(cst: CstNode, owner: AstNode): Generator<CstNode> {
    if (!isCompositeCstNode(cst)) return;
    for (const child of cst.content) {
        if (isLeafCstNode(child)) {
            if (isAttributeKeyword(child)) yield child;
        } else if (child.astNode === owner) {
            yield* attributeKeywords(child, owner);
        } else if (isCompositeCstNode(child) && child.astNode.$container === owner) {
            const first = child.content[0];
            if (first && isLeafCstNode(first) && isAttributeKeyword(first)) yield first;
        }
    }
}

const dataTypeRules = new WeakMap<GrammarAST.ParserRule, boolean>();

function isAttributeKeyword(leaf: CstNode): boolean {
    if (!GrammarAST.isKeyword(leaf.grammarSource) || !ATTRIBUTE_KEYWORDS.has(leaf.text)) return false;
    const rule = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule);
    if (!rule) return false;
    let dataType = dataTypeRules.get(rule);
    if (dataType === undefined) {
        dataType = GrammarUtils.isDataTypeRule(rule);
        dataTypeRules.set(rule, dataType);
    }
    return !dataType;
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
