/**
 * Which catalog files a workspace can need, from their text alone. A file is
 * needed when it can change what the workspace's build finds:
 * - a word of the workspace (or of a file already needed) is a name the
 *   file declares (a reference, a duplicate name, a chain into the catalog);
 * - or the file mentions a name that the workspace or a needed file declares
 *   (`actuals NPS { ... }` kept in a file of its own, a catalog behavior
 *   that `moves` a workspace metric).
 * The CLI parses only those (a catalog can hold as much text as the
 * workspace); the editor loads every catalog file, as completion lists them
 * all.
 *
 * The scan over-includes, never under-includes: every identifier counts
 * (strings and comments too), and every word after a declaration keyword
 * counts as declared. So the findings are those of a build with the whole
 * catalog (a test compares them).
 */

/** Whitespace and comments, which may stand between a keyword and the name it declares. */
const GAP = String.raw`(?:\s|//[^\n]*|/\*[\s\S]*?\*/)+`;
/** `program Name`, `metric /* note *\/ Name`...: the declarations that name something (language/align.langium). */
const DECLARATION = new RegExp(String.raw`\b(?:program|outcome|metric|skill|behavior|objective|toolkit)${GAP}([A-Za-z_][A-Za-z0-9_]*)`, 'g');
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
    const declaring = new Map<string, K[]>();
    const mentioning = new Map<string, K[]>();
    for (const [key, text] of catalog) {
        for (const name of declaredNames(text)) push(declaring, name, key);
        for (const word of wordsOf(text)) push(mentioning, word, key);
    }
    const needed = new Set<K>();
    const seenWords = new Set<string>();
    const seenNames = new Set<string>();
    const pending = [...workspace];
    while (pending.length > 0) {
        const text = pending.pop()!;
        const found = (word: string, files: Map<string, K[]>, seen: Set<string>) => {
            if (seen.has(word)) return;
            seen.add(word);
            for (const key of files.get(word) ?? []) {
                if (needed.has(key)) continue;
                needed.add(key);
                pending.push(catalog.get(key)!);
            }
        };
        for (const word of wordsOf(text)) found(word, declaring, seenWords);
        for (const name of declaredNames(text)) found(name, mentioning, seenNames);
    }
    return needed;
}

function push<K>(map: Map<string, K[]>, word: string, key: K): void {
    const keys = map.get(word);
    if (keys) keys.push(key);
    else map.set(word, [key]);
}
