import type { Finding, FindingSeverity } from '../../language/rules.js';
import type { CheckArgs } from '../args.js';
import type { Progress } from '../progress.js';
import { formatterFor } from '../check-formats/index.js';
import { writeOutputFile } from '../graph/write-output.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load-workspace.js';
import { plural } from '../../language/present/index.js';
import { applyBaseline, readBaseline, writeBaseline, type BaselineName } from './baseline.js';
import { readBaselineRoot, writtenBaselineRoot } from './baseline-root.js';
import { collectFindings } from './collect-findings.js';
import { reportLogged } from '../workspace/report-logged.js';
import { checkColor } from './color.js';
import { fromRoot, reportRoot, ROOT_RELATIVE_FORMATS } from './report-root.js';
import { outputFileOf, refuseOutputOverInput } from './output-file.js';
import { codeScanningNotice } from '../check-formats/sarif.js';
import { sarifSuppressed } from './sarif-suppressed.js';
import { printMessage } from '../message.js';
import { rewriteBaselineCommand } from './rewrite-command.js';
import { shellLines } from '../shell-word.js';
import { outputWidth } from '../../language/text/wrap.js';
import { unreadFilesHint } from './unread-files-hint.js';

const RANK: Record<FindingSeverity, number> = { info: 0, warning: 1, error: 2 };

/** Where `align check` writes, and what it knows about standard output. */
export interface CheckIo {
    version: string;
    isTty: boolean;
    /** Columns of standard output (80 when it is not a terminal). */
    width: number;
    write(text: string): void;
    progress?: Progress;
}

/** `align check`: loads the workspace, prints the findings, returns the exit status (0 clean, 1 failing). */
export async function runCheck(args: CheckArgs, io: CheckIo): Promise<number> {
    const workspace = await loadWorkspace({
        paths: args.paths,
        configFile: args.config,
        overrides: { rules: args.rules, maxLaggingKpis: args.maxLaggingKpis, maxPilotDays: args.maxPilotDays },
        onProgress: io.progress ? (verb, done, total) => io.progress!.update(verb, done, total) : undefined
    });
    io.progress?.done();
    reportLogged(workspace.logged);
    const output = outputFileOf(args.output, workspace, args.baseline ?? args.writeBaseline);
    if (args.writeBaseline !== undefined) refuseOutputOverInput(args.writeBaseline, workspace, undefined, '--write-baseline');
    if (args.formatWarning !== undefined) printMessage(args.formatWarning);
    const toStdout = output === undefined;
    // Checked for every format (a wrong --root is an error), used by the CI formats.
    const root = reportRoot(args.root);
    const all = collectFindings(workspace);
    const { findings, held } = withBaseline(all, args, workspace);
    const baselined = args.writeBaseline !== undefined ? all.length : args.baseline !== undefined ? held.length : 0;
    // Only SARIF shows suppressed findings (as results with `suppressions`); they never count for the exit status.
    const suppressed = args.format === 'sarif' ? await sarifSuppressed(workspace, held, args.baseline, findings.length) : [];
    const relative = <F extends Finding>(list: F[]): F[] => ROOT_RELATIVE_FORMATS.includes(args.format) ? list.map(f => ({ ...f, file: fromRoot(f.file, root) })) : list;
    const shown = relative(findings);
    const color = toStdout && checkColor(args.color, io.isTty, process.env);
    const width = toStdout ? io.width : 80;
    const text = formatterFor(args.format)(shown, { toolVersion: io.version, color, filesChecked: workspace.documents.length, width, root, suppressed: relative(suppressed), baselined });
    const notice = args.format === 'sarif' ? codeScanningNotice(shown.length + suppressed.length) : undefined;
    if (notice !== undefined) printMessage(notice);
    if (output !== undefined) writeOutputFile(output, text);
    else io.write(text);
    // For a reader: the machine formats keep standard error for failures.
    const hint = args.format === 'pretty' ? await unreadFilesHint(findings, workspace) : undefined;
    if (hint !== undefined) printMessage(hint);
    return exitStatus(findings, args);
}

/**
 * Whether this run read a file, named as `nameOf` names it: its `.align`
 * files and its settings file.
 */
function filesRead(workspace: LoadedWorkspace, nameOf: BaselineName): (file: string) => boolean {
    const read = new Set(workspace.documents.map(document => nameOf(document.uri.fsPath)));
    if (workspace.configFile !== undefined) read.add(nameOf(workspace.configFile));
    return file => read.has(file);
}

/**
 * `--write-baseline FILE` records every finding (none is then reported);
 * `--baseline FILE` keeps only the findings it does not hold (`held`: the
 * others), and says on standard error how many matched and how many of its
 * findings are gone. Those of files this run did not read (a check of some
 * of the paths) are not gone: they are counted apart, and the command that
 * rewrites the baseline, which would drop them, is not offered. The
 * baseline names files relative to the workspace root, or to its own folder
 * when nothing marks that root (baseline-root.ts), so that it matches
 * whatever folder the check runs from.
 */
function withBaseline(all: Finding[], args: CheckArgs, workspace: LoadedWorkspace): { findings: Finding[]; held: Finding[] } {
    const namedFrom = (root: string): BaselineName => file => fromRoot(file, root);
    if (args.writeBaseline !== undefined) {
        const { paths, root } = writtenBaselineRoot(workspace, args.writeBaseline);
        writeBaseline(args.writeBaseline, all, paths, namedFrom(root));
        printMessage(`align: wrote ${plural(all.length, 'finding')} to the baseline ${args.writeBaseline}`);
        return { findings: [], held: [] };
    }
    if (args.baseline === undefined) return { findings: all, held: [] };
    const baselineFile = args.baseline;
    const { entries, nameOf } = readBaseline(baselineFile, paths => namedFrom(readBaselineRoot(workspace, baselineFile, paths)));
    const result = applyBaseline(all, entries, filesRead(workspace, nameOf), nameOf);
    printMessage(`align: baseline ${args.baseline}: ${result.matched} matched, ${result.fresh.length} new${baselineChanges(result.gone, result.unchecked)}`);
    // The command on lines of its own, continued with ` \`: pasted whole into a shell, never cut by the wrapping.
    if (result.gone > 0 && result.unchecked === 0) process.stderr.write(`${shellLines(rewriteBaselineCommand(args, args.baseline), outputWidth(process.stderr), '    ').join('\n')}\n`);
    return { findings: result.fresh, held: result.held };
}

/** What the baseline line says of the baseline findings that no longer occur and of those in files not checked. */
function baselineChanges(gone: number, unchecked: number): string {
    const them = (n: number) => n === 1 ? 'it' : 'them';
    const goneText = `${plural(gone, 'baseline finding')} no longer ${gone === 1 ? 'occurs' : 'occur'} (fixed, or the element was renamed)`;
    if (unchecked === 0) return gone === 0 ? '' : `; ${goneText}; to drop ${them(gone)}, run:`;
    const where = `${unchecked === 1 ? 'is' : 'are'} in files this run did not check`;
    if (gone === 0) return `; ${plural(unchecked, 'baseline finding')} ${where}`;
    return `; ${goneText}, and ${unchecked} ${where}; to drop the ${gone === 1 ? 'one' : gone} gone, write the baseline again with a check of every file it covers`;
}

function exitStatus(findings: readonly Finding[], args: CheckArgs): number {
    const count = (severity: FindingSeverity) => findings.filter(f => f.severity === severity).length;
    const above = (['error', 'warning', 'info'] as const).filter(s => RANK[s] > RANK[args.maxSeverity] && count(s) > 0);
    const tooManyWarnings = args.maxWarnings !== undefined && count('warning') > args.maxWarnings;
    if (above.length === 0 && !tooManyWarnings) return 0;
    // Errors say why the run fails; warnings and infos need a line that names the option.
    if (!above.includes('error')) {
        const reasons = [
            ...(above.length > 0 ? [`${above.map(s => plural(count(s), s)).join(' and ')} above --max-severity ${args.maxSeverity}`] : []),
            ...(tooManyWarnings ? [`${plural(count('warning'), 'warning')}, more than --max-warnings ${args.maxWarnings}`] : []),
        ];
        printMessage(`align: ${reasons.join('; ')}`);
    }
    return 1;
}
