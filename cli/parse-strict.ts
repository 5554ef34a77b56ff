/**
 * Command-line options read strictly (node:util's `parseArgs`): an unknown
 * option or a missing value is a one-line InputError that names it, with
 * "did you mean" for a near miss.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../language/text/suggest.js';
import { InputError } from './workspace/input-error.js';

/** The option specs `parseArgs` takes. */
export type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** What `parseArgs` gives for these options (the help option left out: it never reaches a command). */
type Parsed<T extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true; tokens: true }>>;

/** Thrown when the options ask for the command's help among others (`-hf json`): main prints that help. */
export class HelpRequest extends Error {
    override readonly name = 'HelpRequest';
}

/** An option the command does not take: main ends the message with the command's help pointer, `(see align check --help)`. */
export class UnknownOptionError extends InputError {}

/**
 * node:util's `parseArgs`, strict, with its errors as one-line InputErrors.
 * Every command takes `-h`/`--help`, also in a group of short options, and
 * shows its help even when other options are wrong (`--format bad --help`).
 * After `--` they are paths (`align fmt --check -- -h` checks the folder
 * `-h`), and the value of an option is its value (`-o --help`).
 */
export function parseStrict<T extends OptionSpec>(args: string[], options: T) {
    if (asksForHelp(args, options)) throw new HelpRequest();
    let parsed: Parsed<T>;
    try {
        parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true, tokens: true }) as Parsed<T>;
    } catch (error) {
        const message = cleanParseError(error, options);
        throw message.startsWith('unknown option ') ? new UnknownOptionError(message) : new InputError(message);
    }
    if ((parsed.values as { help?: boolean }).help === true) throw new HelpRequest();
    return parsed;
}

/** True when `-h` or `--help` is an option among `args`: read as `parseArgs` reads them, leniently (an unknown option, a bad value). */
function asksForHelp(args: string[], options: OptionSpec): boolean {
    const { tokens } = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: false, tokens: true });
    return tokens.some(token => token.kind === 'option' && token.name === 'help');
}

/**
 * node:util's messages carry advice for scripts, sometimes on further lines
 * (`--max-warnings -1`); keep one line that names the option.
 */
function cleanParseError(error: unknown, options: OptionSpec): string {
    const message = error instanceof Error ? error.message : String(error);
    const first = message.split(/\r?\n/)[0]!.split('. ')[0]!.trim().replace(/\.$/, '');
    const ambiguous = /^Option '([^' ]+)[^']*' argument is ambiguous/.exec(first);
    if (ambiguous) {
        // `-o=VALUE` would be read as the value `=VALUE`: the long name takes `=`.
        const name = ambiguous[1]!.replace(/,$/, '');
        const long = name.startsWith('--') ? name : Object.entries(options ?? {}).find(([, spec]) => `-${spec.short}` === name)?.[0];
        const written = long === undefined ? `${name} VALUE` : `${long.startsWith('--') ? long : `--${long}`}=VALUE`;
        return `option '${name}' needs a value; write ${written} for a value that starts with '-'`;
    }
    const unknown = /^Unknown option '([^']+)'/.exec(first);
    if (unknown) return `unknown option '${unknown[1]}'${didYouMean(unknown[1]!, optionNames(options))}`;
    const missing = /^Option '(?:-\w, )?(--[^' ]+) <value>' argument missing/.exec(first);
    if (missing) return `option '${missing[1]}' needs a value`;
    const noValue = /^Option '(--[^' ]+)' does not take an argument/.exec(first);
    if (noValue) return `option '${noValue[1]}' takes no value`;
    return first.replace(/^Option /, 'option ');
}

/** `--format`, `-f`, ... of an option spec, and `--help`, `-h` (every command takes them). */
function optionNames(options: OptionSpec): string[] {
    const names = Object.entries(options ?? {}).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
    return [...names, '--help', '-h'];
}
