import { lineEnd } from '../../language/line-starts.js';

/** A piece of a query's text: a comment, a `;`, a quoted text or dollar-quoted body, or any other character. */
interface SqlPiece {
    readonly kind: 'comment' | 'semicolon' | 'quoted' | 'other';
    readonly start: number;
    readonly end: number;
}

/**
 * The query's text in pieces, in order, as the database splits it: quotes
 * (`'...'` with `''`, `E'...'` with backslash escapes, `"..."`,
 * `` `...` ``, PostgreSQL's `$tag$...$tag$`) and comments (`--` to the end
 * of the line, nested block comments) are one piece each. A `--` comment
 * ends at a `\n` or a lone `\r`, as DuckDB and PostgreSQL end it (SQLite
 * only at `\n`: there, what follows a lone `\r` counts as more text).
 */
function* sqlPieces(sql: string): Generator<SqlPiece> {
    let i = 0;
    while (i < sql.length) {
        const start = i;
        const c = sql[i]!;
        const next = sql[i + 1];
        if (c === '-' && next === '-') {
            i = Math.min(lineEnd(sql, i) + 1, sql.length);
            yield { kind: 'comment', start, end: i };
        } else if (c === '/' && next === '*') {
            i = blockCommentEnd(sql, i);
            yield { kind: 'comment', start, end: i };
        } else if (c === ';') {
            i++;
            yield { kind: 'semicolon', start, end: i };
        } else {
            i = quotedEnd(sql, i);
            yield { kind: i - start > 1 ? 'quoted' : 'other', start, end: i };
        }
    }
}

/**
 * How many statements a query file holds: its text split at semicolons
 * outside quotes and comments (see `sqlPieces`). A trailing semicolon and
 * comments alone are no statement.
 */
export function countStatements(sql: string): number {
    let count = 0;
    let content = false;
    for (const piece of sqlPieces(sql)) {
        if (piece.kind === 'semicolon') {
            if (content) count++;
            content = false;
        } else if (piece.kind === 'quoted' || (piece.kind === 'other' && !/\s/.test(sql[piece.start]!))) {
            content = true;
        }
    }
    return content ? count + 1 : count;
}

/** The index after the (nested) block comment that starts at `start`. */
function blockCommentEnd(sql: string, start: number): number {
    let depth = 0;
    let i = start;
    while (i < sql.length) {
        if (sql.startsWith('/*', i)) { depth++; i += 2; }
        else if (sql.startsWith('*/', i)) { depth--; i += 2; if (depth === 0) return i; }
        else i++;
    }
    return sql.length;
}

/** The index after the quoted text or dollar-quoted body that starts at `start`; `start + 1` for any other character. */
function quotedEnd(sql: string, start: number): number {
    const c = sql[start]!;
    const before = sql[start - 1] ?? ' ';
    if (c === "'") {
        const escapes = /[eE]/.test(before) && !/[\w$]/.test(sql[start - 2] ?? ' ');
        return closingQuote(sql, start, "'", escapes);
    }
    if (c === '"' || c === '`') return closingQuote(sql, start, c, false);
    if (c === '$' && !/[\w$]/.test(before)) {
        const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start, start + 64))?.[0];
        if (tag) {
            const end = sql.indexOf(tag, start + tag.length);
            return end < 0 ? sql.length : end + tag.length;
        }
    }
    return start + 1;
}

function closingQuote(sql: string, start: number, quote: string, escapes: boolean): number {
    let i = start + 1;
    while (i < sql.length) {
        if (escapes && sql[i] === '\\') { i += 2; continue; }
        if (sql[i] === quote) {
            if (sql[i + 1] === quote) { i += 2; continue; }
            return i + 1;
        }
        i++;
    }
    return sql.length;
}

/** A token of a query: a string constant, a name, a number or a symbol; comments and spaces are no token. */
export interface SqlToken {
    readonly kind: 'string' | 'name' | 'number' | 'symbol';
    /** A string's value as the database reads it (quotes undone), a name's chain joined at its dots, a symbol's characters. */
    readonly text: string;
    /** A name that is one unquoted word, in upper case (a keyword, maybe); undefined otherwise. */
    readonly word?: string;
    readonly start: number;
    readonly end: number;
}

/** The symbols of two characters; any other is one character. */
const PAIRS = new Set(['||', '::', ':=', '=>']);

/**
 * The tokens of a query, outside comments. String constants: `'...'`
 * (with `''`), `E'...'` (with backslash escapes) and `$tag$...$tag$`
 * bodies, as the database reads them (an unclosed one is no token). Names:
 * each chain of identifiers joined by its dots as DuckDB joins them
 * (`data.csv`, `"q 1".csv`, `"data/deals.csv"`; a `""` in quotes is one
 * `"`; spaces and comments may stand around the dots); a chain that starts
 * with a digit is a number.
 */
export function sqlTokens(sql: string): SqlToken[] {
    const tokens: SqlToken[] = [];
    let word: { start: number; end: number } | undefined;
    let chain: { parts: string[]; quoted: boolean; start: number; end: number } | undefined;
    let afterDot = false;
    const endChain = () => {
        if (chain !== undefined) {
            const { parts, quoted, start, end } = chain;
            const kind = !quoted && /^\d/.test(parts[0]!) ? 'number' : 'name';
            tokens.push({ kind, text: parts.join('.'), word: kind === 'name' && parts.length === 1 && !quoted ? parts[0]!.toUpperCase() : undefined, start, end });
        }
        [chain, afterDot] = [undefined, false];
    };
    const part = (text: string, quoted: boolean, start: number, end: number) => {
        if (chain !== undefined && afterDot) {
            chain = { parts: [...chain.parts, text], quoted: chain.quoted || quoted, start: chain.start, end };
            afterDot = false;
        } else {
            endChain();
            chain = { parts: [text], quoted, start, end };
        }
    };
    for (const { kind, start, end } of sqlPieces(sql)) {
        const c = sql[start]!;
        // Letters, digits, `_`, `$` and any character past ASCII, as DuckDB's lexer reads a name.
        if (kind === 'other' && /[\w$\u0080-\uffff]/.test(c)) {
            word = { start: word?.start ?? start, end };
            continue;
        }
        // The `E` of `E'...'` belongs to the string.
        const prefix = word !== undefined && c === "'" && word.end === start && /^[eE]$/.test(sql.slice(word.start, word.end));
        if (word !== undefined && !prefix) part(sql.slice(word.start, word.end), false, word.start, word.end);
        word = undefined;
        if (kind === 'comment' || (kind === 'other' && /\s/.test(c))) continue;
        if (kind === 'quoted' && c === '"') {
            part(sql.slice(start + 1, sql[end - 1] === '"' && end - start > 1 ? end - 1 : end).replaceAll('""', '"'), true, start, end);
            continue;
        }
        if (kind === 'other' && c === '.' && chain !== undefined && !afterDot) {
            afterDot = true;
            continue;
        }
        endChain();
        const value = kind === 'quoted' ? stringValue(sql, start, end) : undefined;
        const previous = tokens.at(-1);
        if (value !== undefined) tokens.push({ kind: 'string', text: value, start: prefix ? start - 1 : start, end });
        else if (previous?.kind === 'symbol' && previous.end === start && PAIRS.has(previous.text + c)) tokens[tokens.length - 1] = { ...previous, text: previous.text + c, end };
        else if (kind !== 'quoted' || c === '`') tokens.push({ kind: 'symbol', text: sql.slice(start, end), start, end });
    }
    if (word !== undefined) part(sql.slice(word.start, word.end), false, word.start, word.end);
    endChain();
    return tokens;
}

/** The value of the string constant or dollar-quoted body at `start`, undefined when it is none or unclosed. */
function stringValue(sql: string, start: number, end: number): string | undefined {
    const body = sql.slice(start, end);
    if (body.length >= 2 && body.startsWith("'") && body.endsWith("'")) {
        const escapes = /[eE]/.test(sql[start - 1] ?? ' ') && !/[\w$]/.test(sql[start - 2] ?? ' ');
        const inner = body.slice(1, -1).replaceAll("''", "'");
        return escapes ? inner.replace(/\\(.)/gs, '$1') : inner;
    }
    if (body.startsWith('$')) {
        const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(body)?.[0];
        if (tag !== undefined && body.length >= 2 * tag.length && body.endsWith(tag)) return body.slice(tag.length, -tag.length);
    }
    return undefined;
}

/**
 * The string constants of a query, outside comments, as the database
 * reads them (see `sqlTokens`). DuckDB reads a file a constant names
 * (`FROM 'data/deals.csv'`, `read_csv(['a.csv', 'b.csv'])`).
 */
export function stringLiterals(sql: string): string[] {
    return sqlTokens(sql).filter(t => t.kind === 'string').map(t => t.text);
}
