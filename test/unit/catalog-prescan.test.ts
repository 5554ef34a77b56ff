import * as assert from 'node:assert/strict';
import { declaredNames, neededCatalogFiles } from '../../language/catalogs/catalog-prescan.js';

describe('catalog pre-scan: which catalog files a workspace can need', () => {
    const catalog = new Map([
        ['a.align', 'metric Retention "R" {\n  kind lagging\n}\noutcome\n  Keep "Keep" { measured by Retention }\n'],
        ['b.align', 'metric Ramp "Ramp" { drives Speed }\n'],
        ['c.align', 'metric Speed "Speed" { kind lagging }\n'],
        ['d.align', '// metric Unrelated\nprogram P "P" { objective O "O" { kpi Nothing } }\n']
    ]);

    it('finds the names a file declares, across line breaks', () => {
        assert.deepEqual([...declaredNames(catalog.get('a.align')!)].sort(), ['Keep', 'Retention']);
        assert.deepEqual([...declaredNames(catalog.get('d.align')!)].sort(), ['O', 'P', 'Unrelated']);
    });

    it('needs the files the workspace names, and those they name in turn', () => {
        assert.deepEqual([...neededCatalogFiles(['program X "X" { serves Keep }'], catalog)].sort(), ['a.align']);
        assert.deepEqual([...neededCatalogFiles(['behavior B { moves Ramp }'], catalog)].sort(), ['b.align', 'c.align']);
        assert.deepEqual([...neededCatalogFiles(['objective Y { kpi P.O }'], catalog)].sort(), ['d.align']);
        assert.deepEqual([...neededCatalogFiles(['metric Other "Other" {}'], catalog)], []);
    });

    it('finds a name after a comment that follows its keyword', () => {
        assert.deepEqual([...declaredNames('metric /* churn, monthly */ Churn "Churn" {}\nskill // note\n  Listening "L" {}')].sort(), ['Churn', 'Listening']);
    });

    it('needs a file that only mentions a needed name (its actuals), and one that mentions a workspace name', () => {
        const withActuals = new Map([...catalog, ['e.align', 'actuals Speed {\n  2026-01: 3\n}\n']]);
        assert.deepEqual([...neededCatalogFiles(['behavior B { moves Ramp }'], withActuals)].sort(), ['b.align', 'c.align', 'e.align']);
        const reverse = new Map([...catalog, ['f.align', 'behavior CatBehavior "C" { enabled by WsSkill }\n']]);
        assert.deepEqual([...neededCatalogFiles(['skill WsSkill "S" {}'], reverse)], ['f.align']);
        assert.deepEqual([...neededCatalogFiles(['// WsSkill is only a word here'], reverse)], [], 'a word the workspace does not declare');
    });

    it('counts a word anywhere (a string, a comment): it may load more, never less', () => {
        // c.align declares Speed; b.align mentions it (Ramp drives Speed), so it is needed too.
        assert.deepEqual([...neededCatalogFiles(['// see Speed\n'], catalog)].sort(), ['b.align', 'c.align']);
    });

    it('without a catalog, does not read the workspace at all (align check of a workspace without one)', () => {
        const unread: Iterable<string> = { [Symbol.iterator]: () => { throw new Error('the workspace was read'); } };
        assert.deepEqual(neededCatalogFiles(unread, new Map<string, string>()), new Set());
    });
});
