/** `align report`: the monthly stakeholder review as Markdown or one self-contained HTML page. */
import * as path from 'node:path';
import { localToday } from '../../language/dates.js';
import type { ReportArgs } from '../args.js';
import { loadGraph } from '../graph/load-graph.js';
import { outputFileOf } from '../check/output-file.js';
import { writeOutputFile } from '../graph/write-output.js';
import { syntaxNotices } from '../graph/syntax-notice.js';
import type { Progress } from '../progress.js';
import { printMessage } from '../message.js';
import { relativePath } from '../shown-path.js';
import { buildReport, REPORT_TITLE } from './build-report.js';
import { toHtml } from './html.js';
import { toMarkdown } from './markdown.js';

export interface ReportIo {
    write(text: string): void;
    progress: Progress;
}

/**
 * Runs `align report`; resolves to 0 once the report is written (findings
 * are its content, not a failure). `--output` never overwrites an `.align`
 * file or the settings file it read (exit 2); `--output -` is standard output.
 */
export async function runReport(args: ReportArgs, io: ReportIo): Promise<number> {
    // Files named from the workspace root, not from wherever the command ran: the report is read elsewhere.
    const date = args.date ?? localToday();
    // The report as printed on its date: actuals dated after it are left out of every figure and finding.
    const { workspace, index, findings, notAlign } = await loadGraph(args, io.progress, 'root', date);
    const output = outputFileOf(args.output, workspace);
    // `-f md -o review.html`: written as asked (an explicit choice), but said, before a CI job mails the file.
    if (args.formatWarning !== undefined) printMessage(args.formatWarning);
    const later = workspace.services.align.Graph.laterActuals();
    const blocks = buildReport({ index, findings, date, files: workspace.documents.length, laterActuals: later, notAlign });
    const text = args.format === 'html' ? toHtml(blocks, `${REPORT_TITLE}, ${date}`) : toMarkdown(blocks);
    if (output !== undefined) writeOutputFile(output, text);
    else io.write(text);
    // The report says it too, inside; a CI job that writes it to a file shows only this. On stderr,
    // files are named as align check and align graph name them: relative to the current folder.
    const fromHere = findings.map(f => ({ ...f, file: relativePath(path.resolve(workspace.root, f.file)) }));
    for (const line of syntaxNotices(fromHere, 'report', notAlign)) process.stderr.write(`${line}\n`);
    return 0;
}
