/** Running `align report` in the CLI tests, and reading its Markdown and HTML. */
import assert from 'node:assert/strict';
import { EXAMPLES, runCli } from './run-cli.js';

/** After the examples' last actual (2026-09): a report dated earlier leaves later actuals out. */
export const DATE = '2026-09-30';

/** Before the Churn pilot's deadlines: its KPIs are judged on their trajectory, not on their deadline. */
export const PILOT_DATE = '2026-04-01';

/** `align report --date DATE ...args` in `cwd`; asserts exit 0 and a quiet stderr. */
/**
 * `align report` through the built CLI: its standard output, after checking
 * exit 0 and standard error: empty, or matching `notices` (the lines naming
 * syntax errors and invalid settings, as `align graph` prints them).
 */
export function report(args: readonly string[], cwd = EXAMPLES, date = DATE, notices?: RegExp): string {
    const result = runCli(['report', '--date', date, ...args], { cwd });
    assert.equal(result.status, 0, `align report ${args.join(' ')}\nstderr: ${result.stderr}`);
    if (notices) assert.match(result.stderr, notices);
    else assert.equal(result.stderr, '', 'nothing on stderr');
    return result.stdout;
}

/** The stderr of a report of files with syntax errors. */
export const SYNTAX_NOTICES = /^(?:.+\(\d+ syntax errors?\)\n)+align: the report leaves out what could not be read; run align check\n$/;
/** The stderr of a report whose settings file has problems: invalid parts ignored, or (not JSON) the defaults taken. */
export const SETTINGS_NOTICES = /^align\.config\.json:\d+:\d+: .+ \(\d+ problems?\)\nalign: the report (?:ignores the invalid settings|takes the default settings); run align check\n$/;

/** The Markdown between a heading and the next heading of the same or a higher level. */
export function section(markdown: string, heading: string): string {
    const lines = markdown.split('\n');
    const start = lines.indexOf(heading);
    assert.ok(start >= 0, `heading ${heading}`);
    const level = /^#+/.exec(heading)![0].length;
    const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
    return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Every inline `<svg>...</svg>` of an HTML page. */
export function inlineSvgs(html: string): string[] {
    return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}
