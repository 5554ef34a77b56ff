import type { AstNode, URI } from 'langium';
import type { ActualsEntry, ActualsProblem } from '../actuals/read-actuals.js';
import { WordedRows } from '../actuals/worded-rows.js';
import type { ActualValue } from '../actuals/actual-values.js';
import type { Actuals } from '../generated/ast.js';
import type { RepeatedActual } from '../graph/actuals-index.js';
import { actualDecimals, deadlineText, formatAmount } from '../present/index.js';
import type { RuleContext } from './rule-context.js';
import { CsvRowFindings } from './csv-row-findings.js';
import { readablePath } from './structure-rules.js';

/**
 * `actuals-invalid`: malformed rows or CSV cells, periods not increasing (in
 * a block, or a period an earlier block of the metric gives a value already),
 * a percentage for a metric of another unit, missing or unreadable file,
 * metric without baseline (but a control group: language.md reads its
 * baseline as its first actual when it has none).
 */
export function checkActualsValid(actuals: Actuals, { graph, report, settings }: RuleContext): void {
    const name = actuals.metric?.$refText ?? '';
    // `actuals` with no metric named yet (being typed, or what recovery made of a keyword): its syntax error says it all.
    if (name === '') return;
    const read = graph.actualsRead.get(actuals);
    // The problems of a CSV file's rows all mark the file string: gathered, in line order, and capped (csv-row-findings.ts).
    const csvRows = new CsvRowFindings(name, actuals.file);
    for (const problem of read?.problems ?? []) {
        const fix = fixOf(problem);
        const message = `Actuals of '${name}': ${problem.message}.${fix ? ` ${fix}.` : ''}`;
        if (problem.csvLine !== undefined && !problem.row) csvRows.add(problem.csvLine, message);
        else report('actuals-invalid', message, problem.row ? { node: problem.row } : whereFileOrFirstRow(actuals));
    }
    if (read?.unwordedOrder) csvRows.addUnworded(read.unwordedOrder);
    const repeats = graph.repeatedActuals.get(actuals);
    for (const repeat of repeats?.worded ?? []) {
        const at = placeOf(repeat.first, settings.workspaceRoot);
        const here = repeat.entry.csvLine ? `file "${actuals.file}" line ${repeat.entry.csvLine}: ` : '';
        const { entry, first } = repeat;
        const period = entry.period.text === first.entry.period.text
            ? `period ${entry.period.text} is given twice`
            : `period ${entry.period.text} ends the same day as ${first.entry.period.text}, given before`;
        const message = `Actuals of '${name}': ${here}${period}: ${valueText(entry.value)} here, ${valueText(first.entry.value)} at ${at} (the earlier value counts). `
            + 'Keep one value for the period: remove this row or the other.';
        if (entry.row) report('actuals-invalid', message, { node: entry.row });
        else csvRows.add(entry.csvLine ?? 0, message);
    }
    if (repeats) csvRows.addUnworded(repeats.unworded);
    const node = graph.nodeOf(actuals.metric?.ref);
    const metric = node?.metric;
    const unit = metric?.unit;
    if (unit && unit !== 'percent') {
        // Of a CSV file's rows, the first few are worded and the lines of the others counted (worded-rows.ts).
        const percents = new WordedRows<ActualsEntry>();
        for (const entry of read?.entries ?? []) {
            if (entry.value.percent && percents.words(entry.csvLine)) percents.worded.push(entry);
        }
        for (const entry of percents.worded) {
            const here = entry.csvLine ? `file "${actuals.file}" line ${entry.csvLine}: ` : '';
            const message = `Actuals of '${name}': ${here}${entry.period.text} is a percentage (${valueText(entry.value)}), but metric '${name}' has unit ${unit}. `
                + `Write the value in ${unit} (${entry.value.value}), or set \`unit percent\` on the metric.`;
            // The row, as every finding on a row of actuals (language.md: "marks the row, or the file string").
            if (entry.row) report('actuals-invalid', message, { node: entry.row });
            else csvRows.add(entry.csvLine ?? 0, message);
        }
        csvRows.addUnworded(percents.unworded);
    }
    if (read?.unlistedRows) csvRows.addUnlisted(read.unlistedRows);
    for (const message of csvRows.messages()) report('actuals-invalid', message, { node: actuals, property: 'file' });
    if (node && metric && metric.baseline === undefined && !graph.isControlGroup(node.id)) {
        report('actuals-invalid', `Actuals of '${name}' have nothing to compare with: metric '${name}' has no baseline. Add \`baseline\` to the metric.`,
            whereFileOrFirstRow(actuals));
    }
}

/** `actuals-off-track`: on the block that holds the metric's latest row. */
export function checkActualsOnTrack(actuals: Actuals, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(actuals.metric?.ref);
    const latest = node ? graph.latestActual.get(node.id) : undefined;
    const figures = node?.metric;
    if (!node || !figures || latest?.actuals !== actuals || figures.onTrack !== false) return;
    const amount = (value: number | undefined, decimals?: number): string => formatAmount(value ?? 0, figures.unit, decimals);
    // The actual as written, and the limit it misses with the decimals that tell them apart.
    const apart = actualDecimals(latest.entry.value.value, figures.expected ?? 0);
    report('actuals-off-track', `'${node.name}' is off track: ${latest.entry.period.text} is ${amount(latest.entry.value.value, apart)}, the trajectory from ${amount(figures.baseline)} to ${amount(figures.target)} by ${deadlineText(figures, 'long')} expects ${figures.direction === 'up' ? 'at least' : 'at most'} ${amount(figures.expected, apart)}. ${reviewAdvice(graph, node.id)}`,
        latest.entry.row ? { node: latest.entry.row } : { node: actuals, property: 'file' });
}

/**
 * Whom to review an off-track KPI with: the program whose chain holds it
 * (named, when one), else its owner, since no program moves it.
 */
function reviewAdvice(graph: RuleContext['graph'], id: string): string {
    // The graph's index of programs by member, not a walk over every node (which would also join the lazily built node list).
    const programs = [...graph.programsHolding(id)].map(p => graph.node(p)).filter(p => p?.programFigures?.chain.includes(id))
        .sort((a, b) => a!.name.localeCompare(b!.name, 'en')).map(p => `'${p!.name}'`);
    if (programs.length === 1) return `Review program ${programs[0]} with its sponsor.`;
    if (programs.length > 1) return `Review the programs whose chain holds it (${programs.join(', ')}) with their sponsors.`;
    return 'No program moves it: review it with its owner, and link a program that should.';
}

/** Where a period was first given: `file.align:line` for a row, `"data.csv" line n (file.align:line)` for a CSV row. */
function placeOf({ uri, entry, actuals }: RepeatedActual['first'], root: URI | undefined): string {
    const document = readablePath(uri, root);
    const line = (node: AstNode) => (node.$cstNode?.range.start.line ?? 0) + 1;
    return entry.row ? `${document}:${line(entry.row)}` : `"${actuals.file}" line ${entry.csvLine} (${document}:${line(actuals)})`;
}

function valueText(value: ActualValue): string {
    return `${value.value}${value.percent ? '%' : ''}`;
}

function whereFileOrFirstRow(actuals: Actuals) {
    const first = actuals.rows[0];
    if (actuals.file !== undefined) return { node: actuals, property: 'file' as const };
    return first ? { node: first } : { node: actuals, property: 'metric' as const };
}

/**
 * What to do about a problem of an actuals block, for the problems whose
 * own words do not say it already (`periods must increase`, `add ...`,
 * `expected ...`): a row's period that is no real date, a file that cannot
 * be read, a CSV cell that is not a period or a number.
 */
function fixOf(problem: ActualsProblem): string | undefined {
    const { message } = problem;
    if (/periods must increase|: add |expected /.test(message)) return undefined;
    if (problem.row) return 'Write the period as YYYY-MM-DD, YYYY-MM, YYYY-Qn (1-4) or YYYY-Hn (1-2)';
    if (/untrusted workspace/.test(message)) return 'Trust the workspace to read it';
    if (/outside the workspace folder/.test(message)) return 'Move the file into the workspace folder, and give its path relative to this `.align` file';
    if (/permission denied/.test(message)) return 'Check the file\'s permissions: the user running Align must be allowed to read it';
    if (/is missing|cannot be read|was not read/.test(message)) return 'Fix the path (relative to this `.align` file), or create the file';
    if (/line \d+: (period|value) /.test(message)) return 'Write each row as a period (2026-03, 2026-Q1, 2026-03-31) and a number or percentage (12.5 or 12.5%)';
    return 'Save it as a text CSV file: a header row `period,value`, then one row per period';
}
