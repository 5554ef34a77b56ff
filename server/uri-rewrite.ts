/**
 * `rename` applied to every string of a JSON message (values and object
 * keys, as the URIs that key `WorkspaceEdit.changes`), in arrays and plain
 * objects only: a cancellation token or a progress reporter passed to a
 * handler is a class instance, left as it is. What does not change is
 * returned as it is (the same object), so a message with no URI to rename
 * costs one walk and no copy.
 */
export function rewriteStrings<T>(value: T, rename: (text: string) => string | undefined): T {
    return rewrite(value, rename) as T;
}

function rewrite(value: unknown, rename: (text: string) => string | undefined): unknown {
    if (typeof value === 'string') return rename(value) ?? value;
    if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        value.forEach((item, i) => {
            const after = rewrite(item, rename);
            if (after !== item) (copy ??= [...value])[i] = after;
        });
        return copy ?? value;
    }
    if (!isPlainObject(value)) return value;
    let changed = false;
    const entries = Object.entries(value).map(([key, item]): [string, unknown] => {
        const renamed = rename(key) ?? key;
        const after = rewrite(item, rename);
        if (renamed !== key || after !== item) changed = true;
        return [renamed, after];
    });
    return changed ? Object.fromEntries(entries) : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null) return false;
    const prototype = Object.getPrototypeOf(value) as unknown;
    return prototype === Object.prototype || prototype === null;
}
