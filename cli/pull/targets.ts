import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Actuals, Model } from '../../language/generated/ast.js';
import { LOCK_FILE } from '../../language/pull/lock-file.js';
import { pullLabel, pullSpec, type PullSpec } from '../../language/pull/pull-spec.js';
import { actualsBlocks } from '../../language/model-utils.js';
import { attribute } from '../../language/attributes.js';
import type { LoadedWorkspace } from '../workspace/load-workspace.js';
import type { Cadence } from './periods.js';
import { refusedPulls, writtenPull } from './pull-syntax.js';

/** One `actuals ... from "file" { pull ... }` block to run. */
export interface PullTarget {
    /** The metric's qualified name (or the name as written when it does not resolve). */
    readonly metric: string;
    readonly resolved: boolean;
    readonly cadence?: Cadence;
    /** True for a `unit percent` metric: xAPI scores are read as `scaled` x 100. */
    readonly percent: boolean;
    /** Undefined when the block is too broken to have one (then `refused` says why). */
    readonly spec?: PullSpec;
    /** The source, as messages name it: `sql "queries/x.sql" on env:WAREHOUSE_URL`. */
    readonly label: string;
    /** Why the pull must not run at all (a syntax error in its block), or undefined. */
    readonly refused?: string;
    /** Folder of the `.align` file: paths are relative to it. */
    readonly folder: string;
    /** `from` as written. */
    readonly file: string;
    /** The lock file that records this snapshot: the nearest one up to the root, else the root's. */
    readonly lockFile: string;
}

/**
 * Every pulled actuals block of the workspace, in file order, and, refused,
 * every stretch of a file whose syntax error may hide one (`refusedPulls`).
 */
export async function pullTargets(workspace: LoadedWorkspace): Promise<PullTarget[]> {
    const index = await workspace.services.align.Graph.getIndex();
    const lexer = workspace.services.parser.Lexer;
    const tokenize = (text: string) => lexer.tokenize(text).tokens;
    const targets: PullTarget[] = [];
    for (const document of workspace.documents) {
        const folder = path.dirname(document.uri.fsPath);
        let lockFile: string | undefined;
        const refusals = refusedPulls(document, tokenize);
        const ofFile: Array<{ offset: number; target: PullTarget }> = [];
        const about = (actuals: Actuals | undefined) => {
            const metric = actuals?.metric?.ref;
            const node = index.nodeOf(metric);
            return {
                metric: node?.qualifiedName ?? actuals?.metric?.$refText ?? '?', resolved: node !== undefined,
                cadence: metric ? attribute(metric, 'MetricCadence')?.value as Cadence | undefined : undefined,
                percent: metric ? attribute(metric, 'Unit')?.kind === 'percent' : false,
                folder, file: actuals?.file ?? '', lockFile: lockFile ??= lockFileFor(folder, workspace.root)
            };
        };
        for (const actuals of actualsBlocks(document.parseResult.value as Model)) {
            if (!actuals.pull) continue;
            // A block with a syntax error is refused, never run on what the parser kept of it.
            const spec = pullSpec(actuals);
            const refused = refusals.find(r => r.actuals === actuals)?.refused
                ?? (!spec || actuals.file === undefined ? 'the pull block is incomplete: fix it first (`align check` shows it); nothing was run' : undefined);
            ofFile.push({
                offset: actuals.$cstNode?.offset ?? 0,
                target: {
                    ...about(actuals), spec: refused === undefined ? spec : undefined, refused,
                    label: refused === undefined && spec ? pullLabel(spec) : writtenPull(document.textDocument.getText(), actuals.pull.$cstNode?.offset)
                }
            });
        }
        // A pull block the parser dropped (`pull postgres`, a missing `{`) fails: it is never skipped in silence.
        for (const refusal of refusals.filter(r => r.actuals?.pull === undefined)) {
            ofFile.push({ offset: refusal.offset, target: { ...about(refusal.actuals), label: refusal.label, refused: refusal.refused } });
        }
        targets.push(...ofFile.sort((a, b) => a.offset - b.offset).map(t => t.target));
    }
    return targets;
}

/** Whether a target is named by `--metric`: its qualified name, or its simple name. */
export function matchesMetric(target: PullTarget, names: readonly string[]): boolean {
    return names.some(n => n === target.metric || n === target.metric.split('.').pop());
}

function lockFileFor(folder: string, root: string): string {
    for (let current = folder; ; current = path.dirname(current)) {
        const candidate = path.join(current, LOCK_FILE);
        if (fs.existsSync(candidate)) return candidate;
        const relative = path.relative(root, current);
        if (relative === '' || relative.startsWith('..') || path.dirname(current) === current) return path.join(root, LOCK_FILE);
    }
}

