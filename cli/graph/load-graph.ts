/**
 * What `align graph` and `align report` read: the workspace loaded as
 * `align check` loads it, its one impact graph, and its findings placed on
 * the graph's nodes. Nothing here re-derives the chain.
 */
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { severityNumber } from '../../language/findings.js';
import type { GraphRange } from '../../language/graph/types.js';
import type { WorkspaceArgs } from '../args.js';
import { collectFindings, type PlacedFinding } from '../check/collect-findings.js';
import type { Progress } from '../progress.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load-workspace.js';
import { reportLogged } from '../workspace/report-logged.js';

export type { PlacedFinding };

export interface LoadedGraph {
    workspace: LoadedWorkspace;
    index: GraphIndex;
    /** Every finding of the workspace (as `align check` reports them), sorted by file, line, column. */
    findings: PlacedFinding[];
}

/** Loads the workspace, builds its impact graph, and collects its findings. */
export async function loadGraph(args: WorkspaceArgs, progress: Progress): Promise<LoadedGraph> {
    const workspace = await loadWorkspace({
        paths: args.paths,
        configFile: args.config,
        overrides: { rules: args.rules, maxLaggingKpis: args.maxLaggingKpis, maxPilotDays: args.maxPilotDays },
        onProgress: (verb, done, total) => progress.update(verb, done, total)
    });
    progress.done();
    reportLogged(workspace.logged);
    const index = await workspace.services.align.Graph.getIndex();
    return { workspace, index, findings: collectFindings(workspace) };
}

/** The findings in the shape `findingsByNode` places (config problems have no node). */
export function diagnosticsOf(findings: readonly PlacedFinding[]): Array<{ uri: string; range: GraphRange; severity: number }> {
    return findings.flatMap(f => f.uri && f.range ? [{ uri: f.uri, range: f.range, severity: severityNumber(f.severity) }] : []);
}

