import type { Metric, Program } from '../generated/ast.js';
import type { ActualsEntry } from '../actuals/read-actuals.js';
import { isoDay } from '../dates.js';
import { CHAIN_EDGE_KINDS, type Adjacency } from './adjacency.js';
import { metricFigures } from './metric-figures.js';
import { objectiveLinks, programChain } from './objective-links.js';
import { programRoi, type MetricNodeOf } from './roi.js';
import { programWindow } from './program-window.js';
import { sameData } from './same-data.js';
import type { Coverage, GraphEdge, MetricFigures, MetricNode, NodeKind, ObjectiveLinks, ProgramFigures } from './types.js';

/** What the derived figures read of the workspace, by node id. */
export interface DerivationInput {
    readonly adjacency: Adjacency;
    kindOf(id: string): NodeKind | undefined;
    astOf(id: string): unknown;
    /** The id of a declaration's node. */
    idOf(ast: unknown): string | undefined;
    nameOf(id: string): string;
    /** Member ids of a program, in document order. */
    membersOf(programId: string): readonly string[];
    /** Actuals entries of a metric, in document order. */
    entriesOf(metricId: string): readonly ActualsEntry[];
    /** Gives a `kpi` edge its `explained` flag (a new edge object when the old one belongs to an earlier graph). */
    explain(edge: GraphEdge, explained: boolean): void;
}

/**
 * The figures derived from the whole graph, by node id: metric figures,
 * objective links and program figures. Kept between updates and computed
 * again only for the ids asked for; an object is replaced when its content
 * changes and kept (the same object) when it does not.
 */
export class DerivedFigures {
    readonly metric = new Map<string, MetricFigures>();
    readonly objective = new Map<string, ObjectiveLinks>();
    readonly program = new Map<string, ProgramFigures>();
    /**
     * For each node id: the programs whose chain holds it, or whose `isolate`
     * names it. Made from `held` when an update first asks for it: a full
     * build (start-up, `align check`) never reads it.
     */
    private holding: Map<string, Set<string>> | undefined;
    /** For each program: the ids it holds (its chain and the metrics its `isolate` statements name). */
    private readonly held = new Map<string, string[]>();
    /** For each metric: the programs whose `isolate ... by control-group` names it. */
    private readonly controls = new Map<string, Set<string>>();
    /** For each program: the control groups its `isolate` statements name. */
    private readonly controlsByProgram = new Map<string, Set<string>>();
    /** How many objectives reach a KPI (of `objective.size`). */
    private aligned = 0;

    /** Computes the figures of metrics; returns the ids whose figures changed, and those whose KPI status changed. */
    figureMetrics(ids: Iterable<string>, input: DerivationInput): { changed: Set<string>; kpiChanged: Set<string> } {
        const changed = new Set<string>();
        const kpiChanged = new Set<string>();
        for (const id of ids) {
            const ast = input.astOf(id) as Metric | undefined;
            const old = this.metric.get(id);
            if (ast?.$type !== 'Metric') {
                if (old) { this.metric.delete(id); changed.add(id); kpiChanged.add(id); }
                continue;
            }
            const program = ast.$container.$type === 'Program' ? ast.$container : undefined;
            const figures = metricFigures(ast, input.entriesOf(id), program ? programWindow(program)?.start : undefined);
            if (old && sameData(old, figures)) continue;
            this.metric.set(id, figures);
            changed.add(id);
            if (old?.isKpi !== figures.isKpi || old?.kind !== figures.kind) kpiChanged.add(id);
        }
        return { changed, kpiChanged };
    }

    /** Links objectives to metrics and marks their `kpi` edges explained or not; returns the ids whose links changed. */
    linkObjectives(ids: Iterable<string>, input: DerivationInput): Set<string> {
        const changed = new Set<string>();
        const isKpi = (id: string): boolean => this.metric.get(id)?.isKpi === true;
        const leadsOf = new Map<string, boolean>();
        for (const id of ids) {
            const old = this.objective.get(id);
            if (old && old.kpis.length > 0) this.aligned--;
            if (input.kindOf(id) !== 'objective') {
                if (old) { this.objective.delete(id); changed.add(id); }
                continue;
            }
            const { links, explained } = objectiveLinks(id, input.adjacency, isKpi, leadsOf);
            const outgoing = input.adjacency.outgoing(id);
            for (let i = 0; i < outgoing.length; i++) {
                const edge = outgoing[i]!;
                // A direct link to an activity or learning metric is not checked (unexplained-kpi-link): never drawn as unexplained.
                if (edge.kind === 'kpi') input.explain(edge, explained.has(edge.to) || !isKpi(edge.to));
            }
            if (links.kpis.length > 0) this.aligned++;
            if (old && sameData(old, links)) continue;
            this.objective.set(id, links);
            changed.add(id);
        }
        return changed;
    }

    /**
     * Computes program figures (chain, window, coverage, KPIs, ROI); returns
     * the ids whose figures changed, and the metrics that became or ceased
     * to be a control group of a program.
     */
    figurePrograms(ids: Iterable<string>, input: DerivationInput): { changed: Set<string>; controlsChanged: Set<string> } {
        const changed = new Set<string>();
        const controlsChanged = new Set<string>();
        for (const id of ids) {
            const old = this.program.get(id);
            this.unhold(id);
            const before = this.controlsByProgram.get(id) ?? new Set<string>();
            const ast = input.astOf(id) as Program | undefined;
            const figures = ast?.$type === 'Program' ? this.programFigures(ast, id, input) : undefined;
            const after = ast?.$type === 'Program' ? controlGroups(ast, input) : new Set<string>();
            if (after.size > 0) this.controlsByProgram.set(id, after);
            else this.controlsByProgram.delete(id);
            for (const c of before) if (!after.has(c)) { this.controls.get(c)?.delete(id); controlsChanged.add(c); }
            for (const c of after) if (!before.has(c)) { mapSet(this.controls, c).add(id); controlsChanged.add(c); }
            if (!figures) {
                if (old) { this.program.delete(id); changed.add(id); }
                continue;
            }
            this.hold(id, [...figures.chain, ...isolatedMetrics(ast!, input), ...after]);
            if (old && sameData(old, figures)) continue;
            this.program.set(id, figures);
            changed.add(id);
        }
        return { changed, controlsChanged };
    }

    /** True when a program's `isolate ... by control-group` names the metric (valid or not: it holds the untrained group's actuals). */
    isControlGroup(id: string): boolean {
        return (this.controls.get(id)?.size ?? 0) > 0;
    }

    private hold(program: string, ids: string[]): void {
        this.held.set(program, ids);
        if (this.holding) for (const member of ids) mapSet(this.holding, member).add(program);
    }

    private unhold(program: string): void {
        if (this.holding) for (const member of this.held.get(program) ?? []) this.holding.get(member)?.delete(program);
        this.held.delete(program);
    }

    /** The programs whose chain (as last computed) holds any of the ids. */
    programsHolding(ids: Iterable<string>): Set<string> {
        if (!this.holding) {
            this.holding = new Map();
            for (const [program, members] of this.held) for (const member of members) mapSet(this.holding, member).add(program);
        }
        const programs = new Set<string>();
        for (const id of ids) for (const program of this.holding.get(id) ?? []) programs.add(program);
        return programs;
    }

    /** Alignment coverage of the whole workspace: objectives with a KPI link. */
    get coverage(): Coverage {
        return { aligned: this.aligned, total: this.objective.size };
    }

    /** Alignment coverage over objective ids. */
    coverageOf(objectiveIds: Iterable<string>): Coverage {
        let aligned = 0;
        let total = 0;
        for (const id of objectiveIds) {
            total++;
            if ((this.objective.get(id)?.kpis.length ?? 0) > 0) aligned++;
        }
        return { aligned, total };
    }

    private programFigures(program: Program, id: string, input: DerivationInput): ProgramFigures {
        const chain = programChain(id, input.membersOf(id), input.adjacency);
        const kpis = chain.filter(n => this.metric.get(n)?.isKpi);
        const window = programWindow(program);
        return {
            chain,
            window: window ? { start: isoDay(window.start), end: isoDay(window.end) } : undefined,
            coverage: this.coverageOf(chain.filter(n => input.kindOf(n) === 'objective')),
            leadingKpis: kpis.filter(n => this.metric.get(n)!.kind === 'leading'),
            laggingKpis: kpis.filter(n => this.metric.get(n)!.kind === 'lagging'),
            roi: programRoi(program, kpis.map(n => this.metricNode(n, input)), this.metricNodeOf(input), window?.start)
        };
    }

    private metricNode(id: string, input: DerivationInput): MetricNode {
        return { id, name: input.nameOf(id), metric: this.metric.get(id) };
    }

    private metricNodeOf(input: DerivationInput): MetricNodeOf {
        return metric => {
            const id = metric ? input.idOf(metric) : undefined;
            return id === undefined ? undefined : this.metricNode(id, input);
        };
    }
}

/** The ids of the metrics a program's `isolate` statements attribute (not their control groups). */
function isolatedMetrics(program: Program, input: DerivationInput): string[] {
    return program.isolations.flatMap(isolate => isolate.metric?.ref ? input.idOf(isolate.metric.ref) ?? [] : []);
}

/** The metrics a program's `isolate ... by control-group` statements name. */
function controlGroups(program: Program, input: DerivationInput): Set<string> {
    const ids = new Set<string>();
    for (const isolate of program.isolations) {
        const control = isolate.method?.$type === 'ControlGroup' && isolate.method.control?.ref ? input.idOf(isolate.method.control.ref) : undefined;
        if (control) ids.add(control);
    }
    return ids;
}

function mapSet<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
    let set = map.get(key);
    if (!set) map.set(key, set = new Set());
    return set;
}

/**
 * The objectives whose links may change when the given nodes change: those
 * with a chain path (builds, enables, moves, drives, measures, kpi) to them.
 */
export function objectivesReaching(seeds: Iterable<string>, adjacency: Adjacency, kindOf: (id: string) => NodeKind | undefined): Set<string> {
    const objectives = new Set<string>();
    const seen = new Set<string>();
    const stack = [...seeds];
    while (stack.length > 0) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        if (kindOf(id) === 'objective') objectives.add(id);
        for (const kind of CHAIN_EDGE_KINDS) for (const source of adjacency.sources(id, kind)) stack.push(source);
    }
    return objectives;
}

