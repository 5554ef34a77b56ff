/**
 * Which catalog files a workspace can need, from their text alone: a file
 * is needed when a word of the workspace (or of a file already needed) is a
 * name the file declares. The CLI parses only those (a catalog can hold
 * as much text as the workspace); the editor loads every catalog file, as
 * completion lists them all.
 *
 * The scan over-includes, never under-includes: every identifier of the
 * workspace counts (strings and comments too), and every word after a
 * declaration keyword counts as declared. So a reference, a duplicate name
 * or a chain into the catalog always finds its file, and the findings are
 * those of a build with the whole catalog (a test compares them).
 */

/** `program Name`, `metric Name`...: the declarations that name something (language/align.langium). */
const DECLARATION = /\b(?:program|outcome|metric|skill|behavior|objective|toolkit)\s+([A-Za-z_][A-Za-z0-9_]*)/g;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;

/** The names a text declares (with some words that are not names: harmless). */
export function declaredNames(text: string): Set<string> {
    return new Set(Array.from(text.matchAll(DECLARATION), m => m[1]!));
}

/** Every identifier-like word of a text. */
export function wordsOf(text: string): Set<string> {
    return new Set(text.match(WORD) ?? []);
}

/**
 * The keys of the catalog files that the workspace texts need, directly or
 * through other needed catalog files.
 */
export function neededCatalogFiles<K>(workspace: Iterable<string>, catalog: ReadonlyMap<K, string>): Set<K> {
    // No catalog (the usual workspace): nothing to look for, so the workspace's words are not collected.
    if (catalog.size === 0) return new Set();
    const owners = new Map<string, K[]>();
    for (const [key, text] of catalog) for (const name of declaredNames(text)) owners.set(name, [...owners.get(name) ?? [], key]);
    const needed = new Set<K>();
    const pending = [...workspace];
    const seen = new Set<string>();
    while (pending.length > 0) {
        for (const word of wordsOf(pending.pop()!)) {
            if (seen.has(word)) continue;
            seen.add(word);
            for (const key of owners.get(word) ?? []) {
                if (needed.has(key)) continue;
                needed.add(key);
                pending.push(catalog.get(key)!);
            }
        }
    }
    return needed;
}
