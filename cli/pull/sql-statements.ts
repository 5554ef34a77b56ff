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

/**
 * The string constants of a query, outside comments: `'...'` (with `''`),
 * `E'...'` (with backslash escapes) and `$tag$...$tag$` bodies, as the
 * database reads them. DuckDB reads a file a constant names
 * (`FROM 'data/deals.csv'`, `read_csv(['a.csv', 'b.csv'])`).
 */
export function stringLiterals(sql: string): string[] {
    const literals: string[] = [];
    for (const { kind, start, end } of sqlPieces(sql)) {
        if (kind !== 'quoted') continue;
        const body = sql.slice(start, end);
        if (body.startsWith("'") && body.endsWith("'")) {
            const escapes = /[eE]/.test(sql[start - 1] ?? ' ') && !/[\w$]/.test(sql[start - 2] ?? ' ');
            const inner = body.slice(1, -1).replaceAll("''", "'");
            literals.push(escapes ? inner.replace(/\\(.)/gs, '$1') : inner);
        } else if (body.startsWith('$')) {
            const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(body)![0];
            if (body.length >= 2 * tag.length && body.endsWith(tag)) literals.push(body.slice(tag.length, -tag.length));
        }
    }
    return literals;
}

/**
 * The names a query writes as identifiers, outside comments, each chain of
 * them joined by its dots as DuckDB joins them (`data.csv`, `"q 1".csv`,
 * `"data/deals.csv"`; a `""` in quotes is one `"`). DuckDB reads the file
 * such a name gives when no table has it (`FROM deals.csv`,
 * `FROM "data/deals.csv"`), and takes a name it cannot bind as a column
 * for text (`read_csv(deals.csv)`). Keywords and column names come too.
 */
export function identifierChains(sql: string): string[] {
    const chains: string[] = [];
    let parts: string[] = [];
    let afterDot = false;
    let word = '';
    const end = () => {
        if (parts.length > 0) chains.push(parts.join('.'));
        [parts, afterDot] = [[], false];
    };
    const part = (name: string) => {
        if (!afterDot) end();
        parts.push(name);
        afterDot = false;
    };
    for (const { kind, start, end: after } of sqlPieces(sql)) {
        const c = sql[start]!;
        // Letters, digits, `_`, `$` and any character past ASCII, as DuckDB's lexer reads a name.
        if (kind === 'other' && /[\w$\u0080-\uffff]/.test(c)) {
            word += c;
            continue;
        }
        if (word !== '') part(word);
        word = '';
        // Spaces and comments may stand around the dots of a chain.
        if (kind === 'comment' || (kind === 'other' && /\s/.test(c))) continue;
        if (kind === 'quoted' && c === '"') part(sql.slice(start + 1, sql[after - 1] === '"' && after - start > 1 ? after - 1 : after).replaceAll('""', '"'));
        else if (kind === 'other' && c === '.' && parts.length > 0 && !afterDot) afterDot = true;
        else end();
    }
    if (word !== '') part(word);
    end();
    return chains;
}
