/**
 * What `align graph` and `align report` read: the workspace loaded as
 * `align check` loads it, its one impact graph, and its findings placed on
 * the graph's nodes. Nothing here re-derives the chain.
 */
import * as path from 'node:path';
import type { GraphIndex } from '../../language/graph/build-graph.js';
import { severityNumber } from '../../language/findings.js';
import type { GraphRange } from '../../language/graph/types.js';
import type { WorkspaceArgs } from '../args.js';
import { collectFindings, type PlacedFinding } from '../check/collect-findings.js';
import type { Progress } from '../progress.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load-workspace.js';
import { reportLogged } from '../workspace/report-logged.js';
import { notAlignFiles } from './not-align-files.js';

export type { PlacedFinding };

export interface LoadedGraph {
    workspace: LoadedWorkspace;
    index: GraphIndex;
    /** Every finding of the workspace (as `align check` reports them), sorted by file, line, column. */
    findings: PlacedFinding[];
    /** The URIs of the files that are not Align text (not-align-files.ts): graph and report leave out what the parser recovered from them. */
    notAlign: Set<string>;
}

/**
 * Loads the workspace, builds its impact graph, collects its findings (their
 * files named relative to the current folder, or with `filesFrom: 'root'` to
 * the workspace root, for a report read elsewhere) and finds the files that
 * are not Align text. With `asOf` (`YYYY-MM-DD`), graph and findings alike
 * leave out the actuals dated after it.
 */
export async function loadGraph(args: WorkspaceArgs, progress: Progress, filesFrom: 'cwd' | 'root' = 'cwd', asOf?: string): Promise<LoadedGraph> {
    const workspace = await loadWorkspace({
        paths: args.paths,
        asOf,
        configFile: args.config,
        overrides: { rules: args.rules, maxLaggingKpis: args.maxLaggingKpis, maxPilotDays: args.maxPilotDays },
        onProgress: (verb, done, total) => progress.update(verb, done, total)
    });
    progress.done();
    // A graph that cannot be built stops the command with that one message; what validation logged of it is not repeated.
    const index = await workspace.services.align.Graph.getIndex();
    reportLogged(workspace.logged);
    const fromRoot = (file: string) => path.relative(workspace.root, file).split(path.sep).join('/');
    const findings = collectFindings(workspace, filesFrom === 'root' ? fromRoot : undefined);
    const notAlign = notAlignFiles(workspace.documents.map(d => ({ uri: d.uri.toString(), text: d.textDocument.getText() })), findings);
    return { workspace, index, findings, notAlign };
}

/** The findings in the shape `findingsByNode` places (config problems have no node). */
export function diagnosticsOf(findings: readonly PlacedFinding[]): Array<{ uri: string; range: GraphRange; severity: number }> {
    return findings.flatMap(f => f.uri && f.range ? [{ uri: f.uri, range: f.range, severity: severityNumber(f.severity) }] : []);
}

