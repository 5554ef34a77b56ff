import type { Actuals, PullXapi } from '../generated/ast.js';
import { LOCK_FILE } from '../pull/lock-file.js';
import { codeSpan } from '../present/index.js';
import type { LocalRuleContext, RuleContext } from './rule-context.js';

/** The command that refreshes a metric's snapshot; said by the finding and its quick fix. */
export function pullCommand(metric: string): string {
    return `align pull --metric ${metric}`;
}

/** `snapshot-drift`: on the `from` string of a pulled block whose snapshot no longer matches `align.lock.json`. */
export function checkSnapshotDrift(actuals: Actuals, { graph, snapshots, report }: RuleContext): void {
    const status = snapshots.get(actuals);
    if (!status || status.drift.length === 0) return;
    const metric = graph.nodeOf(actuals.metric?.ref)?.qualifiedName ?? actuals.metric?.$refText ?? '';
    if (status.lockProblem !== undefined) {
        // The lock file itself is unusable: `align pull` would refuse it too, so say what it says (no pull command).
        report('snapshot-drift', `Snapshot "${actuals.file}" of '${metric}' cannot be checked: ${status.lockProblem}.`,
            { node: actuals, property: 'file', data: { code: 'snapshot-drift', metric, lockProblem: true } });
        return;
    }
    // No record at all: the snapshot was never pulled (or the lock file lost its record); "no longer matches" would contradict the reason.
    const state = status.entry === undefined ? `was never pulled into ${LOCK_FILE}` : `no longer matches its record in ${LOCK_FILE}`;
    report('snapshot-drift', `Snapshot "${actuals.file}" of '${metric}' ${state}: ${status.drift.join('; ')}. Run ${codeSpan(pullCommand(metric))} and commit the snapshot and ${LOCK_FILE}.`,
        { node: actuals, property: 'file', data: { code: 'snapshot-drift', metric } });
}

/** `syntax`: an xAPI option other than `activity` given twice. */
export function checkXapiOptions(pull: PullXapi, { report }: LocalRuleContext): void {
    const seen = new Set<string>();
    for (const option of pull.options) {
        if (option.$type === 'XapiActivity') continue;
        if (seen.has(option.$type)) {
            const word = option.$cstNode?.text.split(/\s+/)[0] ?? option.$type;
            report('syntax', `The xAPI pull gives \`${word}\` twice. Give it once (only \`activity\` may be repeated).`, { node: option });
        }
        seen.add(option.$type);
    }
}
