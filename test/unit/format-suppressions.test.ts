import * as assert from 'node:assert/strict';
import { formatAlign } from '../../language/format/format-align.js';
import { formatAlignRange } from '../../language/format/format-range.js';
import { checkWorkspace } from './helpers/check-workspace.js';

/** The findings of one file as rule and message, sorted: what formatting must not change (lines move, findings do not). */
async function findingsOf(text: string): Promise<string[]> {
    const { findings } = await checkWorkspace({ 'a.align': text });
    return findings.map(f => `${f.rule}: ${f.message}`).sort();
}

function formatted(text: string): string {
    const result = formatAlign(text);
    assert.ok(!('error' in result), 'error' in result ? result.error : '');
    return result.text;
}

const PROGRAM_HEAD = 'program P "P" {\n  owner "Ops"\n  sponsor "VP"\n  review monthly\n  window 2026-01-01 to 2026-03-31\n';

describe('formatting keeps what align-disable-next-line hides', () => {
    it('keeps a one-line block after the comment on one line, so that a finding on its attributes stays hidden', async () => {
        const input = `${PROGRAM_HEAD}\n  // align-disable-next-line deadline-outside-window\n  metric M "M" {   kind leading unit percent target 50% by 2027-12-31 }\n}\n`;
        const output = formatted(input);
        assert.match(output, /^ {2}metric M "M" \{ kind leading unit percent target 50% by 2027-12-31 \}$/m);
        assert.equal(formatted(output), output, 'idempotent');
        const before = await findingsOf(input);
        assert.ok(!before.some(f => f.startsWith('deadline-outside-window')), 'the comment hides the finding');
        assert.deepEqual(await findingsOf(output), before);
    });

    it('does so for a bare comment, at the top level, and for a block holding blocks', async () => {
        const input = '// align-disable-next-line\nprogram Q "Q" { owner "O"  metric K "K" { kind leading unit percent target 5% by 2030-01-01 } }\n';
        const output = formatted(input);
        assert.equal(output, '// align-disable-next-line\nprogram Q "Q" { owner "O" metric K "K" { kind leading unit percent target 5% by 2030-01-01 } }\n');
        assert.deepEqual(await findingsOf(output), await findingsOf(input));
    });

    it('still expands one-line blocks no such comment precedes (a comment two lines up, or one for another line)', () => {
        const input = '// align-disable-next-line\n\nmetric A "A" { kind activity }\nmetric B "B" { kind activity } // align-disable-next-line\n';
        assert.equal(formatted(input), '// align-disable-next-line\n\nmetric A "A" {\n  kind activity\n}\nmetric B "B" {\n  kind activity\n} // align-disable-next-line\n');
    });

    it('refuses a layout that would move text onto the suppressed line, and the findings stay as they were', async () => {
        const input = `${PROGRAM_HEAD}  serves Goal\n\n  // align-disable-next-line unresolved-reference\n  metric M "M" {\n    kind lagging\n    unit percent\n  }\n}\noutcome Goal "G" {\n  owner "O"\n  measured by P.M,\n    Missing\n}\n`
            .replace('  // align-disable-next-line unresolved-reference\n  metric M', '  metric M')
            .replace('outcome Goal "G" {\n  owner "O"\n', 'outcome Goal "G" {\n  owner "O"\n  // align-disable-next-line unresolved-reference\n');
        const before = await findingsOf(input);
        assert.ok(before.some(f => f.startsWith('unresolved-reference')), 'the reference on the line after the suppressed one is reported');
        const result = formatAlign(input);
        assert.ok('error' in result, 'not formatted');
        assert.match(result.error, /^Not formatted: line 16 follows an `align-disable-next-line` comment/);
        assert.doesNotMatch(result.error, /please report/);
    });

    it('refuses to move the text after a trailing comment away (a blank line between declarations)', () => {
        const input = 'skill A "A" { assessed by "x" } // align-disable-next-line\nbehavior B "B"\n';
        const result = formatAlign(input);
        assert.ok('error' in result && /line 2 follows an `align-disable-next-line` comment/.test(result.error), JSON.stringify(result));
    });

    it('keeps the block on one line when formatting a range too', () => {
        const input = '// align-disable-next-line\nmetric A "A" { kind activity }\nmetric B "B" {   kind activity }\n';
        const result = formatAlignRange(input, { start: input.indexOf('metric B'), end: input.length });
        assert.ok(!('error' in result));
        assert.equal(result.text, '// align-disable-next-line\nmetric A "A" { kind activity }\nmetric B "B" {\n  kind activity\n}\n');
    });
});
