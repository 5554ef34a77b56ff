import * as assert from 'node:assert/strict';
import { tableMeasure, TEXT } from '../../language/render/measure.js';
import { wrap } from '../../language/render/text.js';
import { seededRandom } from './helpers/seeded-random.js';

/** Wrapping a name that is wider than its box (the drawings' name lines, mono 11 px). */
describe('wrapping a word wider than its line', () => {
    const style = TEXT.name;
    const width = (chars: number) => tableMeasure('x'.repeat(chars), style);

    it('breaks where a reader sees a word end: before a capital after a small letter, after a dot', () => {
        assert.deepEqual(wrap('ExecutiveConversations', width(20), style, Infinity, tableMeasure), ['Executive', 'Conversations']);
        assert.deepEqual(wrap('FieldSafetyPilot.HazardCheckRate', width(24), style, Infinity, tableMeasure), ['FieldSafetyPilot.', 'HazardCheckRate']);
        assert.deepEqual(wrap('pre_job_hazard_analysis_rate', width(16), style, Infinity, tableMeasure), ['pre_job_hazard_', 'analysis_rate']);
    });

    it('between characters when no word end leaves a third of the line', () => {
        assert.deepEqual(wrap('Abcdefghijklmnopqrstuvwxyz', width(10), style, Infinity, tableMeasure), ['Abcdefghij', 'klmnopqrst', 'uvwxyz']);
        assert.deepEqual(wrap('AbCdefghijklmnopqrstuvwxyz', width(10), style, Infinity, tableMeasure), ['AbCdefghij', 'klmnopqrst', 'uvwxyz']);
    });

    it('cut after the last line: the rest of a broken word follows without a space', () => {
        // Broken before each capital: pieces of 10 on lines of 15, the rest cut on the second line.
        const lines = wrap('AbcdefghijAbcdefghijAbcdefghijAbcdefghij', width(15), style, 2, tableMeasure);
        assert.equal(lines[0], 'Abcdefghij');
        assert.match(lines[1]!, /^AbcdefghijAbc\S*\u2026$/, lines[1]);
    });

    it('every piece fits, and the pieces are the word (random names)', () => {
        const random = seededRandom(7);
        const parts = ['Hazard', 'check', 'Rate', 'X', 'pilot', '_', '.', '-', '9', 'Conversations', 'a'];
        for (let n = 0; n < 300; n++) {
            const word = Array.from({ length: 1 + random(8) }, () => parts[random(parts.length)]!).join('');
            const max = width(3 + random(15));
            const lines = wrap(word, max, style, Infinity, tableMeasure);
            assert.equal(lines.join(''), word, word);
            for (const line of lines) assert.ok(tableMeasure(line, style) <= max || [...line].length === 1, `${word}: '${line}' is wider than the line`);
        }
    });
});
