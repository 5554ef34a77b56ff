import type { AstNode, CstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode } from 'langium';
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

/** Words that start a list attribute, written in the declaration's own block (`serves A, B`). */
const LIST_KEYWORDS = new Set(['stakeholders', 'serves', 'measured', 'drives', 'enabled', 'moves', 'builds', 'kpi', 'for']);

/** `syntax`: an attribute written twice in one declaration's block. */
export function checkDuplicateAttributes(node: Declaration | Program, { report }: RuleContext): void {
    if (!node.$cstNode) return;
    const firstKeywords = node.attributes.map(a => a.$cstNode && CstUtils.flattenCst(a.$cstNode).find(leaf => !leaf.hidden));
    const starts = [...listKeywords(node.$cstNode, node), ...firstKeywords]
        .filter((leaf): leaf is CstNode => leaf !== undefined)
        .sort((a, b) => a.offset - b.offset);
    const seen = new Set<string>();
    for (const leaf of starts) {
        if (seen.has(leaf.text)) {
            report('syntax', `'${node.name}' gives \`${leaf.text}\` twice. Give each attribute once (list several values with commas).`,
                { node, range: leaf.range });
        }
        seen.add(leaf.text);
    }
}

/**
 * The keywords that start `owner`'s list attributes, in its own syntax
 * (not its attribute nodes', not its members'); keywords used as names
 * (data type rules such as `Name`) do not count.
 */
function* listKeywords(cst: CstNode, owner: AstNode): Generator<CstNode> {
    if (!isCompositeCstNode(cst)) return;
    for (const child of cst.content) {
        if (isLeafCstNode(child)) {
            if (isListKeyword(child)) yield child;
        } else if (child.astNode === owner) {
            yield* listKeywords(child, owner);
        }
    }
}

const dataTypeRules = new WeakMap<GrammarAST.ParserRule, boolean>();

function isListKeyword(leaf: CstNode): boolean {
    if (!GrammarAST.isKeyword(leaf.grammarSource) || !LIST_KEYWORDS.has(leaf.text)) return false;
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
