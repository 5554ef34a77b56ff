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
    const { values, positionals } = parseOrFail(argv, {
        format: { type: 'string', short: 'f', default: 'pretty' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true, default: [] },
        'max-warnings': { type: 'string' },
        'max-severity': { type: 'string', default: 'warning' },
        'max-lagging-kpis': { type: 'string' },
        'max-pilot-days': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' }
    });
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

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parseOrFail(args: string[], options: OptionSpec) {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (error) {
        throw new InputError(cleanParseError(error));
    }
}

/** node:util's messages carry advice for scripts; keep the first sentence, which names the option. */
function cleanParseError(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('. ')[0]!.replace(/^Unknown option/, 'unknown option').replace(/\.$/, '');
}

function parseRuleFlags(flags: string[]): Record<string, RuleSeverity> {
    const rules: Record<string, RuleSeverity> = {};
    for (const flag of flags) {
        const [id, severity] = flag.split('=');
        if (!id || !isConfigurableRule(id)) throw new InputError(`--rule ${flag}: unknown rule id '${id ?? ''}' (see align check --help)`);
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
