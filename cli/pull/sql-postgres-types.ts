/**
 * How a PostgreSQL pull reads its `period` and `value` columns, by their
 * types as the server describes them. The server names a domain by its
 * base type (a DOMAIN over numeric is numeric); a type of an extension,
 * such as citext, has an id of its own, so types other than the common
 * built-in ones are looked up in pg_type: a string type (text, varchar,
 * char, citext...) is text, whatever its id, and the type's name is what
 * messages give.
 */
import type { FieldDef } from 'pg';
import { dayOfDatabaseDate, numericCell, type PeriodCell, type ValueCell } from './periods.js';
import { PullError } from './pull-error.js';

type PgClient = InstanceType<typeof import('pg').default.Client>;

/** A column's type: its id, its name as SQL writes it (`numeric(6,2)`, `citext`) and its pg_type category (`S` strings, `N` numbers...). */
interface ColumnType {
    readonly oid: number;
    readonly name: string;
    readonly category: string;
}

/** date, timestamp, timestamptz. */
const DATE_TYPES = new Set([1082, 1114, 1184]);
/** real (float4) and double precision (float8): floating point. */
const FLOAT_TYPES = new Map<number, 'float32' | 'float64'>([[700, 'float32'], [701, 'float64']]);
const MONEY = 790;
/** json and jsonb: a JSON number's text is its exact value. */
const JSON_TYPES = new Set([114, 3802]);
/** The pg_type categories of strings, and of the type of an untyped literal (`unknown`). */
const TEXT_CATEGORIES = new Set(['S', 'X']);

/** The built-in types a pull meets most, known without asking the server: dates, strings, numbers, JSON. */
const BUILT_IN = new Map<number, Omit<ColumnType, 'oid'>>([
    [1082, { name: 'date', category: 'D' }], [1114, { name: 'timestamp without time zone', category: 'D' }], [1184, { name: 'timestamp with time zone', category: 'D' }],
    [25, { name: 'text', category: 'S' }], [1043, { name: 'character varying', category: 'S' }], [1042, { name: 'character', category: 'S' }],
    [19, { name: 'name', category: 'S' }], [705, { name: 'unknown', category: 'X' }],
    [20, { name: 'bigint', category: 'N' }], [21, { name: 'smallint', category: 'N' }], [23, { name: 'integer', category: 'N' }],
    [700, { name: 'real', category: 'N' }], [701, { name: 'double precision', category: 'N' }], [1700, { name: 'numeric', category: 'N' }],
    [MONEY, { name: 'money', category: 'N' }], [114, { name: 'json', category: 'U' }], [3802, { name: 'jsonb', category: 'U' }]
]);

/** The readers of a result's `period` and `value` cells; a value column of a type that holds no number (money, bit, boolean...) is a PullError naming the column and the type. */
export async function cellReaders(client: PgClient, period: FieldDef, value: FieldDef): Promise<{ period(cell: unknown): PeriodCell; value(cell: unknown): ValueCell }> {
    const [periodType, valueType] = await columnTypes(client, [period, value]);
    return { period: cell => periodCell(cell, periodType!), value: valueReader(value.name, valueType!) };
}

/**
 * The types of `fields`, in their order: built-in ones as BUILT_IN knows
 * them, others (an extension's citext, bit(4)...) from pg_catalog,
 * schema-qualified so that the URL's search_path cannot stand another
 * pg_type in.
 */
async function columnTypes(client: PgClient, fields: readonly FieldDef[]): Promise<ColumnType[]> {
    if (fields.every(f => BUILT_IN.has(f.dataTypeID))) return fields.map(f => ({ oid: f.dataTypeID, ...BUILT_IN.get(f.dataTypeID)! }));
    const { rows } = await client.query<{ oid: string; name: string; category: string }>(
        `SELECT f.oid::text AS oid, pg_catalog.format_type(f.oid, f.typmod) AS name, t.typcategory::text AS category
         FROM unnest($1::pg_catalog.oid[], $2::pg_catalog.int4[]) WITH ORDINALITY AS f(oid, typmod, n)
         LEFT JOIN pg_catalog.pg_type t ON t.oid = f.oid ORDER BY f.n`,
        [fields.map(f => f.dataTypeID), fields.map(f => f.dataTypeModifier)]);
    return rows.map(row => ({ oid: Number(row.oid), name: row.name, category: row.category ?? '' }));
}

function periodCell(cell: unknown, type: ColumnType): PeriodCell {
    if (cell === null || cell === undefined) return { bad: 'NULL' };
    const text = String(cell);
    if (DATE_TYPES.has(type.oid)) {
        const day = dayOfDatabaseDate(text);
        return day === undefined ? { bad: `\`${text}\`` } : { day };
    }
    return TEXT_CATEGORIES.has(type.category) ? { text } : { bad: `\`${text}\` (type ${type.name})` };
}

/**
 * The reader of the value column: numbers (numeric and the integers as the
 * exact text the server sends, real and double precision as floating
 * point), and text or JSON that holds a number, as written. money is
 * refused: its text follows the server's lc_monetary (`$1,234.50`, `1.234,50
 * €`), and how many of its digits are decimals too. So are types whose text
 * only looks like a number (bit(4) `1010` is ten).
 */
function valueReader(column: string, type: ColumnType): (cell: unknown) => ValueCell {
    if (type.oid === MONEY) {
        throw new PullError(`the column \`${column}\` is of type money, whose text follows the server's lc_monetary ($1,234.50): cast it to numeric in the query (\`amount::numeric AS ${column}\`)`);
    }
    const binary = FLOAT_TYPES.get(type.oid);
    if (type.category === 'N' || TEXT_CATEGORIES.has(type.category) || JSON_TYPES.has(type.oid)) return cell => numericCell(cell, binary);
    throw new PullError(`the column \`${column}\` is of type ${type.name}, which holds no number: return a numeric, integer or floating-point value`);
}
