/**
 * Whether `align check` colours its pretty output: `--color` / `--no-color`
 * first (the last one given), then FORCE_COLOR (`1`, `2`, `3`, `true` or
 * empty: on, even when not writing to a terminal; `0`, `false`: off), then
 * NO_COLOR (any non-empty value: off), then on only for a terminal. The
 * same order as Node.js and the `supports-color` package.
 */
export function checkColor(flag: boolean | undefined, isTty: boolean, env: NodeJS.ProcessEnv): boolean {
    if (flag !== undefined) return flag;
    const force = env['FORCE_COLOR'];
    if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
    if (env['NO_COLOR']) return false;
    return isTty;
}
