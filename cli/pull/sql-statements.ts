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
 * of the line, nested block comments) are one piece each.
 */
function* sqlPieces(sql: string): Generator<SqlPiece> {
    let i = 0;
    while (i < sql.length) {
        const start = i;
        const c = sql[i]!;
        const next = sql[i + 1];
        if (c === '-' && next === '-') {
            const end = sql.indexOf('\n', i);
            i = end < 0 ? sql.length : end + 1;
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
