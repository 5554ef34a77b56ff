import { isConfigurableRule, isRuleSeverity, type FindingSeverity, type RuleSeverities } from '../language/rules.js';
import { FORMATS, isFormatName, type FormatName } from './check-formats/index.js';
import { addDuration, parsePeriod } from '../language/dates.js';
import { PILOT_DAYS } from '../language/templates/builtin-program.js';
import { programNameProblem, programTitleProblem } from '../language/templates/fill-template.js';
import { parseStrict } from './parse-strict.js';
import { didYouMean } from '../language/text/suggest.js';
import { InputError } from './workspace/input-error.js';
import { notConfigurableMessage } from '../language/config/config-hints.js';
import { chooseFormat, type OutputFormats } from './output-format.js';

/** Parsed options of `align check`. */
export interface CheckArgs {
    paths: string[];
    format: FormatName;
    /** Said on standard error: `--format` writes another format than the extension of `--output` names. */
    formatWarning?: string;
    output?: string;
    config?: string;
    rules: RuleSeverities;
    maxWarnings?: number;
    maxSeverity: FindingSeverity;
    maxLaggingKpis?: number;
    maxPilotDays?: number;
    color?: boolean;
    /** `--baseline FILE`: report only findings not in it. */
    baseline?: string;
    /** `--write-baseline FILE`: record the current findings in it. */
    writeBaseline?: string;
    /** `--root DIR`: the folder the paths of sarif, github, gitlab and junit are relative to. */
    root?: string;
}

/** Parses `align check` arguments; unknown options and bad values are InputErrors naming them. */
export function parseCheckArgs(argv: string[]): CheckArgs {
    const { values, positionals, tokens } = parseOrFail(argv);
    const given = values.format as string | undefined;
    if (given !== undefined && !isFormatName(given)) throw new InputError(`--format: unknown format '${given}'${didYouMean(given, FORMATS)} (use ${FORMATS.join(', ')})`);
    const { format, warning } = chooseFormat(given, values.output as string | undefined, CHECK_OUTPUT_FORMATS);
    const maxSeverity = values['max-severity'] as string;
    if (maxSeverity !== 'info' && maxSeverity !== 'warning' && maxSeverity !== 'error') {
        throw new InputError(`--max-severity: unknown severity '${maxSeverity}' (use info, warning or error)`);
    }
    if (values.baseline !== undefined && values['write-baseline'] !== undefined) {
        throw new InputError('--baseline and --write-baseline: give one (--write-baseline records the findings, --baseline filters by them)');
    }
    return {
        paths: positionals.length > 0 ? positionals : ['.'],
        format,
        formatWarning: warning,
        output: values.output as string | undefined,
        config: values.config as string | undefined,
        rules: parseRuleFlags(values.rule as string[]),
        maxWarnings: wholeNumber(values['max-warnings'], '--max-warnings'),
        maxSeverity,
        maxLaggingKpis: wholeNumber(values['max-lagging-kpis'], '--max-lagging-kpis'),
        maxPilotDays: wholeNumber(values['max-pilot-days'], '--max-pilot-days'),
        color: lastColorFlag(tokens),
        baseline: values.baseline as string | undefined,
        writeBaseline: values['write-baseline'] as string | undefined,
        root: values.root as string | undefined
    };
}

/** The formats of `align check` by the extension of `--output` (`-o align.sarif` writes SARIF without `--format`). */
const CHECK_OUTPUT_FORMATS: OutputFormats<FormatName> = {
    byExtension: { '.sarif': 'sarif', '.json': ['json', 'gitlab'], '.xml': 'junit' },
    names: { pretty: 'text', json: 'JSON', sarif: 'SARIF', github: 'GitHub annotations', junit: 'JUnit XML', gitlab: 'GitLab Code Quality JSON' },
    fallback: 'pretty'
};

/** The options of `align check`, as node:util's `parseArgs` reads them. */
const CHECK_OPTIONS = {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    rule: { type: 'string', multiple: true, default: [] as string[] },
    'max-warnings': { type: 'string' },
    'max-severity': { type: 'string', default: 'warning' },
    'max-lagging-kpis': { type: 'string' },
    'max-pilot-days': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    root: { type: 'string' }
} as const;

function parseOrFail(args: string[]) {
    return parseStrict(args, CHECK_OPTIONS);
}

/** `--color` or `--no-color`, whichever comes last (as with git and ls); undefined when neither is given. */
function lastColorFlag(tokens: readonly { kind: string; name?: string }[]): boolean | undefined {
    let color: boolean | undefined;
    for (const t of tokens) if (t.kind === 'option' && (t.name === 'color' || t.name === 'no-color')) color = t.name === 'color';
    return color;
}

function parseRuleFlags(flags: string[]): RuleSeverities {
    const rules: RuleSeverities = {};
    for (const flag of flags) {
        // Split at the first `=` only: `id=error=x` is a bad severity, not `error`.
        const equals = flag.indexOf('=');
        const id = equals < 0 ? flag : flag.slice(0, equals);
        const severity = equals < 0 ? undefined : flag.slice(equals + 1);
        // The words of align.config.json for the same id, quoted as the CLI quotes.
        if (!isConfigurableRule(id)) throw new InputError(`--rule ${flag}: ${notConfigurableMessage(id, "'")}`);
        if (!isRuleSeverity(severity)) throw new InputError(`--rule ${flag}: expected ${id}=off|info|warning|error`);
        rules[id] = severity;
    }
    return rules;
}

function wholeNumber(value: unknown, flag: string): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InputError(`${flag}: expected a whole number, not '${String(value)}'`);
    return n;
}

/** Options of the commands that load a workspace besides `check`: the same settings as `check`. */
export interface WorkspaceArgs {
    paths: string[];
    config?: string;
    rules: RuleSeverities;
    maxLaggingKpis?: number;
    maxPilotDays?: number;
}

/** The options every command that loads a workspace takes. */
export const WORKSPACE_OPTIONS = {
    config: { type: 'string', short: 'c' },
    rule: { type: 'string', multiple: true, default: [] as string[] },
    'max-lagging-kpis': { type: 'string' },
    'max-pilot-days': { type: 'string' }
} as const;

/** {@link WorkspaceArgs} from parsed values; `paths` from the positionals (default: `.`). */
export function workspaceArgs(values: Record<string, unknown>, positionals: string[]): WorkspaceArgs {
    return {
        paths: positionals.length > 0 ? positionals : ['.'],
        config: values['config'] as string | undefined,
        rules: parseRuleFlags(values['rule'] as string[]),
        maxLaggingKpis: wholeNumber(values['max-lagging-kpis'], '--max-lagging-kpis'),
        maxPilotDays: wholeNumber(values['max-pilot-days'], '--max-pilot-days')
    };
}

/** The values of `align graph --format`. */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'json', 'svg'] as const;
export type GraphFormat = typeof GRAPH_FORMATS[number];

/** The graph's formats by the extension of `--output` (`-o chain.svg` writes SVG without `--format`). */
const GRAPH_OUTPUT_FORMATS: OutputFormats<GraphFormat> = {
    byExtension: { '.mmd': 'mermaid', '.mermaid': 'mermaid', '.dot': 'dot', '.gv': 'dot', '.json': 'json', '.svg': 'svg' },
    names: { mermaid: 'Mermaid', dot: 'DOT', json: 'JSON', svg: 'SVG' },
    fallback: 'mermaid'
};

/** The values of `align graph --direction` (the SVG's layout, as in the preview). */
export const GRAPH_DIRECTIONS = ['auto', 'right', 'down'] as const;
export type GraphDirection = typeof GRAPH_DIRECTIONS[number];

/** Parsed options of `align graph`. */
export interface GraphArgs extends WorkspaceArgs {
    format: GraphFormat;
    /** Said on standard error: `--format` writes another format than the extension of `--output` names. */
    formatWarning?: string;
    focus?: string;
    output?: string;
    direction: GraphDirection;
    /** `YYYY-MM-DD`: KPI statuses as of that day, actuals after it left out; undefined: no date (the graph's own statuses). */
    date?: string;
}

/** Parses `align graph` arguments. */
export function parseGraphArgs(argv: string[]): GraphArgs {
    const { values, positionals } = parseStrict(argv, {
        ...WORKSPACE_OPTIONS,
        format: { type: 'string', short: 'f' },
        focus: { type: 'string' },
        output: { type: 'string', short: 'o' },
        direction: { type: 'string', default: 'auto' },
        date: { type: 'string' }
    });
    const given = values.format === undefined ? undefined : oneOf(values.format, GRAPH_FORMATS, '--format', 'format');
    const { format, warning } = chooseFormat(given, values.output, GRAPH_OUTPUT_FORMATS);
    const direction = oneOf(values.direction, GRAPH_DIRECTIONS, '--direction', 'direction');
    const focus = values.focus;
    if (focus !== undefined && focus.trim() === '') throw new InputError('--focus: expected the name of a program or outcome');
    return { ...workspaceArgs(values, positionals), format, formatWarning: warning, focus, output: values.output, direction, date: isoDate(values.date, '--date') };
}

/** The values of `align report --format`. */
export const REPORT_FORMATS = ['md', 'html'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

/** The report's formats by the extension of `--output` (`-o review.html` writes HTML without `--format`). */
export const REPORT_OUTPUT_FORMATS: OutputFormats<ReportFormat> = {
    byExtension: { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' },
    names: { md: 'Markdown', html: 'HTML' },
    fallback: 'md'
};

/** Parsed options of `align report`. */
export interface ReportArgs extends WorkspaceArgs {
    format: ReportFormat;
    /** Said on standard error: `--format` writes another format than the extension of `--output` names. */
    formatWarning?: string;
    output?: string;
    /** `YYYY-MM-DD`; today (local time) when not given. */
    date?: string;
}

/** Parses `align report` arguments; without `--format`, the extension of `--output` says the format (else Markdown). */
export function parseReportArgs(argv: string[]): ReportArgs {
    const { values, positionals } = parseStrict(argv, {
        ...WORKSPACE_OPTIONS,
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        date: { type: 'string' }
    });
    const given = values.format === undefined ? undefined : oneOf(values.format, REPORT_FORMATS, '--format', 'format');
    const { format, warning } = chooseFormat(given, values.output, REPORT_OUTPUT_FORMATS);
    return { ...workspaceArgs(values, positionals), format, formatWarning: warning, output: values.output, date: isoDate(values.date, '--date') };
}

/** Parsed options of `align init`. */
export interface InitArgs {
    /** The program's name, a valid Align ID. */
    name: string;
    /** The file to write; `-` for standard output. */
    output?: string;
    force: boolean;
    /** The pilot's first day, `YYYY-MM-DD`; today when not given. */
    date?: string;
    /** `--template NAME`: `builtin` or one of the `templates` of `align.config.json`. */
    template?: string;
    /** `--list-templates`: print the templates instead of writing a program. */
    listTemplates: boolean;
    /** `--title TEXT`: the program's title (default: from the name). */
    title?: string;
}

/** `MyProgram`: the name `align init` uses when none is given. */
export const DEFAULT_PROGRAM_NAME = 'MyProgram';

/** Parses `align init` arguments. */
export function parseInitArgs(argv: string[]): InitArgs {
    const { values, positionals } = parseStrict(argv, {
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        date: { type: 'string' },
        template: { type: 'string', short: 't' },
        'list-templates': { type: 'boolean', default: false },
        title: { type: 'string' }
    });
    if (positionals.length > 1) throw new InputError(`init takes one name, not ${positionals.length} ('${positionals.join("', '")}')`);
    const name = positionals[0] ?? DEFAULT_PROGRAM_NAME;
    if (programNameProblem(name) === 'not-a-name') {
        throw new InputError(`'${name}' is not a valid program name: use letters, digits and _, not starting with a digit (e.g. ChurnPilot)`);
    }
    if (values.title !== undefined && programTitleProblem(values.title) === 'line-break') {
        throw new InputError('--title: a title is one line (an Align string holds no line break)');
    }
    if (values.title !== undefined && values.title.trim() === '') {
        throw new InputError('--title: is empty; give the program\'s title in words, or leave --title out to derive it from the name');
    }
    return {
        name, output: values.output, force: values.force === true, date: pilotStart(values.date),
        template: values.template, listTemplates: values['list-templates'] === true, title: values.title
    };
}

/** Parsed options of `align fmt`. */
export interface FmtArgs {
    paths: string[];
    check: boolean;
}

/** Parses `align fmt` arguments. */
export function parseFmtArgs(argv: string[]): FmtArgs {
    const { values, positionals } = parseStrict(argv, { check: { type: 'boolean', default: false } });
    return { paths: positionals.length > 0 ? positionals : ['.'], check: values.check === true };
}

/** Parsed options of `align pull`. */
export interface PullArgs {
    paths: string[];
    config?: string;
    /** `--metric NAME` (repeatable): only the pulls of these metrics. */
    metrics: string[];
    dryRun: boolean;
}

/** Parses `align pull` arguments. */
export function parsePullArgs(argv: string[]): PullArgs {
    const { values, positionals } = parseStrict(argv, {
        config: { type: 'string', short: 'c' },
        metric: { type: 'string', short: 'm', multiple: true, default: [] as string[] },
        'dry-run': { type: 'boolean', default: false }
    });
    const metrics = values.metric as string[];
    const empty = metrics.find(m => m.trim() === '');
    if (empty !== undefined) throw new InputError('--metric: expected the name of a metric');
    return { paths: positionals.length > 0 ? positionals : ['.'], config: values.config, metrics, dryRun: values['dry-run'] === true };
}

/** `value` if it is one of `allowed`, else an InputError naming the flag and the allowed values. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string, what: string): T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    throw new InputError(`${flag}: unknown ${what} '${String(value)}'${didYouMean(String(value), allowed)} (use ${allowed.join(', ')})`);
}

/** A calendar date `YYYY-MM-DD`, checked (no 2026-02-30). */
/** `init --date`: a day from which the template's pilot ends by 9999-12-31 (the last day a date can be written). */
function pilotStart(value: unknown): string | undefined {
    const date = isoDate(value, '--date');
    if (date !== undefined && addDuration(parsePeriod(date)!.day, PILOT_DAYS, 'days') === undefined) {
        throw new InputError(`--date: a pilot of ${PILOT_DAYS} days from ${date} would end after 9999-12-31; give an earlier day`);
    }
    return date;
}

function isoDate(value: unknown, flag: string): string | undefined {
    if (value === undefined) return undefined;
    const text = String(value);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new InputError(`${flag}: expected a date YYYY-MM-DD, not '${text}'`);
    if (parsePeriod(text) === undefined) throw new InputError(`${flag}: '${text}' is not a real date; give a day that exists, YYYY-MM-DD`);
    return text;
}
