/**
 * The vocabulary the fuzzers draw from: the grammar's keywords (read from
 * language/align.langium, so it follows the grammar), the names the
 * fixture examples declare, punctuation, dates, numbers, strings, comments
 * and whitespace, valid and broken; and arbitraries built on it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXAMPLES = path.join(REPO_ROOT, 'test/fixtures/examples');

/** Every keyword of the grammar (`'...'` literals of align.langium). */
export const KEYWORDS: readonly string[] = (() => {
    const grammar = fs.readFileSync(path.join(REPO_ROOT, 'language/align.langium'), 'utf-8')
        .split('\n').filter(line => !line.trim().startsWith('//')).join('\n');
    const words = new Set<string>();
    for (const m of grammar.matchAll(/'([^'\s]+)'/g)) words.add(m[1]!);
    return [...words].sort();
})();

/** The fixture files, relative path to text: every `.align` file and every CSV file. */
export function fixtureFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (/\.(align|csv)$/.test(entry.name)) files[path.relative(EXAMPLES, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf-8');
        }
    };
    walk(EXAMPLES);
    return files;
}

/** Names declared in the fixtures, and some of them qualified by their program. */
export const NAMES: readonly string[] = (() => {
    const names = new Set<string>();
    for (const text of Object.values(fixtureFiles())) {
        let program: string | undefined;
        for (const m of text.matchAll(/^([ \t]*)(program|outcome|metric|skill|behavior|objective|toolkit)[ \t]+([A-Za-z_]\w*)/gm)) {
            if (m[2] === 'program') program = m[3]!;
            names.add(m[3]!);
            if (program && m[1] !== '') names.add(`${program}.${m[3]}`);
        }
    }
    return [...names].sort();
})();

const PUNCTUATION = ['{', '}', ',', ':', '.', '%', '-', '"', '{}', '}}', '{{', ',,', '::', '..', '/', '*', '\\', ';', '(', ')', '=', '#', '@'];
const DATES = ['2026-01-05', '2026-06-30', '2026-06', '2026-Q2', '2026-H2', '2026-02-29', '2024-02-29', '2026-13-01', '2026-00', '2026-Q5', '2026-H3', '0000-01-01', '9999-12-31', '2026-1-5', '202-06'];
const NUMBERS = ['0', '1', '12', '12.5', '-3', '12%', '-0%', '100%', '0.000001', '1e5', '99999999999999999999', '1.', '.5', '--1', '12 %', '45000 USD', '-', '007'];
const STRINGS = ['"x"', '""', '"VP Customer Success"', '"with \\" quote"', '"back\\\\slash"', '"bad \\n escape"', '"unterminated', '"é ünïcödé 😀"', '"data/nps.csv"', '"../x.csv"', '"/etc/passwd"', '"tab\there"'];
const COMMENTS = ['//', '// comment', '/*', '*/', '/* block */', '/** doc */', '// expect: objective-without-kpi', '// align-disable-next-line objective-without-kpi', '// align-disable-next-line', '/* unterminated'];
const SPACES = [' ', '  ', '\n', '\n\n', '\t', '\r\n', '\r', '\u00a0', '\u2028', '\ufeff'];
const ODD = ['é', '😀', '\u0000', '\u0007', '\ud800', 'ÿ', '中文', 'İ', 'ſ', '\u200b', '\n<<<<<<< HEAD\n', '\n|||||||\n', '\n=======\n', '\n>>>>>>> topic/x\n'];

/** One token of the vocabulary, or a random identifier, or a few random characters. */
export const tokenArb: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: fc.constantFrom(...KEYWORDS), weight: 8 },
    { arbitrary: fc.constantFrom(...NAMES), weight: 5 },
    { arbitrary: fc.constantFrom(...PUNCTUATION), weight: 5 },
    { arbitrary: fc.constantFrom(...DATES), weight: 2 },
    { arbitrary: fc.constantFrom(...NUMBERS), weight: 2 },
    { arbitrary: fc.constantFrom(...STRINGS), weight: 2 },
    { arbitrary: fc.constantFrom(...COMMENTS), weight: 1 },
    { arbitrary: fc.constantFrom(...SPACES), weight: 2 },
    { arbitrary: fc.constantFrom(...ODD), weight: 1 },
    { arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/), weight: 2 },
    { arbitrary: fc.string({ maxLength: 6, unit: 'binary' }), weight: 1 },
);

const SEPARATOR = fc.constantFrom(' ', ' ', ' ', '\n', '\n  ', '', '\t', '\r\n');

/** A random stream of tokens joined by random whitespace (sometimes none). */
export function tokenStreamArb(maxTokens: number): fc.Arbitrary<string> {
    return fc.array(fc.tuple(tokenArb, SEPARATOR), { maxLength: maxTokens, size: 'max' }).map(parts => parts.map(([t, s]) => t + s).join(''));
}

/** Tokens that make sense in a CSV actuals file. */
const CSV_TOKENS = fc.constantFrom('period,value', 'value,period', 'period', 'value', '2026-04,37', '2026-01,31', '2026-Q3,12%', 'x,y', ',', '\n', '\r\n', '"', '""', '"2026-05",36', ' ', '\ufeff', '\u0000', 'é', '-', '%', '1e3');

/** A span edit of one file of a workspace. Positions are reduced modulo the text's length when applied. */
export type Edit =
    | { kind: 'delete'; file: number; at: number; length: number }
    | { kind: 'insert'; file: number; at: number; text: string }
    | { kind: 'replace'; file: number; at: number; length: number; text: string }
    | { kind: 'duplicate'; file: number; at: number; length: number; to: number }
    | { kind: 'swap'; file: number; at: number; length: number; to: number; length2: number }
    | { kind: 'lines'; file: number; op: 'delete' | 'duplicate' | 'swap'; at: number; count: number; to: number };

const position = fc.nat({ max: 1_000_000 });
const spanLength = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 2000 }));
const insertion = fc.oneof(
    { arbitrary: tokenArb, weight: 6 },
    { arbitrary: tokenStreamArb(8), weight: 3 },
    { arbitrary: CSV_TOKENS, weight: 1 },
);

/** One random edit of one of `fileCount` files. */
export function editArb(fileCount: number): fc.Arbitrary<Edit> {
    const file = fc.nat({ max: fileCount - 1 });
    return fc.oneof(
        fc.record({ kind: fc.constant('delete' as const), file, at: position, length: spanLength }),
        fc.record({ kind: fc.constant('insert' as const), file, at: position, text: insertion }),
        fc.record({ kind: fc.constant('replace' as const), file, at: position, length: spanLength, text: insertion }),
        fc.record({ kind: fc.constant('duplicate' as const), file, at: position, length: spanLength, to: position }),
        fc.record({ kind: fc.constant('swap' as const), file, at: position, length: spanLength, to: position, length2: spanLength }),
        fc.record({ kind: fc.constant('lines' as const), file, op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), at: position, count: fc.integer({ min: 1, max: 12 }), to: position }),
    );
}

/** The text after one edit. */
export function applyEdit(text: string, edit: Edit): string {
    const n = text.length;
    if (edit.kind === 'lines') return applyLineEdit(text, edit);
    const at = n === 0 ? 0 : edit.at % (n + 1);
    switch (edit.kind) {
        case 'insert':
            return text.slice(0, at) + edit.text + text.slice(at);
        case 'delete':
            return text.slice(0, at) + text.slice(Math.min(n, at + edit.length));
        case 'replace':
            return text.slice(0, at) + edit.text + text.slice(Math.min(n, at + edit.length));
        case 'duplicate': {
            const span = text.slice(at, at + edit.length);
            const to = edit.to % (n + 1);
            return text.slice(0, to) + span + text.slice(to);
        }
        case 'swap': {
            const to = edit.to % (n + 1);
            const [s1, e1] = [at, Math.min(n, at + edit.length)];
            const [s2, e2] = [to, Math.min(n, to + edit.length2)];
            if (e1 <= s2) return text.slice(0, s1) + text.slice(s2, e2) + text.slice(e1, s2) + text.slice(s1, e1) + text.slice(e2);
            if (e2 <= s1) return text.slice(0, s2) + text.slice(s1, e1) + text.slice(e2, s1) + text.slice(s2, e2) + text.slice(e1);
            return text; // overlapping spans: nothing to swap
        }
    }
}

function applyLineEdit(text: string, edit: Extract<Edit, { kind: 'lines' }>): string {
    const lines = text.split('\n');
    const at = edit.at % lines.length;
    const count = Math.min(edit.count, lines.length - at);
    const block = lines.slice(at, at + count);
    if (edit.op === 'delete') lines.splice(at, count);
    else if (edit.op === 'duplicate') lines.splice(edit.to % (lines.length + 1), 0, ...block);
    else {
        lines.splice(at, count);
        lines.splice(edit.to % (lines.length + 1), 0, ...block);
    }
    return lines.join('\n');
}

/** How many edits of each kind a list holds (for the figures). */
export function countKinds(edits: readonly Edit[], into: Record<string, number>): void {
    for (const e of edits) {
        const key = e.kind === 'lines' ? `lines-${e.op}` : e.kind;
        into[key] = (into[key] ?? 0) + 1;
    }
}
