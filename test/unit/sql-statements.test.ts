/**
 * cli/pull/sql-statements.ts. countStatements: how many statements a query
 * file holds (run-sql.ts refuses more than one). stringLiterals: the string constants of a
 * query, which name the files a DuckDB query reads (snapshot-sources.ts
 * refuses a snapshot written over one): quotes doubled or escaped, dollar
 * bodies, and nothing from comments or quoted identifiers. sqlTokens: the
 * tokens of a query, names as chains joined at their dots as DuckDB joins
 * them (DuckDB reads `FROM deals.csv` and `FROM "data/deals.csv"` as files
 * too). A `--` comment ends at a lone `\r` as at `\n`, as DuckDB ends it.
 */
import assert from 'node:assert/strict';
import { countStatements, sqlTokens, stringLiterals } from '../../cli/pull/sql-statements.js';

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

/** The names of a query's tokens, in order. */
function identifierChains(sql: string): string[] {
    return sqlTokens(sql).filter(t => t.kind === 'name').map(t => t.text);
}

describe('sqlTokens: the tokens of a query', () => {
    it('chains joined at their dots, spaces and comments around the dots, quoted parts unescaped', () => {
        assert.deepEqual(identifierChains('SELECT t.value FROM deals.csv AS t, "data/a ""b"".csv", read_csv(x /* c */ . "y z" . csv)'),
            ['SELECT', 't.value', 'FROM', 'deals.csv', 'AS', 't', 'data/a "b".csv', 'read_csv', 'x.y z.csv']);
    });

    it('nothing from comments or string constants; a name past ASCII is one name', () => {
        assert.deepEqual(identifierChains("-- a.csv\n/* b.csv */ SELECT 'c.csv', données.csv"), ['SELECT', 'données.csv']);
    });

    it('each token with its kind; the E of an E-string, two-character symbols, numbers, keywords in upper case', () => {
        const tokens = sqlTokens("select e'a\\'b' || x::int, 1.5 := \"Select\" => `q`");
        assert.deepEqual(tokens.map(t => [t.kind, t.text, t.word]), [
            ['name', 'select', 'SELECT'], ['string', "a'b", undefined], ['symbol', '||', undefined], ['name', 'x', 'X'],
            ['symbol', '::', undefined], ['name', 'int', 'INT'], ['symbol', ',', undefined], ['number', '1.5', undefined],
            ['symbol', ':=', undefined], ['name', 'Select', undefined], ['symbol', '=>', undefined], ['symbol', '`q`', undefined]
        ]);
        assert.deepEqual(tokens.slice(1, 2).map(t => [t.start, t.end]), [[7, 14]]);
    });
});

describe('comments end at a lone \\r too', () => {
    it('what follows a lone \\r after `--` is read', () => {
        assert.deepEqual(stringLiterals("SELECT * -- x\rFROM 'p.csv'"), ['p.csv']);
        assert.deepEqual(identifierChains('SELECT * -- x\rFROM p.csv'), ['SELECT', 'FROM', 'p.csv']);
        assert.equal(countStatements('SELECT 1 -- x\r; SELECT 2'), 2);
        assert.equal(countStatements('SELECT 1 -- x\r\n; SELECT 2 -- y\r\n'), 2);
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
