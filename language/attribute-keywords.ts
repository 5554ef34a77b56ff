/**
 * The keywords that start an attribute of a declaration's block (`owner`,
 * `target`, `measured`...): what the duplicate-attribute check and the
 * graph's attribute texts split a block at.
 */
import type { CstNode } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';

const ATTRIBUTE_KEYWORDS: ReadonlySet<string> = new Set([
    'sponsor', 'owner', 'stakeholders', 'serves', 'pilot', 'window', 'review', 'phase', 'cost',
    'measured', 'kind', 'unit', 'direction', 'baseline', 'target', 'source', 'cadence', 'drives', 'value',
    'assessed', 'enabled', 'moves', 'observed', 'actor', 'builds', 'kpi', 'practice',
    'for', 'talk-track', 'rubric', 'checklist', 'micro-challenge', 'dashboard'
]);

const dataTypeRules = new WeakMap<GrammarAST.ParserRule, boolean>();

/** True for a keyword leaf that starts an attribute; keywords used as names or values (data type rules) are not. */
export function isAttributeKeyword(leaf: CstNode): boolean {
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
