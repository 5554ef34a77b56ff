/**
 * `align report`: control characters of the user's data (an escape
 * sequence or a bell in a title, a doc comment, a sponsor) never reach the
 * review, in Markdown or HTML: the text drops them, as the charts and the
 * impact chain do; a file's name in a finding's place shows them as `\xHH`,
 * as `align check` prints it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { report } from './report-helpers.js';
import { removeTempDirs, requireBundle, tempDir, writeFile } from './run-cli.js';

/** C0 controls other than tab and line feed, DEL and C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const SOURCE = `metric K "Evil \x1b[2J title\x07" {
  kind lagging unit count direction up baseline 10 target 60 by 2026-12-31
  source "s" owner "o" cadence monthly
}
/** Doc with \x1b]0;pwned\x07 inside */
outcome O "Outcome \x9b31mred" { measured by K }
program P "Prog \x7f\x1b[1m" {
  sponsor "Sp\x1bonsor" owner "o" serves O review monthly
  window 2026-01-01 to 2026-06-30
}
actuals K {
  2026-01: 10
  2026-02: 20
}
`;

describe('align report: no control characters from the user\'s data', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('drops them from titles, doc comments and attributes, in Markdown and HTML', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', SOURCE);
        for (const format of ['md', 'html']) {
            const text = report(['--format', format], dir, '2026-03-15');
            const control = CONTROL.exec(text);
            assert.equal(control, null, `${format}: ${JSON.stringify(control?.[0])} at ${control?.index}: ${JSON.stringify(text.slice((control?.index ?? 0) - 40, (control?.index ?? 0) + 40))}`);
            const flat = format === 'md' ? text.replace(/\\(.)/g, '$1') : text;
            for (const shown of ['Evil [2J title', 'Doc with ]0;pwned inside', 'Outcome 31mred', 'Prog [1m', 'Sponsor']) assert.ok(flat.includes(shown), `${format}: ${shown}`);
        }
    });

    it('shows them as \\xHH in a file\'s name, where a finding is placed', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', SOURCE);
        fs.writeFileSync(path.join(dir, 'ctl\x1b[31mred.align'), 'skill Z "z"\n');
        for (const format of ['md', 'html']) {
            const text = report(['--format', format], dir, '2026-03-15');
            assert.equal(CONTROL.exec(text), null, format);
            // HTML lets a name break after its dots (html.ts): the tags go.
            const shown = format === 'md' ? text : text.replace(/<span aria-hidden="true"><wbr><\/span>/g, '');
            assert.ok(shown.includes(format === 'md' ? '`ctl\\x1b[31mred.align:1:7`' : '<code dir="ltr">ctl\\x1b[31mred.align:1:7</code>'), format);
        }
    });
});
