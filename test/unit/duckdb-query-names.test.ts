/**
 * cli/pull/duckdb-query-names.ts: the names in a DuckDB query that DuckDB
 * may open as files, which duckdb-named-files.ts checks for named pipes
 * before DuckDB runs. Every string constant; a name only where DuckDB reads
 * one as a file: written as a table (its replacement scan) or among a table
 * function's arguments (bound as text); texts built of constants alone
 * (`'p' || '.csv'`, `concat`, constants on lines of their own). Each case
 * below was run in DuckDB (1.5) to see which file it opens.
 */
import assert from 'node:assert/strict';
import { duckDbQueryNames } from '../../cli/pull/duckdb-query-names.js';

describe('duckDbQueryNames: the names a DuckDB query may open as files', () => {
    it('a name written as a table: after FROM and JOIN, in a FROM list, FROM first, in brackets, after DESCRIBE and the like', () => {
        assert.deepEqual(duckDbQueryNames('SELECT * FROM t JOIN a.csv ON t.x = 1, b.csv AS z, c.csv d(e, f) POSITIONAL JOIN "d.csv"'),
            ['t', 'a.csv', 'b.csv', 'c.csv', 'd.csv']);
        assert.deepEqual(duckDbQueryNames('FROM a.csv SELECT x, y'), ['a.csv']);
        assert.deepEqual(duckDbQueryNames('SELECT * FROM (a.csv JOIN b.csv ON true), LATERAL (SELECT * FROM ONLY c.csv)'), ['a.csv', 'b.csv', 'c.csv']);
        assert.deepEqual(duckDbQueryNames('WITH x AS (FROM a.csv) SELECT ARRAY(SELECT v FROM b.csv), ARRAY(FROM c.csv) FROM x WHERE v IN (FROM d.csv)'),
            ['a.csv', 'b.csv', 'c.csv', 'x', 'd.csv']);
        for (const statement of ['DESCRIBE', 'DESCRIBE TABLE', 'SUMMARIZE', 'SHOW', 'TABLE', 'PIVOT', 'UNPIVOT']) {
            assert.deepEqual(duckDbQueryNames(`${statement} a.csv`), ['a.csv'], statement);
        }
        assert.deepEqual(duckDbQueryNames('UPDATE t SET v = 1 FROM a.csv'), ['a.csv']);
    });

    it('no column, alias, function name or keyword: a FROM list ends at WHERE, GROUP BY, ORDER BY, SELECT...', () => {
        assert.deepEqual(duckDbQueryNames('SELECT amount, sum("value") AS total FROM t WHERE amount > 0 GROUP BY amount, period ORDER BY amount, total'), ['t']);
        assert.deepEqual(duckDbQueryNames('FROM t SELECT amount, period'), ['t']);
        assert.deepEqual(duckDbQueryNames('SELECT extract(year FROM period), substring(s FROM 2) FROM t'), ['t']);
        assert.deepEqual(duckDbQueryNames("FROM t PIVOT (sum(amount) FOR period IN ('x'))"), ['t', 'x']);
        assert.deepEqual(duckDbQueryNames('SELECT * FROM t, u ORDER BY amount, period LIMIT 1'), ['t', 'u']);
    });

    it('a name among a table function\'s arguments, which DuckDB takes as text; not a parameter\'s name, a type, a function or a constant', () => {
        assert.deepEqual(duckDbQueryNames('SELECT * FROM read_csv(a.csv, header = true, sep := x), t JOIN read_json([b.json, "c.json"]::VARCHAR[]) ON true'),
            ['a.csv', 'x', 't', 'b.json', 'c.json']);
        assert.deepEqual(duckDbQueryNames('SELECT * FROM read_csv(x /* c */ . "y z" . csv)'), ['x.y z.csv']);
        assert.deepEqual(duckDbQueryNames('SELECT amount FROM t WHERE amount IN (SELECT max(amount) FROM u)'), ['t', 'u']);
    });

    it('a text built of constants: ||, brackets, concat, constants on lines of their own; with names among a table function\'s arguments', () => {
        assert.deepEqual(duckDbQueryNames("SELECT * FROM read_csv('p' || '.' || 'csv')"), ['p', '.', 'csv', 'p.csv']);
        assert.deepEqual(duckDbQueryNames("FROM read_csv(['a' || '.csv', ('b') || ('.' || csv), concat(c, '.csv')])"),
            ['a', '.csv', 'b', '.', 'csv', 'c', 'a.csv', 'b.csv', 'c.csv']);
        assert.deepEqual(duckDbQueryNames("FROM 'a'\n-- a comment\n'.csv'"), ['a', '.csv', 'a.csv']);
        assert.deepEqual(duckDbQueryNames("SELECT E'it\\'s' || $$.csv$$"), ["it's", '.csv', "it's.csv"]);
    });

    it('not built: a text computed from a column, a function other than concat or a number; constants apart on one line', () => {
        assert.deepEqual(duckDbQueryNames("SELECT * FROM t WHERE s || '.csv' = 'p.csv'"), ['t', '.csv', 'p.csv']);
        assert.deepEqual(duckDbQueryNames("FROM read_csv(upper('p') || '.csv')"), ['p', '.csv']);
        assert.deepEqual(duckDbQueryNames("FROM read_csv('p' || 1 || '.csv')"), ['p', '.csv']);
        assert.deepEqual(duckDbQueryNames("SELECT 'a' 'b', 'c' /* no line end */ 'd'"), ['a', 'b', 'c', 'd']);
    });
});
