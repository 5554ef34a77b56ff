import type { AstNode } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import type { CompletionValueItem, NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { isActuals, type Actuals } from '../../language/generated/ast.js';
import { attribute } from '../../language/attributes.js';
import { dayChoices, deadlineChoices, rowChoices, type DateChoice } from './completion-dates.js';
import { currencyChoices } from './completion-currencies.js';

/**
 * The literal a position takes, where the grammar has a terminal rather than
 * a keyword or a reference: a `by` deadline (any period), a full date
 * (`pilot ... from`, `window`, `since`), the period that starts an actuals
 * row, or a currency code (`cost`, `value`, `unit currency`).
 */
export type LiteralKind = 'deadline' | 'day' | 'row' | 'currency';

/** The literal `next` stands for, if it is one Align offers values for. */
export function literalKind(next: NextFeature, node: AstNode | undefined): LiteralKind | undefined {
    const feature = next.feature;
    if (!GrammarAST.isRuleCall(feature)) return undefined;
    const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name;
    if (rule === 'Period') return node && AstUtils.getContainerOfType(node, isActuals) ? 'row' : 'deadline';
    const terminal = feature.rule.ref?.name;
    if (terminal === 'DATE') return 'day';
    if (terminal === 'ID' && AstUtils.getContainerOfType(feature, GrammarAST.isAssignment)?.feature === 'currency') return 'currency';
    return undefined;
}

/** What the value items need besides the position: the clock, the graph, and whether the client takes snippets. */
export interface ValueSources {
    readonly now: Date;
    /** The cursor's offset: the rows before it count. */
    readonly offset: number;
    readonly index: GraphIndex | undefined;
    readonly snippets: boolean;
}

/**
 * The items for a literal, as plain values with what each one is in
 * `detail`. Sort texts: the workspace's currencies before the keywords
 * (sort text `1`), the other codes after them; dates in the order given.
 */
export function valueItems(kind: LiteralKind, node: AstNode | undefined, sources: ValueSources): CompletionValueItem[] {
    const dates = (choices: readonly DateChoice[]): CompletionValueItem[] => choices.map((c, i) => ({
        label: c.text, kind: CompletionItemKind.Value, detail: c.detail, sortText: `0${String(i).padStart(2, '0')}`
    }));
    switch (kind) {
        case 'deadline': return dates(deadlineChoices(sources.now));
        case 'day': return dates(dayChoices(sources.now));
        case 'row': return rowItems(AstUtils.getContainerOfType(node, isActuals)!, sources);
        case 'currency': return currencyChoices(sources.index).map(c => ({
            label: c.code, kind: CompletionItemKind.EnumMember,
            detail: c.used ? 'currency code, used in this workspace' : 'currency code (ISO 4217)',
            sortText: c.used ? `0${c.code}` : `2${c.code}`
        }));
    }
}

/** A new row of an actuals block: its period for the metric's cadence, then `: value`. */
function rowItems(actuals: Actuals, sources: ValueSources): CompletionValueItem[] {
    const metric = actuals.metric?.ref;
    const cadence = metric ? attribute(metric, 'MetricCadence')?.value : undefined;
    const before = actuals.rows.filter(r => r.$cstNode && r.$cstNode.end <= sources.offset && r.period);
    return rowChoices(sources.now, cadence, before.at(-1)?.period).map((c, i) => ({
        label: c.text,
        kind: CompletionItemKind.Value,
        detail: `${c.detail}${cadence ? ` (cadence ${cadence})` : ''}: row \`${c.text}: value\``,
        insertText: sources.snippets ? `${c.text}: \${1:value}` : `${c.text}: `,
        insertTextFormat: sources.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        sortText: `0${String(i).padStart(2, '0')}`
    }));
}
