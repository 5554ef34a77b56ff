// Object.groupBy arrived in Node 21; langium 4.4 (chevrotain 13) calls it. Load before Langium on Node 20.
if (typeof (/** @type {any} */ (Object)).groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true, writable: true,
        value(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
