/**
 * stringLiterals (cli/pull/sql-statements.ts): the string constants of a
 * query, which name the files a DuckDB query reads (snapshot-sources.ts
 * refuses a snapshot written over one): quotes doubled or escaped, dollar
 * bodies, and nothing from comments or quoted identifiers.
 */
import assert from 'node:assert/strict';
import { stringLiterals } from '../../cli/pull/sql-statements.js';

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
