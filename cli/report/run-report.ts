/** `align report`: the monthly stakeholder review as Markdown or one self-contained HTML page. */
import type { ReportArgs } from '../args.js';
import { loadGraph } from '../graph/load-graph.js';
import { writeOutputFile } from '../graph/write-output.js';
import type { Progress } from '../progress.js';
import { buildReport, REPORT_TITLE } from './build-report.js';
import { toHtml } from './html.js';
import { toMarkdown } from './markdown.js';

export interface ReportIo {
    write(text: string): void;
    progress: Progress;
}

/** Runs `align report`; resolves to 0 once the report is written (findings are its content, not a failure). */
export async function runReport(args: ReportArgs, io: ReportIo): Promise<number> {
    const { workspace, index, findings } = await loadGraph(args, io.progress);
    const date = args.date ?? today();
    const blocks = buildReport({ index, findings, date, files: workspace.documents.length });
    const text = args.format === 'html' ? toHtml(blocks, `${REPORT_TITLE}, ${date}`) : toMarkdown(blocks);
    if (args.output !== undefined) writeOutputFile(args.output, text);
    else io.write(text);
    return 0;
}

/** Today's date in local time, `YYYY-MM-DD`. */
export function today(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
