import type { GraphEdge } from './types.js';

/**
 * The `drives` edges that lie on a cycle (Tarjan's strongly connected
 * components, iterative): both ends in one component of two or more nodes,
 * or a metric that drives itself. Keys are `from -> to`.
 */
export function drivesCycleEdges(edges: readonly GraphEdge[]): Set<string> {
    const drives = edges.filter(e => e.kind === 'drives');
    if (!mayHaveCycle(drives)) return new Set();
    const next = new Map<string, string[]>();
    for (const e of drives) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const component = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    let counter = 0;
    let components = 0;
    for (const root of next.keys()) {
        if (index.has(root)) continue;
        const work: Array<[string, number]> = [[root, 0]];
        while (work.length > 0) {
            const frame = work[work.length - 1]!;
            const [v, i] = frame;
            if (i === 0 && !index.has(v)) {
                index.set(v, counter); low.set(v, counter); counter++;
                stack.push(v); onStack.add(v);
            }
            const succ = next.get(v) ?? [];
            if (i < succ.length) {
                frame[1]++;
                const w = succ[i]!;
                if (!index.has(w)) work.push([w, 0]);
                else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(v)!));
            if (low.get(v) === index.get(v)) {
                let w: string;
                do {
                    w = stack.pop()!;
                    onStack.delete(w);
                    component.set(w, components);
                } while (w !== v);
                components++;
            }
        }
    }
    const size = new Map<number, number>();
    for (const c of component.values()) size.set(c, (size.get(c) ?? 0) + 1);
    const onCycle = new Set<string>();
    for (const e of drives) {
        const c = component.get(e.from);
        if (e.from === e.to || (c !== undefined && c === component.get(e.to) && size.get(c)! > 1)) onCycle.add(edgeKey(e.from, e.to));
    }
    return onCycle;
}

/**
 * False when no `drives` edge ends at a metric that drives another: every
 * edge of a cycle does, so then there is none (the usual case: leading
 * metrics drive lagging ones, which drive nothing), and Tarjan's walk is
 * skipped.
 */
function mayHaveCycle(drives: readonly GraphEdge[]): boolean {
    const sources = new Set<string>();
    for (let i = 0; i < drives.length; i++) sources.add(drives[i]!.from);
    for (let i = 0; i < drives.length; i++) if (sources.has(drives[i]!.to)) return true;
    return false;
}

export function edgeKey(from: string, to: string): string {
    return `${from} -> ${to}`;
}
