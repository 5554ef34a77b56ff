import * as fs from 'node:fs';
import type { Finding, FindingSeverity } from '../../language/rules.js';
import type { CheckArgs } from '../args.js';
import type { Progress } from '../progress.js';
import { formatterFor } from '../check-formats/index.js';
import { describeCode, InputError } from '../workspace/input-error.js';
import { loadWorkspace } from '../workspace/load-workspace.js';
import { collectFindings } from './collect-findings.js';
import { reportLogged } from '../workspace/report-logged.js';

const RANK: Record<FindingSeverity, number> = { info: 0, warning: 1, error: 2 };

/** `align check`: loads the workspace, prints the findings, returns the exit status (0 clean, 1 failing). */
export async function runCheck(args: CheckArgs, io: { version: string; isTty: boolean; write(text: string): void; progress?: Progress }): Promise<number> {
    const workspace = await loadWorkspace({
        paths: args.paths,
        configFile: args.config,
        overrides: { rules: args.rules, maxLaggingKpis: args.maxLaggingKpis, maxPilotDays: args.maxPilotDays },
        onProgress: io.progress ? (verb, done, total) => io.progress!.update(verb, done, total) : undefined
    });
    io.progress?.done();
    reportLogged(workspace.logged);
    const findings = collectFindings(workspace);
    const color = args.output === undefined && (args.color ?? (io.isTty && !process.env['NO_COLOR']));
    const text = formatterFor(args.format)(findings, { toolVersion: io.version, color, filesChecked: workspace.documents.length });
    if (args.output !== undefined) writeOutput(args.output, text);
    else io.write(text);
    return exitStatus(findings, args);
}

function exitStatus(findings: readonly Finding[], args: CheckArgs): number {
    const failing = findings.some(f => RANK[f.severity] > RANK[args.maxSeverity]);
    const warnings = findings.filter(f => f.severity === 'warning').length;
    return failing || (args.maxWarnings !== undefined && warnings > args.maxWarnings) ? 1 : 0;
}

function writeOutput(file: string, text: string): void {
    try {
        fs.writeFileSync(file, text);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(`--output ${file}: cannot be written (${code === 'ENOENT' ? 'no such folder, ENOENT' : describeCode(code, error)})`);
    }
}
