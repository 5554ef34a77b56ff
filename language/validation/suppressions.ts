/**
 * `// align-disable-next-line id[, id...]` comments: which rule ids are
 * suppressed on which 0-based line. A comment without ids suppresses every rule.
 */
export function suppressedLines(text: string): Map<number, Set<string> | 'all'> {
    const result = new Map<number, Set<string> | 'all'>();
    // Most documents have none: no need to split them into lines.
    if (!text.includes('align-disable-next-line')) return result;
    const lines = text.split(/\r\n|\r|\n/);
    lines.forEach((line, index) => {
        const m = /\/\/\s*align-disable-next-line\b(.*)$/.exec(line);
        if (!m) return;
        const ids = m[1]!.split(/[,\s]+/).map(s => s.trim()).filter(s => s.length > 0 && !s.startsWith('--'));
        result.set(index + 1, ids.length === 0 ? 'all' : new Set(ids));
    });
    return result;
}

/** True when a finding of `rule` that starts on `line` is suppressed. */
export function isSuppressed(suppressions: Map<number, Set<string> | 'all'>, line: number, rule: string): boolean {
    const entry = suppressions.get(line);
    return entry === 'all' || (entry !== undefined && entry.has(rule));
}
