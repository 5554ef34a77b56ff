import type { Adjacency } from './adjacency.js';
import type { ObjectiveLinks } from './types.js';

/**
 * How an objective reaches metrics: through `builds` -> `enables` -> `moves`,
 * and directly by `kpi`, following `drives` from every metric reached.
 * Also returns the metrics the chain alone reaches, which explain `kpi` links.
 * Only resolved references are edges, so an unresolved `moves` leads nowhere.
 * `leadsOf` remembers, per behavior, whether it leads to a KPI: pass one map
 * to the objectives of one update, so that a shared behavior is walked once.
 */
export function objectiveLinks(
    objectiveId: string, adjacency: Adjacency, isKpi: (id: string) => boolean, leadsOf: Map<string, boolean> = new Map()
): { links: ObjectiveLinks; explained: Set<string> } {
    const skills = adjacency.targets(objectiveId, 'builds');
    const behaviors = unique(targetsOfAll(skills, 'enables', adjacency));
    const chainMetrics = adjacency.drivesClosure(targetsOfAll(behaviors, 'moves', adjacency));
    const metrics = [...adjacency.drivesClosure([...chainMetrics, ...adjacency.targets(objectiveId, 'kpi')])];
    const outcomes = unique(targetsOfAll(metrics, 'measures', adjacency));
    const kpis = metrics.filter(isKpi);
    const via = behaviors.filter(b => {
        let leads = leadsOf.get(b);
        if (leads === undefined) leadsOf.set(b, leads = leadsToKpi(adjacency.targets(b, 'moves'), adjacency, isKpi));
        return leads;
    });
    return {
        links: { metrics, kpis, behaviors, via, outcomes, paths: chainPaths(objectiveId, adjacency, chainEnds(kpis, outcomes, adjacency)) },
        explained: chainMetrics
    };
}

/** True when one of `moved`, or a metric it `drives` to (transitively), is a KPI; stops at the first. */
function leadsToKpi(moved: readonly string[], adjacency: Adjacency, isKpi: (id: string) => boolean): boolean {
    const seen = new Set<string>();
    const stack = [...moved];
    while (stack.length > 0) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        if (isKpi(id)) return true;
        seen.add(id);
        pushAll(stack, adjacency.targets(id, 'drives'));
    }
    return false;
}

/** Paths kept per objective: enough for hover, bounded on long `drives` chains. */
const MAX_PATHS = 8;

/** Where paths lead: the outcomes reached, and the KPIs where the chain stops (they drive and measure nothing). */
function chainEnds(kpis: readonly string[], outcomes: readonly string[], adjacency: Adjacency): Set<string> {
    const ends = kpis.filter(k => adjacency.targets(k, 'drives').length === 0 && adjacency.targets(k, 'measures').length === 0);
    return new Set([...outcomes, ...ends].slice(0, MAX_PATHS));
}

const CHAIN_STEPS = ['builds', 'enables', 'moves', 'drives', 'measures'] as const;

/**
 * Shortest chain path from the objective to each wanted node (breadth-first),
 * preferring the chain through skills and behaviors: a direct `kpi` link is
 * used only for what the chain does not reach.
 */
function chainPaths(start: string, adjacency: Adjacency, wanted: Set<string>): string[][] {
    const parent = new Map<string, string | undefined>([[start, undefined]]);
    // A node's parent is set when it is first reached and never changed: once every wanted node has one, the paths are known.
    let missing = wanted.size - (wanted.has(start) ? 1 : 0);
    // Indexed loops here and below: until the code is optimized, `for...of` makes an object per step (measured: a fifth of what the validation phase allocated).
    const walk = (queue: string[]): void => {
        for (let i = 0; i < queue.length && missing > 0; i++) {
            for (let k = 0; k < CHAIN_STEPS.length; k++) {
                const targets = adjacency.targets(queue[i]!, CHAIN_STEPS[k]!);
                for (let t = 0; t < targets.length; t++) {
                    const next = targets[t]!;
                    if (parent.has(next)) continue;
                    parent.set(next, queue[i]);
                    queue.push(next);
                    if (wanted.has(next)) missing--;
                }
            }
        }
    };
    walk([start]);
    if (missing > 0) {
        // The chain did not reach them all: direct `kpi` links then lead to what it did not reach.
        const direct = adjacency.targets(start, 'kpi').filter(m => !parent.has(m));
        direct.forEach(m => { parent.set(m, start); if (wanted.has(m)) missing--; });
        walk(direct);
    }
    const paths: string[][] = [];
    for (const goal of wanted) {
        if (!parent.has(goal)) continue;
        const path: string[] = [];
        for (let id: string | undefined = goal; id !== undefined; id = parent.get(id)) path.unshift(id);
        paths.push(path);
    }
    return paths;
}

/** Nodes a program's chain holds: its members and all they reference, transitively (references run one way). */
export function programChain(programId: string, members: readonly string[], adjacency: Adjacency): string[] {
    const seen = new Set<string>([programId]);
    const stack = [...members, ...adjacency.targets(programId, 'serves')];
    while (stack.length > 0) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        referencedBy(id, adjacency, stack);
    }
    return [...seen];
}

const REFERENCED_FORWARD = ['builds', 'kpi', 'moves', 'drives', 'reinforces', 'serves'] as const;
/** Declared on the behavior (`enabled by`) and the outcome (`measured by`), but oriented along the chain. */
const REFERENCED_BACKWARD = ['enables', 'measures'] as const;

/** Pushes onto `into` the ids the declaration `id` references in its own text. */
function referencedBy(id: string, adjacency: Adjacency, into: string[]): void {
    for (let k = 0; k < REFERENCED_FORWARD.length; k++) pushAll(into, adjacency.targets(id, REFERENCED_FORWARD[k]!));
    for (let k = 0; k < REFERENCED_BACKWARD.length; k++) pushAll(into, adjacency.sources(id, REFERENCED_BACKWARD[k]!));
}

function pushAll(into: string[], ids: readonly string[]): void {
    for (let i = 0; i < ids.length; i++) into.push(ids[i]!);
}

/** The targets of `kind` edges from each of `ids`, in order (repeats kept). */
function targetsOfAll(ids: readonly string[], kind: 'enables' | 'moves' | 'measures', adjacency: Adjacency): string[] {
    const all: string[] = [];
    for (let i = 0; i < ids.length; i++) pushAll(all, adjacency.targets(ids[i]!, kind));
    return all;
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}
