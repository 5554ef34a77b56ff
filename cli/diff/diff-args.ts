/**
 * Options of `align diff BASE [HEAD] [-- PATH...]`.
 */
import { oneOf, WORKSPACE_OPTIONS, workspaceArgs, type WorkspaceArgs } from '../args.js';
import { chooseFormat, type OutputFormats } from '../output-format.js';
import { parseStrict } from '../parse-strict.js';
import { InputError } from '../workspace/input-error.js';

/** The values of `align diff --format`. */
export const DIFF_FORMATS = ['text', 'md', 'json'] as const;
export type DiffFormat = typeof DIFF_FORMATS[number];

/** The formats of `align diff` by the extension of `--output` (`-o align-diff.md` writes the comment without `--format`). */
const DIFF_OUTPUT_FORMATS: OutputFormats<DiffFormat> = {
    byExtension: { '.md': 'md', '.markdown': 'md', '.json': 'json', '.txt': 'text' },
    names: { text: 'text', md: 'Markdown', json: 'JSON' },
    fallback: 'text'
};

/** Parsed options of `align diff`. */
export interface DiffArgs extends WorkspaceArgs {
    /** A git revision or a folder. */
    base: string;
    /** A git revision or a folder; undefined: the working tree. */
    head?: string;
    format: DiffFormat;
    /** Said on standard error: `--format` writes another format than the extension of `--output` names. */
    formatWarning?: string;
    output?: string;
}

/** Parses `align diff` arguments; the paths come after `--` (default: `.`). */
export function parseDiffArgs(argv: string[]): DiffArgs {
    const separator = argv.indexOf('--');
    const options = separator < 0 ? argv : argv.slice(0, separator);
    const paths = separator < 0 ? [] : argv.slice(separator + 1);
    const { values, positionals } = parseStrict(options, {
        ...WORKSPACE_OPTIONS,
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' }
    });
    if (positionals.length === 0) throw new InputError('diff needs a base: a git revision (e.g. main) or a folder (see align diff --help)');
    if (positionals.length > 2) {
        throw new InputError(`diff takes a base and a head, not ${positionals.length} arguments ('${positionals.join("', '")}'); put paths after --`);
    }
    const [base, head] = positionals as [string, string | undefined];
    for (const side of [base, head]) {
        if (side !== undefined && (side.trim() === '' || side.startsWith('-'))) throw new InputError(`diff: '${side}' is not a revision or a folder`);
    }
    const given = values.format === undefined ? undefined : oneOf(values.format, DIFF_FORMATS, '--format', 'format');
    const { format, warning } = chooseFormat(given, values.output, DIFF_OUTPUT_FORMATS);
    return { ...workspaceArgs(values, paths), base, head, format, formatWarning: warning, output: values.output };
}
