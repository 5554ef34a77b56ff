import type { Actuals } from '../../language/generated/ast.js';
import { LOCK_FILE } from '../../language/pull/lock-file.js';
import { pullLabel } from '../../language/pull/pull-spec.js';
import type { SnapshotStatus } from '../../language/pull/snapshot-service.js';
import { pullCommand } from '../../language/validation/snapshot-rules.js';
import { bullets } from './hover-format.js';

/** Hover of a pulled actuals block: where the snapshot comes from, what the lock recorded, and whether it still matches. */
export function snapshotHover(actuals: Actuals, status: SnapshotStatus | undefined, metric: string): string {
    const head = `**snapshot** \`${actuals.file}\` of \`${metric}\``;
    if (!status) return `${head}\n\nNot compared with ${LOCK_FILE} (files are not read in an untrusted workspace).`;
    const e = status.entry;
    const recorded = e ? bullets([
        `Pulled ${e.pulledAt} from ${pullLabel(status.spec)}`,
        `${e.rows} ${e.rows === 1 ? 'row' : 'rows'}${e.firstPeriod ? `, ${e.firstPeriod} to ${e.lastPeriod}` : ''}`
    ]) : undefined;
    const state = status.lockProblem !== undefined ? `Not compared: ${status.lockProblem}.`
        : status.drift.length === 0 ? `Matches its record in ${LOCK_FILE}: checks read only this snapshot.`
        : `Drift: ${status.drift.join('; ')}. Run \`${pullCommand(metric)}\`.`;
    return [head, `Source: ${pullLabel(status.spec)}`, recorded, state].filter(Boolean).join('\n\n');
}
