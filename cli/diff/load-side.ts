/**
 * Loads one side of `align diff` as `align check` loads a workspace, and
 * turns it into what the comparison reads: its impact graph and its
 * findings, with file names relative to the side's anchor (the repository's
 * top, or the folder given), so that the same file has the same name on
 * both sides.
 */
import * as path from 'node:path';
import { URI } from 'langium';
import type { DiffSide } from '../../language/diff/index.js';
import { graphAttributes } from '../../language/graph/node-attributes.js';
import type { WorkspaceArgs } from '../args.js';
import { collectFindings } from '../check/collect-findings.js';
import type { Progress } from '../progress.js';
import { InputError } from '../workspace/input-error.js';
import { loadWorkspace } from '../workspace/load-workspace.js';
import { reportLogged } from '../workspace/report-logged.js';
import type { Side } from './sides.js';

/** A loaded side: what the comparison reads, and the `.align` files it read. */
export interface LoadedSide {
    diff: DiffSide;
    /** Their names, relative to the side's root (the repository's top, for git). */
    files: readonly string[];
}

/** Loads a side with the settings of `args` (an explicit `--config` applies to both sides). */
export async function loadSide(side: Side, args: WorkspaceArgs, progress: Progress): Promise<LoadedSide> {
    const nameOf = (fsPath: string) => path.relative(side.root, fsPath).split(path.sep).join('/');
    const workspace = await loadWorkspace({
        paths: side.paths,
        allowEmpty: !side.requireFiles, // a revision before the first .align file, not a folder
        configFile: args.config,
        overrides: { rules: args.rules, maxLaggingKpis: args.maxLaggingKpis, maxPilotDays: args.maxPilotDays },
        onProgress: (verb, done, total) => progress.update(`${verb} (${side.label})`, done, total)
    }).catch(error => { throw renamed(error, side); });
    progress.done();
    // A graph that cannot be built stops the command with that one message; what validation logged of it is not repeated.
    const index = await workspace.services.align.Graph.getIndex();
    reportLogged(workspace.logged);
    return {
        diff: {
            graph: index.graph,
            attributes: graphAttributes(index),
            findings: collectFindings(workspace, nameOf),
            fileOf: uri => nameOf(URI.parse(uri).fsPath)
        },
        files: workspace.documents.map(d => nameOf(d.uri.fsPath))
    };
}

/**
 * A message about a file of a temporary copy names it as `revision:path`;
 * one about a folder side (read at its real path) names it as given.
 */
function renamed(error: unknown, side: Side): unknown {
    if (!(error instanceof InputError)) return error;
    if (side.commit === undefined) {
        if (!side.requireFiles) return error;
        const given = side.label.replace(/[\\/]+$/, '') || side.label;
        let message = error.message;
        for (const separator of new Set([path.sep, '/'])) message = message.split(side.root + separator).join(given + separator);
        return new InputError(message);
    }
    const copies = [path.relative(process.cwd(), side.root), side.root].filter(p => p !== '');
    let message = error.message;
    for (const copy of copies) message = message.split(copy + path.sep).join(`${side.label}:`).split(copy).join(`${side.label}:`);
    return new InputError(message);
}
