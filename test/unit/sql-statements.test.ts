/**
 * cli/pull/sql-statements.ts. countStatements: how many statements a query
 * file holds (run-sql.ts refuses more than one). stringLiterals: the string constants of a
 * query, which name the files a DuckDB query reads (snapshot-sources.ts
 * refuses a snapshot written over one): quotes doubled or escaped, dollar
 * bodies, and nothing from comments or quoted identifiers.
 */
import assert from 'node:assert/strict';
import { countStatements, stringLiterals } from '../../cli/pull/sql-statements.js';

describe('stringLiterals: the string constants of a query', () => {
    it('plain, doubled quotes, E-strings and dollar bodies', () => {
        assert.deepEqual(stringLiterals("SELECT * FROM 'data/a.csv' WHERE x = 'it''s' AND y = E'b\\'c' OR z = $$d.csv$$ OR w = $t$e'$t$"),
            ['data/a.csv', "it's", "b'c", 'd.csv', "e'"]);
        assert.deepEqual(stringLiterals("FROM read_csv(['a.csv', 'b.csv'])"), ['a.csv', 'b.csv']);
    });

    it('nothing from comments, quoted identifiers or an unclosed quote', () => {
        assert.deepEqual(stringLiterals("-- 'a.csv'\n/* 'b.csv' /* 'c.csv' */ */ SELECT \"d.csv\", `e.csv` FROM 'f.csv' WHERE x = 'open"), ['f.csv']);
    });
});

describe('countStatements: the statements of a query file', () => {
    it('splits at semicolons outside quotes, dollar bodies and comments', () => {
        assert.equal(countStatements('SELECT 1'), 1);
        assert.equal(countStatements('SELECT 1;\n'), 1);
        assert.equal(countStatements('SELECT 1; SELECT 2'), 2);
        assert.equal(countStatements("SELECT ';' AS a, E'\\';' AS b, \"x;y\", `p;q` FROM t"), 1);
        assert.equal(countStatements('SELECT $f$ a; b $f$; -- c; d\n/* e; /* f; */ g; */'), 1);
    });

    it('comments, blanks and lone semicolons are no statement', () => {
        assert.equal(countStatements(''), 0);
        assert.equal(countStatements('  ;\n ; -- SELECT 1;\n/* SELECT 2; */'), 0);
        assert.equal(countStatements("SELECT 1; 'open"), 2);
    });
});
