import type { AstNode } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import type { CompletionValueItem, NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { isActuals, type Actuals } from '../../language/generated/ast.js';
import { attribute } from '../../language/attributes.js';
import { lineStart } from '../../language/line-starts.js';
import { dayChoices, deadlineChoices, rowChoices, type DateChoice } from './completion-dates.js';
import { currencyChoices } from './completion-currencies.js';

/**
 * The literal a position takes, where the grammar has a terminal rather than
 * a keyword or a reference: a `by` deadline (any period), a full date
 * (`pilot ... from`, `window`, `since`), the period that starts an actuals
 * row, or a currency code (`cost`, `value`, `unit currency`).
 */
export type LiteralKind = 'deadline' | 'day' | 'row' | 'currency';

/** The literals that are dates or periods. */
export const isDateLiteral = (kind: LiteralKind | undefined): kind is 'deadline' | 'day' | 'row' =>
    kind === 'deadline' || kind === 'day' || kind === 'row';

/**
 * The date or period being written at `offset`, from its four-digit year
 * and dash on (`2026-`, `2026-1`, `2026-Q`, `2026-12-`, `2026-12-31`) to
 * the end of the word after the cursor: offsets of its start and end. The
 * lexer does not read a half-written one as one token (`2026-1` is two
 * numbers, `2026-12-` a month and a stray dash), so completion takes it
 * from its start, as a whole. Undefined where the word at the cursor is no
 * such run (`2026` alone is a number: Langium's own contexts hold it).
 */
export function dateBeingWritten(text: string, offset: number): { start: number; end: number } | undefined {
    const start = lineStart(text, offset);
    const before = /(?<![\w.-])\d{4}-[A-Za-z0-9-]*$/.exec(text.slice(start, offset));
    if (!before) return undefined;
    const after = /^[A-Za-z0-9-]*/.exec(text.slice(offset))![0];
    return { start: start + before.index, end: offset + after.length };
}

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
    /** What is written of the literal before the cursor: dates and periods are offered only where they start with it (`2026-1`). */
    readonly typed?: string;
    /** The attribute whose currency is the word at the cursor: not counted as written in the workspace. */
    readonly currencyAtCursor?: AstNode;
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
    const typed = sources.typed?.toUpperCase() ?? '';
    const written = (items: CompletionValueItem[]): CompletionValueItem[] => items.filter(i => (i.label ?? '').toUpperCase().startsWith(typed));
    switch (kind) {
        case 'deadline': return written(dates(deadlineChoices(sources.now)));
        case 'day': return written(dates(dayChoices(sources.now)));
        case 'row': return written(rowItems(AstUtils.getContainerOfType(node, isActuals)!, sources));
        case 'currency': return currencyChoices(sources.index, sources.currencyAtCursor).map(c => ({
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
