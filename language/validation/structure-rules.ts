import type { AstNode, CstNode } from 'langium';
import { GrammarAST, isCompositeCstNode, isLeafCstNode } from 'langium';
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
    for (const child of (isCompositeCstNode(node.$cstNode) ? node.$cstNode.content : [])) {
        const word = attributeWord(child, node);
        if (!word) continue;
        if (seen.has(word)) {
            report('syntax', `'${node.name}' gives \`${word}\` twice. Give each attribute once (list several values with commas).`,
                { node, range: child.range });
        }
        seen.add(word);
    }
}

/** The attribute keyword a direct child of the block starts with, if it starts an attribute. */
function attributeWord(child: CstNode, owner: AstNode): string | undefined {
    if (isLeafCstNode(child)) return GrammarAST.isKeyword(child.grammarSource) && ATTRIBUTE_KEYWORDS.has(child.text) ? child.text : undefined;
    if (child.astNode === owner || !isCompositeCstNode(child)) return undefined;
    const first = child.content[0];
    return first && isLeafCstNode(first) && GrammarAST.isKeyword(first.grammarSource) && ATTRIBUTE_KEYWORDS.has(first.text) ? first.text : undefined;
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
