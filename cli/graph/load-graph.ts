/**
 * What `align graph` and `align report` read: the workspace loaded as
 * `align check` loads it, its one impact graph, and its findings placed on
 * the graph's nodes. Nothing here re-derives the chain.
 */
import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { GraphRange } from '../../language/graph/types.js';
import type { Finding } from '../../language/rules.js';
import { messageText, ruleIdOf } from '../../language/validation/align-document-validator.js';
import type { WorkspaceArgs } from '../args.js';
import { relativePath } from '../check/collect-findings.js';
import { sortFindings } from '../check-formats/sort.js';
import type { Progress } from '../progress.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load-workspace.js';
import { reportLogged } from '../workspace/report-logged.js';

/** A finding with the document and range it was reported on, for placing it on nodes. */
export interface PlacedFinding extends Finding {
    /** The document's URI as the graph writes it; undefined for `align.config.json`. */
    uri?: string;
    range?: GraphRange;
}

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
    return { workspace, index, findings: placedFindings(workspace) };
}

function placedFindings(workspace: LoadedWorkspace): PlacedFinding[] {
    const findings: PlacedFinding[] = [];
    for (const document of workspace.documents) {
        const file = relativePath(document.uri.fsPath);
        const uri = document.uri.toString();
        for (const d of document.diagnostics ?? []) {
            findings.push({
                file, line: d.range.start.line + 1, column: d.range.start.character + 1,
                endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
                severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
                rule: ruleIdOf(d), message: messageText(d), uri, range: d.range
            });
        }
    }
    if (workspace.configFile) {
        const file = relativePath(workspace.configFile);
        for (const p of workspace.configProblems) {
            findings.push({ file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1, severity: 'error', rule: 'config-invalid', message: p.message });
        }
    }
    return sortFindings(findings) as PlacedFinding[];
}

/** LSP numbering of a severity, as `findingsByNode` counts it. */
export function lspSeverity(finding: Finding): number {
    return finding.severity === 'error' ? 1 : finding.severity === 'warning' ? 2 : 3;
}

/** The findings in the shape `findingsByNode` places (config problems have no node). */
export function diagnosticsOf(findings: readonly PlacedFinding[]): Array<{ uri: string; range: GraphRange; severity: number }> {
    return findings.flatMap(f => f.uri && f.range ? [{ uri: f.uri, range: f.range, severity: lspSeverity(f) }] : []);
}

