import * as assert from 'node:assert/strict';
import { dateBeingWritten } from '../../server/features/completion-values.js';

/** The date or period being written at the cursor, which completion takes whole from its year on. */
describe('completion: the date or period being written at the cursor', () => {
    /** The run at `|` in `marked`, as the text it spans. */
    const runAt = (marked: string): string | undefined => {
        const text = marked.replace('|', '');
        const run = dateBeingWritten(text, marked.indexOf('|'));
        return run && text.slice(run.start, run.end);
    };

    it('spans a half-written date or period from its year, on past the cursor', () => {
        for (const typed of ['2026-', '2026-1', '2026-Q', '2026-H', '2026-12-', '2026-12-3', '2026-Q4']) {
            assert.equal(runAt(`  target 14% by ${typed}|\n`), typed);
        }
        assert.equal(runAt('  2026-0|\n'), '2026-0');
        assert.equal(runAt('  window 2026-01-05 to 2026-|12 }\n'), '2026-12');
        assert.equal(runAt('  2026-|: 12\n'), '2026-');
    });

    it('is none where no dash follows a four-digit year at the cursor, or the digits are part of a longer word', () => {
        for (const marked of ['  by 2026|\n', '  by 2|\n', '  by |\n', '  baseline 12026-|\n', '  x2026-|\n', '  1.2026-|\n', '  by 2026- |\n', '  by 2026-12-07 |']) {
            assert.equal(runAt(marked), undefined, marked);
        }
    });
});
