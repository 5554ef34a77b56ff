/**
 * Words for a chain diff, shared by the Markdown and text formats: the
 * one-line summary, one row per change, and the texts of field changes,
 * coverage and ROI.
 */
import type { ChainDiff, FieldChange, NodeRef, RoiSummary } from '../../language/diff/index.js';
import type { Coverage } from '../../language/graph/types.js';
import { bcrWords, coverageText as objectivesText, formatMoney, formatNumber, MISSING, plural } from '../../language/present/index.js';

/** One row of the table of changes. */
export interface ChangeRow {
    /** `added`, `removed`, `renamed`, `changed`, `lost KPI link`, `coverage`, `ROI`... */
    change: string;
    /** The element, or undefined for the workspace. */
    element?: NodeRef;
    /** For a renamed element: its old name. */
    from?: NodeRef;
    /** For a program's coverage or ROI: its id. */
    program?: string;
    details: string[];
}

/**
 * `2 added, 1 renamed element · 3 links added · coverage 9/11 → 9/12 · findings: 1 new, 0 fixed`;
 * `glue` goes between a coverage's figures and its share (`9/11 (82%)`).
 */
export function summaryLine(diff: ChainDiff, glue = ' '): string {
    if (diff.empty) return `No change to the impact chain · coverage ${coverageText(diff.coverage.after, glue)}`;
    const { added, removed, renamed, changed } = diff.nodes;
    const parts: string[] = [];
    const elements = [[added, 'added'], [removed, 'removed'], [renamed, 'renamed'], [changed, 'changed']] as const;
    const present = elements.filter(([list]) => list.length > 0);
    const counted = present.map(([list, word]) => `${formatNumber(list.length, 0)} ${word}`);
    // The noun agrees with the count next to it: `1 renamed, 1 changed element`, `1 added, 2 changed elements`.
    if (present.length > 0) parts.push(`${counted.join(', ')} ${present[present.length - 1]![0].length === 1 ? 'element' : 'elements'}`);
    const links = [[diff.links.added, 'added'], [diff.links.removed, 'removed']] as const;
    const linkParts = links.filter(([list]) => list.length > 0).map(([list, word], i) => i === 0 ? `${plural(list.length, 'link')} ${word}` : `${formatNumber(list.length, 0)} ${word}`);
    if (linkParts.length > 0) parts.push(linkParts.join(', '));
    const lost = diff.kpiLinks.lost.length + diff.kpiLinks.addedWithout.length;
    if (lost > 0) parts.push(`${plural(lost, 'objective')} without a KPI link`);
    parts.push(`coverage ${coverageChange(diff.coverage.before, diff.coverage.after, glue)}`);
    parts.push(`findings: ${formatNumber(diff.findings.new.length, 0)} new, ${formatNumber(diff.findings.fixed.length, 0)} fixed`);
    return parts.join(' · ');
}

/** The rows of the table of changes, in a fixed order; `glue` as for `summaryLine`. */
export function changeRows(diff: ChainDiff, glue = ' '): ChangeRow[] {
    const lostIds = new Set([...diff.kpiLinks.lost, ...diff.kpiLinks.addedWithout].map(n => n.id));
    const rows: ChangeRow[] = [
        ...diff.nodes.added.map(n => ({ change: 'added', element: n, details: lostIds.has(n.id) ? ['no KPI link'] : [] })),
        ...diff.nodes.removed.map(n => ({ change: 'removed', element: n, details: [] })),
        ...diff.nodes.renamed.map(r => ({ change: 'renamed', element: r.to, from: r.from, details: r.changes.length > 0 ? r.changes.map(fieldChangeText) : ['same kind, title and links'] })),
        ...diff.nodes.changed.map(c => ({ change: 'changed', element: c.node, details: c.changes.map(fieldChangeText) })),
        ...diff.kpiLinks.lost.map(n => ({ change: 'lost KPI link', element: n, details: ['linked to a KPI before, not now'] })),
        ...diff.kpiLinks.gained.map(n => ({ change: 'gained KPI link', element: n, details: ['now linked to a KPI'] }))
    ];
    const { before, after } = diff.coverage;
    if (!sameCoverage(before, after)) rows.push({ change: 'coverage', details: [coverageChange(before, after, glue)] });
    for (const p of diff.coverage.programs) rows.push({ change: 'coverage', program: p.program, details: [coverageChange(p.before, p.after, glue)] });
    for (const r of diff.roi) rows.push({ change: 'ROI', program: r.program, details: [roiChange(r.before, r.after)] });
    return rows;
}

/** `target: 34% by 2026-H2 → 36% by 2026-H2`; `source: none → "CRM"`. */
export function fieldChangeText(change: FieldChange): string {
    if (change.field === 'doc') return change.before === undefined ? 'documentation added' : change.after === undefined ? 'documentation removed' : 'documentation changed';
    return `${change.field}: ${change.before ?? 'none'} → ${change.after ?? 'none'}`;
}

/**
 * `9/11 (82%)` in the report's words, `0/0 (—)` when there is no objective
 * (a share of nothing is not known: `—`, as everywhere the CLI has no
 * figure), or `none` when absent; `glue` between the figures and the share
 * (the text format's no-break space keeps them together when it wraps).
 */
export function coverageText(coverage: Coverage | undefined, glue = ' '): string {
    if (!coverage) return 'none';
    if (coverage.total === 0) return `${objectivesText(coverage, false)}${glue}(${MISSING})`;
    return objectivesText(coverage, false).replace(' (', `${glue}(`);
}

/** `9/11 (82%) → 9/12 (75%)`, or `9/11 (82%)` when unchanged. */
export function coverageChange(before: Coverage | undefined, after: Coverage | undefined, glue = ' '): string {
    return before && after && sameCoverage(before, after) ? coverageText(after, glue) : `${coverageText(before, glue)} → ${coverageText(after, glue)}`;
}

/** `ROI 120% · BCR 2.20`, or what is missing for it. */
export function roiText(roi: RoiSummary | undefined): string {
    if (!roi) return 'no program';
    if (roi.roiPercent === undefined || roi.bcr === undefined || roi.missing.length > 0) return `not known (missing ${roi.missing.join(', ') || 'the benefit'})`;
    // As the report prints it (docs/figures.md): ROI in whole percent, from the BCR rounded to hundredths.
    const words = bcrWords(roi.bcr);
    return `${words.roi} · ${words.bcr}`;
}

/**
 * `ROI 20% · BCR 1.20 → ROI 38% · BCR 1.38`; where both read the same in
 * whole percent, what moved: `ROI 38% · BCR 1.38 (benefit 57,000 →
 * 114,000 USD, cost 41,300 → 82,600 USD)`.
 */
function roiChange(before: RoiSummary | undefined, after: RoiSummary | undefined): string {
    const [from, to] = [roiText(before), roiText(after)];
    if (from !== to || !before || !after) return `${from} → ${to}`;
    const parts = [moneyChange('benefit', before.benefit, after.benefit, after.currency), moneyChange('cost', before.cost, after.cost, after.currency)];
    const known = parts.filter((part): part is string => part !== undefined);
    return known.length > 0 ? `${to} (${known.join(', ')})` : to;
}

/** `cost 41,300 → 82,600 USD`, `benefit not known → 500 USD`; nothing when not known on either side (not an invented 0). */
function moneyChange(label: string, a: number | undefined, b: number | undefined, currency: string | undefined): string | undefined {
    if (a === undefined && b === undefined) return undefined;
    const shown = (value: number | undefined) => value === undefined ? 'not known' : formatMoney(value, currency, 0);
    if (a === b) return `${label} ${shown(b)}`;
    return `${label} ${a !== undefined && b !== undefined ? formatNumber(a, 0) : shown(a)} → ${shown(b)}`;
}

/** `objective DiscoveryBootcamp.Negotiate`. */
export function elementText(node: NodeRef): string {
    return `${node.kind} ${node.id}`;
}

function sameCoverage(a: Coverage, b: Coverage): boolean {
    return a.aligned === b.aligned && a.total === b.total;
}
