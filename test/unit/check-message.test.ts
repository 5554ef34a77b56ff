import * as assert from 'node:assert/strict';
import { checkMessage } from '../../client/commands/check-message.js';

describe('Align: Check Workspace message', () => {
    it('counts files, findings and aligned objectives', () => {
        assert.equal(checkMessage({ files: 5, errors: 4, warnings: 1, infos: 0, aligned: 9, objectives: 11 }),
            'Align: 5 files checked: 4 errors, 1 warning, 0 infos. 9 of 11 objectives aligned to a KPI.');
    });

    it('says there is nothing to check, and how to start, instead of counting zeros', () => {
        const text = checkMessage({ files: 0, errors: 0, warnings: 0, infos: 0, aligned: 0, objectives: 0 });
        assert.doesNotMatch(text, /\b0 /);
        assert.match(text, /no \.align file/);
        assert.match(text, /New Program from Template/);
    });

    it('says that no objective is declared rather than "0 of 0 objectives aligned"', () => {
        assert.equal(checkMessage({ files: 1, errors: 0, warnings: 1, infos: 0, aligned: 0, objectives: 0 }),
            'Align: 1 file checked: 0 errors, 1 warning, 0 infos. No learning objective declared yet.');
    });

    it('without a graph (a bug in Align), counts the findings and says the rules reading it did not run', () => {
        assert.equal(checkMessage({ files: 5, errors: 6, warnings: 2, infos: 0, fault: 'The impact graph could not be built: TypeError: x.' }),
            'Align: 5 files checked: 6 errors, 2 warnings, 0 infos. The impact graph could not be built (a bug in Align: please report it), so the rules that read it did not run.');
    });
});
