/**
 * `align check --format junit` and control characters from the user's data
 * (here a CSV path in a message): the report is well-formed XML without a
 * control character, C0 or C1 (`\x9b` is a CSI in a CI log as `\x1b[` is),
 * the same escaping as the report's drawings (language/render/text.ts
 * escapeXml). Built bundle.
 */
import assert from 'node:assert/strict';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';
import { elementsNamed, parseXml } from './xml.js';

const METRIC = 'metric K "k" {\n  kind lagging\n  unit count\n  direction up\n  baseline 1\n  target 2 by 2026-12-31\n  source "s"\n  owner "o"\n  cadence monthly\n}\noutcome O "o" { measured by K }\n';

describe('align check --format junit: control characters from the user\'s data', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('a CSV path with C0 and C1 controls and DEL: dropped from the text and the attributes, the rest kept', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', `${METRIC}actuals K from "data/a\x01b\x7fc\x9b2Jd\x85e.csv"\n`);
        const result = runCli(['check', '.', '--format', 'junit'], { cwd: dir });
        assert.equal(result.status, 1, result.stderr);
        assert.doesNotMatch(result.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/, JSON.stringify(result.stdout));
        const failures = elementsNamed(parseXml(result.stdout), 'failure').filter(f => f.text.includes('data/ab'));
        assert.ok(failures.length > 0, result.stdout);
        for (const failure of failures) {
            assert.ok(failure.text.includes('data/abc2Jde.csv'), failure.text);
            assert.ok(failure.attributes['message']!.includes('data/abc2Jde.csv'), failure.attributes['message']);
        }
    });
});
