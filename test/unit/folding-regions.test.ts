import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REGION_END, REGION_START, regionRanges } from '../../client/folding-regions.js';
import { REPO_ROOT } from './helpers/textmate-grammar.js';

describe('#region folding (client/folding-regions.ts)', () => {
    it('uses the markers of the language configuration', () => {
        const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes/language-configuration.json'), 'utf-8')) as { folding: { markers: { start: string; end: string } } };
        assert.equal(REGION_START.source, config.folding.markers.start.replace(/\//g, '\\/'));
        assert.equal(REGION_END.source, config.folding.markers.end.replace(/\//g, '\\/'));
    });

    it('pairs each #endregion with the innermost open #region, and folds nothing for an unmatched marker', () => {
        const lines = [
            '// #region Metrics', // 0
            'metric A {', '}',
            '  //#region nested', // 3
            '  // #endregion', // 4
            '// #endregion', // 5
            '// #endregion stray', // 6
            '// #regions is not a marker', // 7
            '// #region never closed' // 8
        ];
        assert.deepEqual(regionRanges(lines), [{ start: 0, end: 5 }, { start: 3, end: 4 }]);
        assert.deepEqual(regionRanges([]), []);
    });

    it('a marker line inside a block or doc comment is comment text: it folds nothing and closes nothing', () => {
        const lines = [
            '// #region Metrics', // 0
            '/*', // 1
            '// #region commented out', // 2
            '  // #endregion', // 3
            '*/ metric A { } /* one line */', // 4
            '/** doc', // 5
            ' // #endregion', // 6
            ' */', // 7
            'metric B "a /* in a string" { } // and /* in a line comment', // 8
            '// #region Skills', // 9
            '/* a */ /* b', // 10
            '// #endregion inside b', // 11
            'b */', // 12
            '// #endregion', // 13
            '// #endregion' // 14
        ];
        assert.deepEqual(regionRanges(lines), [{ start: 0, end: 14 }, { start: 9, end: 13 }]);
        assert.deepEqual(regionRanges(['/* never closed', '// #region', '// #endregion']), []);
    });
});
