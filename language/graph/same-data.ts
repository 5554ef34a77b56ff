/**
 * True when two figures hold the same data, as their JSON would say
 * (properties set to `undefined` count as absent; NaN equals NaN), without
 * making the JSON: the graph compares old and new figures at each update.
 * Meant for plain objects, arrays and primitives.
 */
export function sameData(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
        return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
    }
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
        return true;
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    let count = 0;
    for (const key in left) {
        const value = left[key];
        if (value === undefined) continue;
        count++;
        if (!sameData(value, right[key])) return false;
    }
    for (const key in right) if (right[key] !== undefined) count--;
    return count === 0;
}
