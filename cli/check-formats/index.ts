/**
 * The output formats of `align check`, by name.
 */
import type { FormatName, Formatter } from './types.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

export { FORMATS, isFormatName } from './types.js';
export type { FormatContext, FormatName, Formatter } from './types.js';
export { sortFindings } from './sort.js';

const FORMATTERS: Record<FormatName, Formatter> = {
    pretty: formatPretty, json: formatJson, sarif: formatSarif, github: formatGithub, junit: formatJunit, gitlab: formatGitlab,
};

/** The formatter of a `--format` value. */
export function formatterFor(name: FormatName): Formatter {
    return FORMATTERS[name];
}
