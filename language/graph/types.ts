/**
 * The impact graph: the one model of the chain
 * objective -builds-> skill -enables-> behavior -moves-> metric -drives-> metric -measures-> outcome.
 * Plain data (JSON-serialisable): the server sends it to the preview, the CLI prints it.
 */

/** 0-based LSP-style position and range. */
export interface GraphPosition { line: number; character: number; }
export interface GraphRange { start: GraphPosition; end: GraphPosition; }

export type NodeKind = 'program' | 'outcome' | 'metric' | 'skill' | 'behavior' | 'objective' | 'toolkit';
export type EdgeKind = 'builds' | 'enables' | 'moves' | 'drives' | 'measures' | 'kpi' | 'reinforces' | 'serves';
export type MetricKindName = 'lagging' | 'leading' | 'activity' | 'learning';

/** One measured value, dated on the last day of its period. */
export interface ActualPoint {
    period: string;
    /** ISO date the period is dated on. */
    date: string;
    value: number;
}

/** Figures of a metric node. */
export interface MetricFigures {
    kind?: MetricKindName;
    /** True for `leading` and `lagging` metrics. */
    isKpi: boolean;
    unit?: string;
    direction?: 'up' | 'down';
    baseline?: number;
    target?: number;
    /** ISO date of the target's deadline. */
    deadline?: string;
    /** The deadline as written when it is a period (`2026-H2`, `2026-Q2`, `2026-06`), dated on its last day; unset for a full date. */
    deadlinePeriod?: string;
    actuals: ActualPoint[];
    latest?: ActualPoint;
    /** Where the straight-line trajectory says the metric should be at the latest actual. */
    expected?: number;
    /** ISO date the trajectory starts from (program start or first actual). */
    trajectoryStart?: string;
    /** undefined when it cannot be told (no target, deadline, direction or actuals). */
    onTrack?: boolean;
    /**
     * Words for the state that replace `on track` / `off track` / `track
     * unknown` where the metric is drawn or described (`deadline passed`,
     * `target met`, `no actual since 2026-03`). The graph never sets it; the
     * report does, judging KPIs as of its date (cli/report/dated-status.ts).
     */
    trackWords?: string;
    /** Share of the way from baseline to target reached by the latest actual, 0..1 (may exceed 1). */
    progress?: number;
    /**
     * The latest actual's change (latest - reference): from the baseline when
     * the metric has one (the reference of its progress), else from its first
     * actual when it has two or more.
     */
    change?: MetricChange;
    /** Money per point or unit of improvement. */
    value?: { amount: number; currency?: string; per: 'point' | 'unit' };
}

/** A metric's change and what it is measured from. */
export interface MetricChange {
    readonly amount: number;
    readonly from: 'baseline' | 'first actual';
    /** The value it is measured from. */
    readonly reference: number;
    /** The first actual's period, when measured from it. */
    readonly period?: string;
}

/** How an objective reaches KPIs. */
export interface ObjectiveLinks {
    /** Ids of every metric reached, directly or through the chain, with `drives` followed. */
    metrics: string[];
    /** The KPIs (leading/lagging) among `metrics`. */
    kpis: string[];
    /** Behaviors the objective's skills enable. */
    behaviors: string[];
    /**
     * The behaviors among `behaviors` through which the objective reaches its
     * KPIs: each moves a metric that is, or `drives` to, one of `kpis`.
     */
    via: string[];
    /** Outcomes measured by the reached metrics. */
    outcomes: string[];
    /** Chain paths from the objective to each KPI, as node ids. */
    paths: string[][];
}

/** How a program isolates a KPI's change: `none` counts all of it as the program's. */
export type AttributionMethod = 'none' | 'control-group' | 'trend' | 'estimate';

/**
 * The improvement of one KPI with `value` in a program's chain, raw and
 * attributed to the program by its `isolate` method (Phillips). Changes are
 * signed (latest - reference); improvements are in the KPI's direction, never
 * below 0. A figure that cannot be told is left out and named in `missing`.
 */
export interface KpiAttribution {
    /** Id of the KPI. */
    metric: string;
    method: AttributionMethod;
    /** `control-group`: id of the metric holding the untrained group's actuals. */
    control?: string;
    /** `estimate`: the estimated share and the confidence in it, in percent. */
    share?: number;
    confidence?: number;
    /** Latest actual - baseline. */
    rawChange?: number;
    /** The part of the change the method gives the program (`none`: the raw change). */
    attributedChange?: number;
    /** `control-group`: the control's latest - its baseline (or first actual). */
    controlChange?: number;
    /** `trend`: where the pre-program trend line puts the latest actual's date. */
    projected?: number;
    rawImprovement?: number;
    improvement?: number;
    /** Money per point or unit of improvement. */
    value?: number;
    /** The currency of `value` as written on the KPI (`value 18000 USD per point`); the benefits are in it too. */
    currency?: string;
    rawBenefit?: number;
    benefit?: number;
    /** Terms that are not known for this KPI. */
    missing: string[];
}

/**
 * Return on investment (Phillips) of a program, or what is missing for it.
 * `benefit`, `roiPercent` and `bcr` come from the attributed improvements;
 * the `raw` figures count every KPI's whole change as the program's.
 */
export interface RoiFigures {
    cost?: number;
    currency?: string;
    benefit?: number;
    roiPercent?: number;
    bcr?: number;
    rawBenefit?: number;
    rawRoiPercent?: number;
    rawBcr?: number;
    /** One entry per KPI of the chain that has a `value`, in chain order. */
    attribution?: KpiAttribution[];
    /** Terms that are not known; ROI is shown only when this is empty. */
    missing: string[];
}

/** Figures of a program node. */
export interface ProgramFigures {
    /** Ids of every node of the program's chain. */
    chain: string[];
    window?: { start: string; end: string };
    coverage: Coverage;
    leadingKpis: string[];
    laggingKpis: string[];
    roi: RoiFigures;
}

export interface Coverage { aligned: number; total: number; }

/** Where a node declared in a catalog file comes from (language.md, "Configuration"): its package and version, or its folder. */
export interface CatalogMark {
    /** The package's name, or the folder as written in `catalogs` when it has no `package.json`. */
    name: string;
    version?: string;
}

export interface GraphNode {
    /** Unique id: the qualified name (`Program.Name`), with `#2`... for duplicates. */
    id: string;
    kind: NodeKind;
    name: string;
    qualifiedName: string;
    title?: string;
    doc?: string;
    uri: string;
    range: GraphRange;
    nameRange: GraphRange;
    /** Id of the program that declares it. */
    program?: string;
    /** Set when the node is declared in a catalog file (read-only library). */
    catalog?: CatalogMark;
    metric?: MetricFigures;
    objective?: ObjectiveLinks;
    programFigures?: ProgramFigures;
}

/** What ROI and attribution read of a metric's node: its id, name and figures. */
export type MetricNode = Pick<GraphNode, 'id' | 'name' | 'metric'>;

export interface GraphEdge {
    kind: EdgeKind;
    from: string;
    to: string;
    /** For `kpi` edges: true when the chain explains the direct link, or when it leads to an activity or learning metric (not checked). */
    explained?: boolean;
}

export interface ImpactGraph {
    nodes: GraphNode[];
    edges: GraphEdge[];
    /** Objectives with a KPI link, workspace-wide. */
    coverage: Coverage;
}
