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

/** Per keyword of the grammar: does it start an attribute? (Computed once per keyword, not per leaf.) */
const startsAttribute = new WeakMap<GrammarAST.Keyword, boolean>();

/** True for a keyword leaf that starts an attribute; keywords used as names or values (data type rules) are not. */
export function isAttributeKeyword(leaf: CstNode): boolean {
    const keyword = leaf.grammarSource;
    if (!GrammarAST.isKeyword(keyword)) return false;
    let starts = startsAttribute.get(keyword);
    if (starts === undefined) {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        starts = ATTRIBUTE_KEYWORDS.has(keyword.value) && rule !== undefined && !GrammarUtils.isDataTypeRule(rule);
        startsAttribute.set(keyword, starts);
    }
    return starts;
}
