import type { CheckArgs } from '../args.js';

/**
 * The `align check` that rewrites the baseline of this check: the same
 * paths and the options that decide which findings there are (settings,
 * rule severities, limits), with `--write-baseline` in place of
 * `--baseline`; options that only shape the output are left out. Its
 * words, to quote for a POSIX shell.
 */
export function rewriteBaselineCommand(args: CheckArgs, baseline: string): string[] {
    const words = ['align', 'check'];
    // A value that starts with `-` is given as `--option=value` (else it reads as an option).
    const option = (name: string, value: string) => value.startsWith('-') ? words.push(`${name}=${value}`) : words.push(name, value);
    if (args.config !== undefined) option('--config', args.config);
    for (const [rule, severity] of Object.entries(args.rules)) words.push('--rule', `${rule}=${severity}`);
    if (args.maxLaggingKpis !== undefined) words.push('--max-lagging-kpis', String(args.maxLaggingKpis));
    if (args.maxPilotDays !== undefined) words.push('--max-pilot-days', String(args.maxPilotDays));
    option('--write-baseline', baseline);
    const paths = args.paths.length === 1 && args.paths[0] === '.' ? [] : args.paths;
    // A path that starts with `-` would be read as an option.
    if (paths.some(p => p.startsWith('-'))) words.push('--');
    return [...words, ...paths];
}
