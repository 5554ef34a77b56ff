/**
 * The message key of a finding: what in its element the finding is about,
 * never where it is written. Derived from the syntax the finding marks:
 *
 * - the element's name, or the element as a whole: `` (empty);
 * - a reference: the property and the model path of its target
 *   (`kpis ChurnPilot.RepeatContactRate`), or its text when unresolved;
 * - a keyword of the element's own syntax (an attribute given twice): the keyword (`owner`);
 * - another property of the element: the property (`file`);
 * - a part of the element (`target ...`, `pilot ...`): the part's first
 *   keyword and the properties down to the marked one (`target deadline`);
 *   an actuals row: `row 2026-03`;
 * - a syntax error of the parser: its message; an unresolved reference: the property and the text;
 * - a key the diagnostic gives (`data.key`): that key.
 *
 * So reordering, reformatting and moving declarations keep the key; two
 * findings of one rule on different references of one element differ.
 */
import type { AstNode, CstNode, Reference } from 'langium';
import { CstUtils, DocumentValidator, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, isReference } from 'langium';
import { isActualRow } from '../generated/ast.js';
import { modelPathOf, owningElement } from './model-path.js';

/** Rules whose findings are about their element as a whole, whatever part they mark (the latest actual moves every month). */
const WHOLE_ELEMENT_RULES: ReadonlySet<string> = new Set(['actuals-off-track']);

/** What the key needs of a diagnostic: its message and Langium's data (`code`, and `property`/`refText` of linking errors). */
export interface KeyedDiagnostic {
    readonly message: string;
    readonly data?: unknown;
}

/** The message key of a finding of `rule` that starts at `leaf` (see the module comment). */
export function messageKey(leaf: CstNode | undefined, rule: string, diagnostic: KeyedDiagnostic): string {
    const data = (diagnostic.data ?? {}) as { code?: unknown; property?: unknown; refText?: unknown; key?: unknown };
    if (typeof data.key === 'string') return data.key; // given by the finding (a suppression comment's unknown rule id)
    if (data.code === DocumentValidator.LinkingError) return [data.property, data.refText].filter(p => typeof p === 'string').join(' ');
    if (data.code === DocumentValidator.ParsingError || data.code === DocumentValidator.LexingError || !leaf) return normalized(diagnostic.message);
    if (WHOLE_ELEMENT_RULES.has(rule)) return '';
    const element = owningElement(leaf.astNode);
    return element ? partKey(leaf, element) : normalized(diagnostic.message);
}

function partKey(leaf: CstNode, element: AstNode): string {
    const holder = leaf.astNode;
    const assignment = GrammarUtils.findAssignment(leaf);
    if (assignment && GrammarAST.isCrossReference(assignment.terminal)) {
        const target = referenceAt(holder, assignment.feature, leaf.offset);
        if (target !== undefined) return `${assignment.feature} ${target}`;
    }
    if (holder === element) {
        if (!assignment) return leaf.text;
        return assignment.feature === 'name' ? '' : assignment.feature;
    }
    const part = partOf(holder, element);
    if (isActualRow(part)) return `row ${part.period ?? ''}`.trim();
    const features: string[] = [];
    for (let n: AstNode = holder; n !== part && n.$containerProperty; n = n.$container!) features.unshift(n.$containerProperty);
    if (assignment) features.push(assignment.feature);
    return [firstKeyword(part) ?? part.$type, ...features].join(' ');
}

/** The child of `element` that holds `node`. */
function partOf(node: AstNode, element: AstNode): AstNode {
    let part = node;
    while (part.$container && part.$container !== element) part = part.$container;
    return part;
}

/** The model path (or the text) of the reference of `holder[feature]` written at `offset`. */
function referenceAt(holder: AstNode, feature: string, offset: number): string | undefined {
    const value = (holder as unknown as Record<string, unknown>)[feature];
    const refs = (Array.isArray(value) ? value : [value]).filter((r): r is Reference => isReference(r));
    const ref = refs.find(r => r.$refNode && r.$refNode.offset <= offset && offset < r.$refNode.end);
    if (!ref) return undefined;
    return (ref.ref ? modelPathOf(ref.ref) : undefined) ?? ref.$refText;
}

function firstKeyword(node: AstNode): string | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const leaves = isCompositeCstNode(cst) ? CstUtils.flattenCst(cst) : [cst];
    for (const leaf of leaves) {
        if (isLeafCstNode(leaf) && !leaf.hidden) return GrammarAST.isKeyword(leaf.grammarSource) ? leaf.text : undefined;
    }
    return undefined;
}

function normalized(message: string): string {
    return message.replace(/\s+/g, ' ').trim();
}
