/**
 * Compares two workspaces' impact graphs and findings: what a change does
 * to the chain. A pure function of its inputs: `align diff` calls it with
 * the graphs of two git revisions or folders, the preview host with the
 * graph of the last commit and the live one.
 */
import type { Coverage, GraphEdge, GraphNode, ImpactGraph, RoiFigures } from '../graph/types.js';
import { identityText, matchByIdentity } from '../identity/finding-identity.js';
import { fieldChanges, nodeRef, withoutUndefined } from './compare-nodes.js';
import { matchNodes } from './renames.js';
import { compareNatural, compareText } from '../text/compare-text.js';
import type { ChainDiff, DiffFinding, DiffFindingInput, DiffSide, LinkRef, ProgramCoverageChange, RoiChange, RoiSummary } from './types.js';

/** What changed from `base` to `head`. */
export function diffChains(base: DiffSide, head: DiffSide): ChainDiff {
    const mapping = matchNodes(base.graph, head.graph);
    const headIds = new Set(mapping.values());
    const headById = new Map(head.graph.nodes.map(n => [n.id, n]));
    const baseRef = (n: GraphNode) => nodeRef(n, base.fileOf);
    const headRef = (n: GraphNode) => nodeRef(n, head.fileOf);
    const paired = base.graph.nodes.flatMap(b => mapping.has(b.id) ? [{ before: b, after: headById.get(mapping.get(b.id)!)! }] : []);
    const changes = (p: { before: GraphNode; after: GraphNode }) => fieldChanges(
        { node: p.before, attributes: base.attributes.get(p.before.id) },
        { node: p.after, attributes: head.attributes.get(p.after.id) });

    const nodes: ChainDiff['nodes'] = {
        added: sortRefs(head.graph.nodes.filter(n => !headIds.has(n.id)).map(headRef)),
        removed: sortRefs(base.graph.nodes.filter(n => !mapping.has(n.id)).map(baseRef)),
        renamed: paired.filter(p => p.before.id !== p.after.id)
            .map(p => ({ from: baseRef(p.before), to: headRef(p.after), changes: changes(p) }))
            .sort((a, b) => compareText(a.to.id, b.to.id)),
        changed: paired.filter(p => p.before.id === p.after.id)
            .map(p => ({ node: headRef(p.after), changes: changes(p) }))
            .filter(c => c.changes.length > 0)
            .sort((a, b) => compareText(a.node.id, b.node.id))
    };
    const links = diffLinks(base.graph.edges, head.graph.edges, mapping);
    const kpiLinks = diffKpiLinks(paired, head.graph.nodes.filter(n => !headIds.has(n.id)), headRef);
    const coverage = { before: base.graph.coverage, after: head.graph.coverage, programs: programCoverage(base.graph, head.graph, mapping) };
    const roi = programRoi(base.graph, head.graph, mapping);
    const findings = diffFindings(base.findings, head.findings, mapping);
    const empty = nodes.added.length + nodes.removed.length + nodes.renamed.length + nodes.changed.length
        + links.added.length + links.removed.length + coverage.programs.length + roi.length
        + findings.new.length + findings.fixed.length === 0 && sameCoverage(coverage.before, coverage.after);
    return { empty, nodes, links, kpiLinks, coverage, roi, findings };
}

function diffLinks(baseEdges: readonly GraphEdge[], headEdges: readonly GraphEdge[], mapping: ReadonlyMap<string, string>): ChainDiff['links'] {
    const key = (l: LinkRef) => `${l.kind}\u0000${l.from}\u0000${l.to}`;
    const mapped = baseEdges.map(e => ({ kind: e.kind, from: mapping.get(e.from) ?? e.from, to: mapping.get(e.to) ?? e.to }));
    const current = headEdges.map(e => ({ kind: e.kind, from: e.from, to: e.to }));
    const before = new Set(mapped.map(key));
    const after = new Set(current.map(key));
    return {
        added: sortLinks(current.filter(l => !before.has(key(l)))),
        removed: sortLinks(mapped.filter(l => !after.has(key(l))))
    };
}

function diffKpiLinks(paired: ReadonlyArray<{ before: GraphNode; after: GraphNode }>, added: readonly GraphNode[], ref: (n: GraphNode) => ChainDiff['kpiLinks']['lost'][number]): ChainDiff['kpiLinks'] {
    const linked = (n: GraphNode) => (n.objective?.kpis.length ?? 0) > 0;
    const objectives = paired.filter(p => p.before.kind === 'objective' && p.after.kind === 'objective');
    return {
        lost: sortRefs(objectives.filter(p => linked(p.before) && !linked(p.after)).map(p => ref(p.after))),
        gained: sortRefs(objectives.filter(p => !linked(p.before) && linked(p.after)).map(p => ref(p.after))),
        addedWithout: sortRefs(added.filter(n => n.kind === 'objective' && !linked(n)).map(ref))
    };
}

/** Programs on either side, as pairs (base mapped to head ids). */
function programPairs(base: ImpactGraph, head: ImpactGraph, mapping: ReadonlyMap<string, string>) {
    const pairs = new Map<string, { before?: GraphNode; after?: GraphNode }>();
    for (const n of base.nodes) if (n.kind === 'program') pairs.set(mapping.get(n.id) ?? n.id, { before: n });
    for (const n of head.nodes) if (n.kind === 'program') pairs.set(n.id, { ...pairs.get(n.id), after: n });
    return [...pairs.entries()].sort(([a], [b]) => compareText(a, b));
}

function programCoverage(base: ImpactGraph, head: ImpactGraph, mapping: ReadonlyMap<string, string>): ProgramCoverageChange[] {
    return programPairs(base, head, mapping)
        .map(([program, p]) => withoutUndefined({ program, before: p.before?.programFigures?.coverage, after: p.after?.programFigures?.coverage }))
        .filter(c => !c.before || !c.after || !sameCoverage(c.before, c.after));
}

function programRoi(base: ImpactGraph, head: ImpactGraph, mapping: ReadonlyMap<string, string>): RoiChange[] {
    return programPairs(base, head, mapping)
        .map(([program, p]) => withoutUndefined({ program, before: roiSummary(p.before?.programFigures?.roi), after: roiSummary(p.after?.programFigures?.roi) }))
        .filter(c => JSON.stringify(c.before) !== JSON.stringify(c.after));
}

function roiSummary(roi: RoiFigures | undefined): RoiSummary | undefined {
    if (!roi) return undefined;
    return withoutUndefined({ cost: roi.cost, currency: roi.currency, benefit: roi.benefit, roiPercent: roi.roiPercent, bcr: roi.bcr, missing: [...roi.missing] });
}

/**
 * Findings matched by identity, the base's read under the head's names: a
 * renamed element keeps its findings, and so does a reference to it
 * (`kpis Sales.Pipeline` when `Pipeline` is renamed).
 */
function diffFindings(base: readonly DiffFindingInput[], head: readonly DiffFindingInput[], mapping: ReadonlyMap<string, string>): ChainDiff['findings'] {
    const match = matchByIdentity(head, base, identityText, f => identityText(underHeadNames(f, mapping)));
    return { new: match.added.map(diffFinding).sort(compareFindings), fixed: match.removed.map(diffFinding).sort(compareFindings), unchanged: match.matched };
}

/** A base finding with its element, and the element its key references, renamed as in the head. */
function underHeadNames(f: DiffFindingInput, mapping: ReadonlyMap<string, string>): DiffFindingInput {
    const identity = f.identity;
    if (!identity) return f;
    const element = identity.element === undefined ? undefined : renamedPath(identity.element, mapping);
    // A reference's key is `property target` (language/identity/message-key.ts).
    const space = identity.key.indexOf(' ');
    const key = space < 0 ? identity.key : `${identity.key.slice(0, space)} ${renamedPath(identity.key.slice(space + 1), mapping)}`;
    if (element === identity.element && key === identity.key) return f;
    return { ...f, identity: element === undefined ? { key } : { element, key } };
}

/** A model path under the head's names: its longest renamed prefix replaced (`Old.actuals` -> `New.actuals`). */
function renamedPath(modelPath: string, mapping: ReadonlyMap<string, string>): string {
    for (let end = modelPath.length; end > 0; end = modelPath.lastIndexOf('.', end - 1)) {
        const renamed = mapping.get(modelPath.slice(0, end));
        if (renamed !== undefined) return renamed + modelPath.slice(end);
    }
    return modelPath;
}

function diffFinding(f: DiffFindingInput): DiffFinding {
    return withoutUndefined({ rule: f.rule, severity: f.severity, element: f.identity?.element, message: f.message, file: f.file, line: f.line });
}

function compareFindings(a: DiffFinding, b: DiffFinding): number {
    return compareText(a.file, b.file) || a.line - b.line || compareText(a.rule, b.rule) || compareNatural(a.message, b.message);
}

function sameCoverage(a: Coverage, b: Coverage): boolean {
    return a.aligned === b.aligned && a.total === b.total;
}

function sortRefs<T extends { id: string }>(refs: T[]): T[] {
    return refs.sort((a, b) => compareText(a.id, b.id));
}

function sortLinks(links: LinkRef[]): LinkRef[] {
    return links.sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.kind, b.kind));
}
