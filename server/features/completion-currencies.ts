import type { AstNode, CstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { isCost, isMetric, isMoneyValue, isProgram, isUnit, type Cost, type MoneyValue, type Unit } from '../../language/generated/ast.js';
import { attribute } from '../../language/attributes.js';

/** A currency code to offer, and whether the workspace uses it already. */
export interface CurrencyChoice {
    readonly code: string;
    readonly used: boolean;
}

/**
 * The ISO 4217 codes the runtime knows (`Intl`), or none where it lists
 * none: the language takes any name as a currency code (`45000 USD`), and
 * nothing converts between them.
 */
function isoCodes(): readonly string[] {
    return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
}

/**
 * The attribute (`cost`, `value`, `unit currency`) whose currency is the
 * word at `offset` in a document's syntax tree, the cursor at its start,
 * inside or at its end (`cost 100 US|`): the code being typed.
 */
export function currencyAt(root: CstNode | undefined, offset: number): Cost | MoneyValue | Unit | undefined {
    if (!root) return undefined;
    for (const at of [offset, offset - 1]) {
        const leaf = at >= 0 ? CstUtils.findLeafNodeAtOffset(root, at) : undefined;
        const node = leaf?.astNode;
        if (leaf && (isCost(node) || isMoneyValue(node) || isUnit(node))
            && AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment)?.feature === 'currency') return node;
    }
    return undefined;
}

/**
 * How many times each currency is written in the workspace and its
 * catalogs: `value`, `unit currency` and `cost`; not `atCursor`, the
 * attribute whose code is being typed (the graph is built from the text
 * as it is, the word at the cursor included).
 */
function usedCurrencies(index: GraphIndex | undefined, atCursor: AstNode | undefined): Map<string, number> {
    const counts = new Map<string, number>();
    const count = (code: string | undefined): void => { if (code) counts.set(code, (counts.get(code) ?? 0) + 1); };
    for (const node of index?.graph.nodes ?? []) {
        const ast = index?.astOf(node.id);
        const metric = isMetric(ast) ? ast : undefined;
        const typed = (written: AstNode | undefined): boolean => atCursor !== undefined && written === atCursor;
        if (!typed(metric && attribute(metric, 'MoneyValue'))) count(node.metric?.value?.currency);
        const unit = node.metric?.unit;
        if (unit?.startsWith('currency ') && !typed(metric && attribute(metric, 'Unit'))) count(unit.slice('currency '.length));
        const cost = isProgram(ast) ? attribute(ast, 'Cost') : undefined;
        if (!typed(cost)) count(cost?.currency);
    }
    return counts;
}

/**
 * The currency codes to offer after an amount in `cost` and `value`, and
 * after `unit currency`: those the workspace writes (elsewhere than in
 * `atCursor`, the attribute whose code is being typed), most used first,
 * then every other ISO 4217 code in alphabetical order.
 */
export function currencyChoices(index: GraphIndex | undefined, atCursor?: AstNode): CurrencyChoice[] {
    const used = [...usedCurrencies(index, atCursor)].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).map(([code]) => code);
    const taken = new Set(used);
    return [...used.map(code => ({ code, used: true })), ...isoCodes().filter(c => !taken.has(c)).map(code => ({ code, used: false }))];
}
