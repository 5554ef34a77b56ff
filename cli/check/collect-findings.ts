import { toFinding } from '../../language/findings.js';
import type { GraphRange } from '../../language/graph/types.js';
import type { Finding } from '../../language/rules.js';
import type { AlignDocumentValidator } from '../../language/validation/align-document-validator.js';
import { UNKNOWN_SUPPRESSION_KEY } from '../../language/validation/suppressions.js';
import { sortFindings } from '../check-formats/sort.js';
import type { LoadedWorkspace } from '../workspace/load-workspace.js';
import { relativePath } from '../shown-path.js';

/** A finding with the document and range it was reported on, for placing it on the graph's nodes. */
export interface PlacedFinding extends Finding {
    /** The document's URI as the graph writes it; undefined for `align.config.json`. */
    uri?: string;
    range?: GraphRange;
}

/**
 * Whether a finding means that text of a file was not read into the model:
 * a `syntax` finding, but the one on an unknown id of a suppression comment,
 * which concerns a comment (`align graph` and `align report` say the first
 * kind leaves things out).
 */
export function leavesTextOut(finding: Finding): boolean {
    return finding.rule === 'syntax' && !finding.identity?.key.startsWith(`${UNKNOWN_SUPPRESSION_KEY} `);
}

/**
 * Every diagnostic of the workspace, and of its config file, as findings,
 * sorted; `fileOf` names the files (default: paths relative to the current folder).
 */
export function collectFindings(workspace: LoadedWorkspace, fileOf: (fsPath: string) => string = relativePath): PlacedFinding[] {
    const findings: PlacedFinding[] = [];
    for (const document of workspace.documents) {
        const file = fileOf(document.uri.fsPath);
        const uri = document.uri.toString();
        for (const diagnostic of document.diagnostics ?? []) findings.push({ ...toFinding(file, diagnostic), uri, range: diagnostic.range });
    }
    if (workspace.configFile) {
        const file = fileOf(workspace.configFile);
        for (const problem of workspace.configProblems) {
            findings.push({ file, line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.endColumn ?? problem.column + 1, severity: 'error', rule: 'config-invalid', message: problem.message });
        }
    }
    return sortFindings(findings) as PlacedFinding[];
}

/**
 * The findings that `align-disable-next-line` comments hide, sorted: asked
 * of the validator only when a format shows them (`sarif`), so a check that
 * does not pays nothing for them.
 */
export async function collectSuppressedFindings(workspace: LoadedWorkspace, fileOf: (fsPath: string) => string = relativePath): Promise<Finding[]> {
    const validator = workspace.services.validation.DocumentValidator as AlignDocumentValidator;
    const findings: Finding[] = [];
    for (const document of workspace.documents) {
        const suppressed = await validator.suppressed(document) ?? [];
        const file = fileOf(document.uri.fsPath);
        for (const diagnostic of suppressed) findings.push(toFinding(file, diagnostic));
    }
    return sortFindings(findings);
}
