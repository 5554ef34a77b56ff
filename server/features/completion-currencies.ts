import type { GraphIndex } from '../../language/graph/build-graph.js';
import { isProgram } from '../../language/generated/ast.js';
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

/** How many times each currency is written in the workspace and its catalogs: `value`, `unit currency` and `cost`. */
function usedCurrencies(index: GraphIndex | undefined): Map<string, number> {
    const counts = new Map<string, number>();
    const count = (code: string | undefined): void => { if (code) counts.set(code, (counts.get(code) ?? 0) + 1); };
    for (const node of index?.graph.nodes ?? []) {
        count(node.metric?.value?.currency);
        const unit = node.metric?.unit;
        if (unit?.startsWith('currency ')) count(unit.slice('currency '.length));
        const program = node.kind === 'program' ? index?.astOf(node.id) : undefined;
        if (isProgram(program)) count(attribute(program, 'Cost')?.currency);
    }
    return counts;
}

/**
 * The currency codes to offer after an amount in `cost` and `value`, and
 * after `unit currency`: those the workspace writes, most used first, then
 * every other ISO 4217 code in alphabetical order.
 */
export function currencyChoices(index: GraphIndex | undefined): CurrencyChoice[] {
    const used = [...usedCurrencies(index)].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).map(([code]) => code);
    const taken = new Set(used);
    return [...used.map(code => ({ code, used: true })), ...isoCodes().filter(c => !taken.has(c)).map(code => ({ code, used: false }))];
}
