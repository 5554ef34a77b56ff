/**
 * Preloaded into `align` by test/cli/internal-error.test.ts (NODE_OPTIONS
 * --require): date arithmetic on the year 1999 throws, a stand-in for a bug
 * outside the rules (the impact graph's build reads every KPI's deadline).
 */
const utc = Date.UTC;
Date.UTC = function (year, ...rest) {
    if (year === 1999) throw new RangeError('fault injected for the year 1999');
    return utc.call(this, year, ...rest);
};
