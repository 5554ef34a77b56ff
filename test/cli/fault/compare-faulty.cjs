/**
 * Preloaded into `align` by test/cli/internal-error.test.ts (NODE_OPTIONS
 * --require): a comparison of the name `Faulty` throws, a stand-in for a bug
 * inside one rule (`too-many-kpis` sorts the KPIs' names to list them).
 */
const compare = String.prototype.localeCompare;
String.prototype.localeCompare = function (other, ...rest) {
    if (String(this) === 'Faulty' || other === 'Faulty') throw new RangeError('fault injected in a comparison of Faulty');
    return compare.call(this, other, ...rest);
};
