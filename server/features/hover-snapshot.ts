import type { Actuals } from '../../language/generated/ast.js';
import { LOCK_FILE } from '../../language/pull/lock-file.js';
import { pullLabel } from '../../language/pull/pull-spec.js';
import type { SnapshotStatus } from '../../language/pull/snapshot-service.js';
import { pullCommand } from '../../language/validation/snapshot-rules.js';
import { bullets } from './hover-format.js';
import { hoverCode, hoverMessage, hoverText } from './shown-text.js';

/**
 * Hover of a pulled actuals block: where the snapshot comes from, what the lock recorded, and whether it still matches.
 * The snapshot's path, the block's source and the lock's values are the user's: shown literally (shown-text.ts).
 */
export function snapshotHover(actuals: Actuals, status: SnapshotStatus | undefined, metric: string): string {
    const head = `**snapshot** ${hoverCode(actuals.file ?? '')} of \`${metric}\``;
    if (!status) return `${head}\n\nNot compared with ${LOCK_FILE} (files are not read in an untrusted workspace).`;
    const e = status.entry;
    const source = hoverText(pullLabel(status.spec));
    const recorded = e ? bullets([
        `Pulled ${hoverText(String(e.pulledAt))} from ${source}`,
        `${e.rows} ${e.rows === 1 ? 'row' : 'rows'}${e.firstPeriod ? `, ${hoverText(e.firstPeriod)} to ${hoverText(e.lastPeriod ?? '')}` : ''}`
    ]) : undefined;
    const state = status.lockProblem !== undefined ? `Not compared: ${hoverMessage(status.lockProblem)}.`
        : status.drift.length === 0 ? `Matches its record in ${LOCK_FILE}: checks read only this snapshot.`
        : `Drift: ${status.drift.map(hoverMessage).join('; ')}. Run \`${pullCommand(metric)}\`.`;
    return [head, `Source: ${source}`, recorded, state].filter(Boolean).join('\n\n');
}
