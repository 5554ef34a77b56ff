import { sqlTokens, type SqlToken } from './sql-statements.js';

/** Words after which a name is a table DuckDB may read as a file (`DESCRIBE x.csv`, `PIVOT x.csv ON ...`). */
const TABLE_STATEMENTS = new Set(['DESCRIBE', 'SUMMARIZE', 'SHOW', 'TABLE', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER']);
/** Words that may stand between FROM or JOIN and the table (`FROM ONLY x.csv`, `DESCRIBE TABLE x.csv`). */
const BEFORE_TABLE = new Set(['ONLY', 'LATERAL', 'TABLE']);
/** Words that start a query where a table could stand (`FROM (SELECT ...)`, `FROM (FROM x.csv)`). */
const QUERY_STARTS = new Set(['SELECT', 'WITH', 'VALUES', 'FROM']);
/** Words that are constants, not names, among a table function's arguments (`header = true`). */
const CONSTANTS = new Set(['TRUE', 'FALSE', 'NULL']);
/** Words that end a FROM clause: after them a comma separates no tables. */
const FROM_ENDS = new Set(['SELECT', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'QUALIFY', 'WINDOW',
    'UNION', 'EXCEPT', 'INTERSECT', 'RETURNING', 'SET', 'VALUES']);

/** What a pair of brackets holds: a FROM clause under way, a call's arguments, a table function's arguments. */
interface Frame {
    /** A FROM clause is under way: a comma separates tables. */
    from: boolean;
    /** A SELECT came. */
    select: boolean;
    /** No token came yet. */
    empty: boolean;
    /** The brackets follow a name (`f(...)`, `IN (...)`): a FROM is a table's only first or after a SELECT, not `extract(year FROM d)`. */
    readonly call: boolean;
    /** A table function's arguments, or inside them: a name is text. */
    readonly tableArguments: boolean;
}

/**
 * The names in a DuckDB query that DuckDB may open as files while it
 * prepares the query, found by a scan of its tokens (no SQL parser):
 *  - every string constant (`FROM 'x.csv'`, `read_csv(['a.csv', 'b.csv'])`);
 *  - a name written as a table, which DuckDB's replacement scan reads as a
 *    file when no table has it: after FROM and JOIN, after a comma of a
 *    FROM list, in the FROM-first form (`FROM x.csv SELECT ...`) and after
 *    DESCRIBE, SUMMARIZE, SHOW, TABLE, PIVOT and UNPIVOT; a column, an
 *    alias or a function name is none;
 *  - a name among a table function's arguments, which DuckDB takes as text
 *    when it binds to no column (`read_csv(x.csv)`);
 *  - a text built of those alone: `'x' || '.csv'` (parentheses too),
 *    `concat('x', '.csv')`, and constants on lines of their own, which
 *    DuckDB joins (`'x'` newline `'.csv'`).
 * A name computed any other way (from a column, another function, a
 * number) is not among them.
 */
export function duckDbQueryNames(sql: string): string[] {
    const tokens = sqlTokens(sql);
    const names: string[] = [];
    // Names that DuckDB takes as text: those among a table function's arguments.
    const texts = new Set<number>();
    const stack: Frame[] = [];
    let frame: Frame = { from: false, select: false, empty: true, call: false, tableArguments: false };
    // Where the next token stands: where a table may (FROM, JOIN...), where a table's name may (DESCRIBE...), elsewhere.
    let table: 'table' | 'name' | undefined;
    let tableFunction = false;
    for (let i = 0; i < tokens.length; i++) {
        const [token, previous, next] = [tokens[i]!, tokens[i - 1], tokens[i + 1]];
        const [at, afterTableFunction, first] = [table, tableFunction, frame.empty];
        [table, tableFunction, frame.empty] = [undefined, false, false];
        const word = token.word ?? '';
        if (token.kind === 'name' && (at === undefined || BEFORE_TABLE.has(word) || QUERY_STARTS.has(word))) {
            if (word === 'FROM' && (!frame.call || frame.select || first)) [frame.from, table] = [true, 'table'];
            else if (word === 'JOIN') table = 'table';
            else if (TABLE_STATEMENTS.has(word)) table = at ?? 'name';
            else if (at !== undefined && BEFORE_TABLE.has(word)) table = at;
            else if (FROM_ENDS.has(word)) [frame.from, frame.select] = [false, frame.select || word === 'SELECT'];
            else if (frame.tableArguments && !CONSTANTS.has(word) && !isSymbol(previous, '::') && !['(', '=', ':=', '=>'].some(s => isSymbol(next, s))) {
                texts.add(i);
                names.push(token.text);
            }
        } else if (token.kind === 'name') {
            if (isSymbol(next, '(')) tableFunction = true;
            else names.push(token.text);
        } else if (token.kind === 'string') {
            names.push(token.text);
        } else if (isSymbol(token, '(') || isSymbol(token, '[')) {
            stack.push(frame);
            const call = previous?.kind === 'name' && !afterTableFunction;
            frame = { from: at === 'table', select: false, empty: true, call, tableArguments: afterTableFunction || frame.tableArguments };
            if (at === 'table') table = 'table';
        } else if (isSymbol(token, ')') || isSymbol(token, ']')) {
            frame = stack.pop() ?? frame;
        } else if (isSymbol(token, ',') && frame.from && !frame.tableArguments) {
            table = 'table';
        }
    }
    return [...new Set([...names, ...joinedTexts(sql, tokens, texts)])];
}

function isSymbol(token: SqlToken | undefined, text: string): boolean {
    return token?.kind === 'symbol' && token.text === text;
}

/** A text built of constants and `texts` (see `duckDbQueryNames`), from token `start`: its value and the token after it. */
interface Joined {
    readonly value: string;
    readonly next: number;
}

/** The texts the query builds of constants alone (`'x' || '.csv'`), each from the first operand of its `||`s. */
function joinedTexts(sql: string, tokens: readonly SqlToken[], texts: ReadonlySet<number>): string[] {
    const operand = (i: number): Joined | undefined => {
        const token = tokens[i];
        if (token?.kind === 'string') {
            let [value, next] = [token.text, i + 1];
            // Constants apart only by spaces and `--` comments with a line end between are one, as DuckDB reads them.
            while (tokens[next]?.kind === 'string' && continues(sql.slice(tokens[next - 1]!.end, tokens[next]!.start)) && sql[tokens[next]!.start] === "'") {
                value += tokens[next]!.text;
                next++;
            }
            return { value, next };
        }
        if (token?.kind === 'name' && texts.has(i)) return { value: token.text, next: i + 1 };
        // Brackets around a text; a function's brackets (`upper('x')`) compute one.
        if (isSymbol(token, '(') && tokens[i - 1]?.kind !== 'name') {
            const inner = joined(i + 1);
            return inner !== undefined && isSymbol(tokens[inner.next], ')') ? { value: inner.value, next: inner.next + 1 } : undefined;
        }
        if (token?.word === 'CONCAT' && isSymbol(tokens[i + 1], '(')) {
            let [value, next] = ['', i + 2];
            for (;;) {
                const argument = joined(next);
                if (argument === undefined) return undefined;
                value += argument.value;
                next = argument.next + 1;
                if (isSymbol(tokens[argument.next], ')')) return { value, next };
                if (!isSymbol(tokens[argument.next], ',')) return undefined;
            }
        }
        return undefined;
    };
    const joined = (i: number): Joined | undefined => {
        let result = operand(i);
        while (result !== undefined && isSymbol(tokens[result.next], '||')) {
            const right = operand(result.next + 1);
            if (right === undefined) return undefined;
            result = { value: result.value + right.value, next: right.next };
        }
        return result;
    };
    const values: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
        if (isSymbol(tokens[i - 1], '||')) continue;
        const result = joined(i);
        if (result !== undefined) values.push(result.value);
    }
    return values;
}

/** Whether the text between two string constants joins them: spaces and `--` comments only, with a line end. */
function continues(between: string): boolean {
    return /\n|\r/.test(between) && /^(?:\s|--[^\n\r]*)*$/.test(between);
}
