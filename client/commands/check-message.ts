/**
 * The message of `Align: Check Workspace`. Pure: no `vscode`.
 */
import { formatNumber, plural } from '../../language/present/index.js';

/** What `Align: Check Workspace` found (also the command's return value). */
export interface CheckCounts {
    files: number;
    errors: number;
    warnings: number;
    infos: number;
}

/** The counts, and the coverage; or, when the impact graph could not be built (a bug in Align), the server's reason. */
export type CheckSummary = CheckCounts & ({ aligned: number; objectives: number } | { fault: string });

/**
 * `Align: 5 files checked: 4 errors, 5 warnings, 4 infos. 9 of 11 objectives
 * aligned to a KPI.` With no `.align` file, says so and how to start one
 * instead of counting zeros; with no objective, says that none is declared;
 * without a graph, that the rules reading it did not run.
 */
export function checkMessage(summary: CheckSummary): string {
    if (summary.files === 0) {
        return 'Align: no .align file to check in this workspace. Create one with "Align: New Program from Template".';
    }
    const findings = `${plural(summary.files, 'file')} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}.`;
    if ('fault' in summary) return `Align: ${findings} The impact graph could not be built (a bug in Align: please report it), so the rules that read it did not run.`;
    const coverage = summary.objectives === 0
        ? 'No learning objective declared yet.'
        : `${formatNumber(summary.aligned)} of ${plural(summary.objectives, 'objective')} aligned to a KPI.`;
    return `Align: ${findings} ${coverage}`;
}
