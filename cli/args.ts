import { parseArgs } from 'node:util';
import { isConfigurableRule, isRuleSeverity, type FindingSeverity, type RuleSeverity } from '../language/rules.js';
import { FORMATS, isFormatName, type FormatName } from './format/index.js';
import { InputError } from './workspace/input-error.js';

/** Parsed options of `align check`. */
export interface CheckArgs {
    paths: string[];
    format: FormatName;
    output?: string;
    config?: string;
    rules: Record<string, RuleSeverity>;
    maxWarnings?: number;
    maxSeverity: FindingSeverity;
    maxLaggingKpis?: number;
    maxPilotDays?: number;
    color?: boolean;
}

/** Parses `align check` arguments; unknown options and bad values are InputErrors naming them. */
export function parseCheckArgs(argv: string[]): CheckArgs {
    const { values, positionals } = parseOrFail(argv);
    const format = values.format as string;
    if (!isFormatName(format)) throw new InputError(`--format: unknown format '${format}' (use ${FORMATS.join(', ')})`);
    const maxSeverity = values['max-severity'] as string;
    if (maxSeverity !== 'info' && maxSeverity !== 'warning' && maxSeverity !== 'error') {
        throw new InputError(`--max-severity: unknown severity '${maxSeverity}' (use info, warning or error)`);
    }
    return {
        paths: positionals.length > 0 ? positionals : ['.'],
        format,
        output: values.output as string | undefined,
        config: values.config as string | undefined,
        rules: parseRuleFlags(values.rule as string[]),
        maxWarnings: wholeNumber(values['max-warnings'], '--max-warnings'),
        maxSeverity,
        maxLaggingKpis: wholeNumber(values['max-lagging-kpis'], '--max-lagging-kpis'),
        maxPilotDays: wholeNumber(values['max-pilot-days'], '--max-pilot-days'),
        color: values['no-color'] ? false : values.color as boolean | undefined
    };
}

/** The options of `align check`, as node:util's `parseArgs` reads them. */
const CHECK_OPTIONS = {
    format: { type: 'string', short: 'f', default: 'pretty' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    rule: { type: 'string', multiple: true, default: [] as string[] },
    'max-warnings': { type: 'string' },
    'max-severity': { type: 'string', default: 'warning' },
    'max-lagging-kpis': { type: 'string' },
    'max-pilot-days': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' }
} as const;

function parseOrFail(args: string[]) {
    try {
        return parseArgs({ args, options: CHECK_OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
        throw new InputError(cleanParseError(error));
    }
}

/**
 * node:util's messages carry advice for scripts, sometimes on further lines
 * (`--max-warnings -1`); keep one line that names the option.
 */
function cleanParseError(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const first = message.split(/\r?\n/)[0]!.split('. ')[0]!.trim().replace(/\.$/, '');
    const ambiguous = /^Option '([^' ]+)[^']*' argument is ambiguous/.exec(first);
    if (ambiguous) return `option '${ambiguous[1]}' needs a value; write ${ambiguous[1]}=VALUE for a value that starts with '-'`;
    return first.replace(/^Unknown option/, 'unknown option').replace(/^Option /, 'option ');
}

function parseRuleFlags(flags: string[]): Record<string, RuleSeverity> {
    const rules: Record<string, RuleSeverity> = {};
    for (const flag of flags) {
        // Split at the first `=` only: `id=error=x` is a bad severity, not `error`.
        const equals = flag.indexOf('=');
        const id = equals < 0 ? flag : flag.slice(0, equals);
        const severity = equals < 0 ? undefined : flag.slice(equals + 1);
        if (!id || !isConfigurableRule(id)) throw new InputError(`--rule ${flag}: unknown rule id '${id}' (see align check --help)`);
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
