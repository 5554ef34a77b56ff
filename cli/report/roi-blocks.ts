/**
 * A program's return on investment in the report: Phillips ROI and BCR (or
 * the terms missing), then the attribution table: per KPI with `value` in
 * the chain, how the program isolates its change, the raw and attributed
 * change, what a unit of it is worth and the benefit; and under it the KPIs
 * whose change other programs count a benefit for too, so that a reader
 * adding up the programs' benefits does not count one change several times.
 */
import type { GraphNode, KpiAttribution, RoiFigures } from '../../language/graph/types.js';
import { attributedBenefitText, isolationText, MISSING, roiWords, valuePerUnitText } from '../../language/present/index.js';
import { computedChangeText } from '../../language/render/index.js';
import { withCode, type Block, type Inline } from './blocks.js';
import { joinSpans, nameCell, type Context } from './report-context.js';

/** The ROI sentence, the attribution table and the shared changes of a program. */
export function attributionBlocks(program: GraphNode, roi: RoiFigures, ctx: Context): Block[] {
    const blocks: Block[] = [{ type: 'paragraph', text: roiText(roi) }];
    const rows = roi.attribution ?? [];
    if (rows.length === 0) return blocks;
    const shared = new Map(rows.map(a => [a, alsoCountedBy(program, a, ctx)]));
    blocks.push({
        type: 'table',
        columns: [
            { label: 'KPI', align: 'left' }, { label: 'Method', align: 'left' }, { label: 'Raw change', align: 'right' },
            { label: 'Attributed change', align: 'right' }, { label: 'Value', align: 'right' }, { label: 'Benefit', align: 'right' }
        ],
        rows: rows.map(a => {
            const kpi = ctx.index.node(a.metric);
            const m = kpi?.metric;
            const method = isolationText(a, a.control ? ctx.index.node(a.control)?.name : undefined);
            return [
                kpi ? nameCell(kpi) : [{ code: a.metric }],
                [method],
                [{ value: a.rawChange === undefined ? MISSING : computedChangeText(a.rawChange, m?.unit) }],
                [{ value: a.attributedChange === undefined ? MISSING : computedChangeText(a.attributedChange, m?.unit) }],
                [{ value: valuePerUnitText(a, roi.currency, m?.value?.per, m?.unit) }],
                [{ value: attributedBenefitText(a, roi.currency) }, ...(shared.get(a)!.length > 0 ? [', shared'] : [])]
            ];
        })
    });
    const notes = rows.filter(a => shared.get(a)!.length > 0).map(a => sharedNote(a, shared.get(a)!, ctx));
    if (notes.length > 0) {
        blocks.push({ type: 'paragraph', text: [{ strong: 'Shared changes:' }, ' other programs count a benefit for the change of these KPIs too, in their ROI or (when it is not shown) in their table; do not add their benefits up.'] },
            { type: 'list', items: notes.map(text => ({ text })) });
    }
    return blocks;
}

/** `a`, `a and b`, `a, b and c`; items holding a `;` of their own are parted by `; ` so that they stay apart. */
function listSpans(items: readonly Inline[]): Inline {
    if (items.length <= 1) return items.flat();
    const own = items.some(item => item.some(span => typeof span === 'string' && span.includes(';')));
    return [...joinSpans(items.slice(0, -1), own ? '; ' : ', '), own ? '; and ' : ' and ', ...items.at(-1)!];
}

function roiText(roi: RoiFigures): Inline {
    const words = roiWords(roi);
    if (!words) {
        const missing = roi.missing.length > 0 ? roi.missing : ['the benefit'];
        return ['ROI not shown: it needs ', ...listSpans(missing.map(withCode)), '.'];
    }
    const raw = roi.rawBenefit !== undefined && roi.rawBenefit !== roi.benefit
        ? roiWords({ ...roi, roiPercent: roi.rawRoiPercent, bcr: roi.rawBcr, benefit: roi.rawBenefit }) : undefined;
    return [
        { strong: words.roi }, ' · ', { strong: words.bcr },
        ' (Phillips: attributed benefit ', { value: words.benefit }, ', cost ', { value: words.cost }, '; ROI = (benefit − cost) / cost, BCR = benefit / cost).',
        ...(raw ? [` Counting every KPI's whole change as the program's would give ${raw.roi} · ${raw.bcr} (benefit `, { value: raw.benefit }, ').'] : [])
    ];
}

/** A change of a KPI: money whole (as every amount the report computes), other units as the charts print them. */

/** Whether a program counts a benefit for this KPI's change. */
function counts(a: KpiAttribution): boolean {
    return a.benefit !== undefined && a.benefit > 0;
}

/**
 * The other programs that count a benefit for the change of the KPI that
 * this one counts, in the report's order: in their ROI, or (no `cost` yet,
 * another term missing) in their table alone. Either way both claim the
 * change, and adding their benefits up would count it twice.
 */
function alsoCountedBy(program: GraphNode, a: KpiAttribution, ctx: Context): GraphNode[] {
    if (!counts(a)) return [];
    return ctx.index.graph.nodes.filter(p => p.kind === 'program' && p.id !== program.id
        && (p.programFigures?.roi.attribution ?? []).some(other => other.metric === a.metric && counts(other)));
}

/** `Monthly logo churn (ChurnRate): also counted by ...; isolate it ...`. */
function sharedNote(a: KpiAttribution, others: readonly GraphNode[], ctx: Context): Inline {
    const kpi = ctx.index.node(a.metric);
    const by = joinSpans(others.map(p => [{ ref: ctx.programIds.get(p.id) ?? '', text: nameCell(p) }]));
    const name = kpi?.name ?? a.metric;
    const advice: Inline = a.method === 'none'
        ? ['; this program counts all of it: isolate it (', { code: `isolate ${name} by trend` }, ', ', { code: 'control-group' }, ' or ', { code: 'estimate' }, ') so that each program counts its part.']
        : ['; add the benefits only if the programs\' isolated parts do not overlap.'];
    return [...(kpi ? nameCell(kpi) : [{ code: a.metric }]), ': also counted by ', ...by, ...advice];
}
