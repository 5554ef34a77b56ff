import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { GraphNode, KpiAttribution, RoiFigures } from '../../language/graph/types.js';
import { attributedBenefitText, attributionMoney, bcrWords, formatAmount, isolationText, roiWords } from '../../language/present/index.js';
import { bullets } from './hover-format.js';
import { computedChangeText } from '../../language/render/index.js';
import { isControlGroup, type Isolate, type Program } from '../../language/generated/ast.js';

/**
 * `ROI 27% · BCR 1.27 (attributed benefit 57000 USD, cost 45000 USD) · raw ROI 60% · BCR 1.6 (benefit 72000 USD)`,
 * or what is missing for it.
 */
export function roiLine(roi: RoiFigures): string {
    const words = roiWords(roi);
    if (!words) return `ROI not shown, missing: ${roi.missing.join('; ') || 'the program\'s `cost`'}`;
    const attributed = `${words.roi} · ${words.bcr} (attributed benefit ${words.benefit}, cost ${words.cost})`;
    if (roi.rawBenefit === undefined || roi.rawBenefit === roi.benefit) return attributed;
    const raw = roiWords({ ...roi, roiPercent: roi.rawRoiPercent, bcr: roi.rawBcr, benefit: roi.rawBenefit });
    return raw ? `${attributed} · raw ${raw.roi} · ${raw.bcr} (benefit ${raw.benefit})` : attributed;
}

/**
 * `by control group ChurnRateControl`, `by trend`, `by estimate 60%, confidence 80%`, `not isolated`:
 * the words of the report and the preview (`isolationText`). An unresolved control group is named as written.
 */
function methodText(index: GraphIndex, a: KpiAttribution, written?: Isolate): string {
    if (a.method === 'none') return isolationText(a);
    const method = written?.method;
    const control = a.control ? index.node(a.control)?.name ?? a.control : isControlGroup(method) ? method.control?.$refText || undefined : undefined;
    return `by ${isolationText({ ...a, control }, control)}`;
}

/** The `isolate` of a program for a KPI, as written. */
export function isolateOf(index: GraphIndex, program: Program | undefined, kpiId: string): Isolate | undefined {
    return program?.isolations.find(i => index.nodeOf(i.metric?.ref)?.id === kpiId);
}

/**
 * One KPI's attribution:
 * `ChurnRate by trend: change −3 points raw → −2.1 points attributed (trend projects 11.1%) · benefit 37800 USD`
 * (a change of a percent KPI in points, as the report and the preview write it).
 */
export function attributionLine(index: GraphIndex, roi: RoiFigures, a: KpiAttribution, written?: Isolate): string {
    const kpi = index.node(a.metric);
    const unit = kpi?.metric?.unit;
    const signed = (v: number) => computedChangeText(v, unit);
    const change = a.rawChange === undefined ? 'no change known'
        : a.method === 'none' ? `change ${signed(a.rawChange)}, all of it counted as the program's`
        : a.attributedChange === undefined ? `change ${signed(a.rawChange)} (raw), attributed unknown`
        : `change ${signed(a.rawChange)} raw → ${signed(a.attributedChange)} attributed`;
    // A projection is computed: money in whole units, as the report writes it.
    const detail = a.projected !== undefined ? ` (trend projects ${formatAmount(a.projected, unit, unit?.startsWith('currency ') ? 0 : 2)})`
        : a.controlChange !== undefined ? ` (control group ${signed(a.controlChange)})` : '';
    // In the KPI's own currency: a value in EUR is not converted to a cost in USD (the ROI is missing then).
    const benefit = a.benefit !== undefined ? ` · benefit ${attributedBenefitText(a, roi.currency)}` : '';
    return `${kpi?.name ?? a.metric} ${methodText(index, a, written)}: ${change}${detail}${benefit}`;
}

/** The attribution section of a program's hover: one line per KPI with `value`. */
export function attributionSection(index: GraphIndex, program: GraphNode, ast?: Program): string | undefined {
    const roi = program.programFigures?.roi;
    const lines = (roi?.attribution ?? []).map(a => attributionLine(index, roi!, a, isolateOf(index, ast, a.metric)));
    return lines.length > 0 ? `**Attribution** (Phillips: only the program's part of each change counts)\n${bullets(lines)}` : undefined;
}

/** Hover of an `isolate` statement: the KPI's attribution in that program. */
export function isolateHover(index: GraphIndex, program: GraphNode, kpi: GraphNode, written?: Isolate): string {
    const roi = program.programFigures?.roi;
    const a = roi?.attribution?.find(x => x.metric === kpi.id);
    const head = `**isolate** \`${kpi.qualifiedName}\` in program \`${program.name}\``;
    if (!roi || !a) return `${head}\n\n'${kpi.name}' has no \`value\` in the chain of '${program.name}': nothing to attribute.`;
    const missing = a.missing.length > 0 ? `\n\nMissing: ${a.missing.join('; ')}` : '';
    return `${head}\n\n${attributionLine(index, roi, a, written)}${missing}`;
}

/** Code lens title of a program with a known ROI: `ROI 27% · BCR 1.27 (raw ROI 60%)`. */
export function roiLensTitle(roi: RoiFigures | undefined): string | undefined {
    if (!roi || roi.missing.length > 0 || roi.roiPercent === undefined || roi.bcr === undefined) return undefined;
    const words = roiWords(roi);
    if (!words) return undefined;
    // Whole percent from the rounded BCR, as the hover and the report write it (docs/figures.md).
    const raw = roi.rawBcr !== undefined && roi.rawBenefit !== roi.benefit ? ` (raw ${bcrWords(roi.rawBcr).roi})` : '';
    return `${words.roi} · ${words.bcr}${raw}`;
}

/**
 * Code lens title of an `isolate`: `attributed +9.6 points of +20 points · benefit 9600 USD`, or the
 * first term the attribution misses (`attribution unknown: missing an actual of Sales`);
 * the hover on `isolate` lists them all.
 */
export function isolateLensTitle(index: GraphIndex, roi: RoiFigures, a: KpiAttribution): string {
    const unit = index.node(a.metric)?.metric?.unit;
    const signed = (v: number) => computedChangeText(v, unit);
    if (a.rawChange === undefined || a.attributedChange === undefined) {
        const first = a.missing[0]?.replace(/ \(.*$/, '').replace(/`/g, '');
        if (!first) return 'attribution unknown: see the hover on isolate';
        return `attribution unknown: missing ${first}${a.missing.length > 1 ? ` (+${a.missing.length - 1} more)` : ''}`;
    }
    return `attributed ${signed(a.attributedChange)} of ${signed(a.rawChange)}${a.benefit !== undefined ? ` · benefit ${attributionMoney(a.benefit, a, roi.currency)}` : ''}`;
}
