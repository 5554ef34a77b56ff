/**
 * Where the Restricted Mode warning of a catalog that is not read sits in
 * `align.config.json`: at the catalog's name, not at a comment that names it.
 */
import * as assert from 'node:assert/strict';
import { skippedCatalogDiagnostic } from '../../server/workspace-settings.js';

describe('the warning of a catalog an untrusted workspace does not read', () => {
    it('marks the catalog in the list, not the comment above it that names it too', () => {
        const text = '{\n  // "../shared/kpis" moved here from "catalogs" of the old file\n  "catalogs": ["../shared/kpis"]\n}\n';
        const { range } = skippedCatalogDiagnostic(text, '../shared/kpis');
        assert.deepEqual(range, { start: { line: 2, character: 15 }, end: { line: 2, character: 31 } });
    });

    it('marks the `catalogs` key when the catalog comes through `extends`, past a commented-out key', () => {
        const text = '{\n  /* "catalogs": [] */\n  "extends": "./base.json",\n  "catalogs": []\n}\n';
        assert.deepEqual(skippedCatalogDiagnostic(text, '@acme/kpis').range.start, { line: 3, character: 2 });
    });
});
