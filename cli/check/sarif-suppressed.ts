/**
 * The suppressed findings `align check --format sarif` writes as results
 * with `suppressions`: those an `align-disable-next-line` comment hides
 * (`inSource`) and those the `--baseline` file holds (`external`). They are
 * left out of every other format and of the exit status.
 */
import type { Finding } from '../../language/rules.js';
import { plural } from '../../language/present/index.js';
import { CODE_SCANNING_LIMITS } from '../check-formats/sarif.js';
import type { SuppressedFinding } from '../check-formats/types.js';
import type { LoadedWorkspace } from '../workspace/load-workspace.js';
import { collectSuppressedFindings } from './collect-findings.js';
import { printMessage } from '../message.js';

/**
 * The suppressed findings for the SARIF log of `reported` findings; none
 * (and a line on standard error) when they would take it past the results
 * code scanning keeps: they must not crowd out the reported ones, nor undo
 * what a baseline does for a large workspace.
 */
export async function sarifSuppressed(workspace: LoadedWorkspace, held: readonly Finding[], baseline: string | undefined, reported: number): Promise<SuppressedFinding[]> {
    const inSource = (await collectSuppressedFindings(workspace)).map(f => ({ ...f, suppression: { kind: 'inSource' as const } }));
    const external = held.map(f => ({ ...f, suppression: { kind: 'external' as const, justification: `in the baseline ${baseline}` } }));
    const suppressed = [...inSource, ...external];
    if (suppressed.length === 0 || reported + suppressed.length <= CODE_SCANNING_LIMITS.stored) return suppressed;
    printMessage(`align: ${plural(suppressed.length, 'suppressed finding')} not in the SARIF log (over ${CODE_SCANNING_LIMITS.stored.toLocaleString('en-US')} results)`);
    return [];
}
