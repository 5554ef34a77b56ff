import type { Connection } from 'vscode-languageserver';
import type { AlignServices } from '../language/align-module.js';
import { chainMarks, diffChains, diffSideOfTexts, type DiffSide } from '../language/diff/index.js';
import { graphAttributes } from '../language/graph/node-attributes.js';
import { validatedGraph } from './graph-protocol.js';
import { CompareGraphRequest, type ChainComparison, type CompareGraphParams } from '../language/protocol.js';

/**
 * Answers `align/compareGraph`: builds the base's graph from the texts the
 * client sends (in services of its own) and compares the workspace's graph
 * with it through language/diff. The base built last is kept while the
 * client sends the same texts (every edit asks again; the commit rarely moves).
 */
export function registerCompareProtocol(connection: Connection, services: AlignServices): void {
    let cached: { key: string; side: Promise<DiffSide> } | undefined;
    const baseSide = (params: CompareGraphParams): Promise<DiffSide> => {
        const key = JSON.stringify(params.files.map(f => [f.uri, f.text]).sort());
        if (cached?.key !== key) {
            const context = { fileSystemProvider: () => services.shared.workspace.FileSystemProvider, host: services.align.Host };
            const side = diffSideOfTexts(params.files, context, services.align.Settings.workspaceRoot);
            cached = { key, side };
            side.catch(() => { if (cached?.side === side) cached = undefined; });
        }
        return cached.side;
    };
    connection.onRequest(CompareGraphRequest, async (params): Promise<ChainComparison> => {
        const base = await baseSide(params);
        const index = await validatedGraph(services);
        const head: DiffSide = { graph: index.graph, attributes: graphAttributes(index), findings: [] };
        return chainMarks(base.graph, diffChains(base, head), params.base);
    });
}
