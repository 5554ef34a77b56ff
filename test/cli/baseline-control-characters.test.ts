/**
 * A `--baseline` file that is not JSON: the message quotes its text, with the
 * control characters written `\xHH` (built bundle). They reached standard
 * error raw: an escape sequence in the file set the terminal's title and
 * colours, as file names and messages of the other outputs never do.
 */
import assert from 'node:assert/strict';
import { removeTempDirs, requireBundle, runCli, tempDir, unwrapped, writeFile } from './run-cli.js';

describe('align check --baseline with control characters in a file that is not JSON', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('escapes them in the one-line error', () => {
        const dir = tempDir();
        writeFile(dir, 'a.align', 'outcome O "O" {\n  owner "x"\n}\n');
        writeFile(dir, 'bl.json', '\x1b]0;pwned\x07\x1b[31mRED');
        const result = runCli(['check', '--baseline', 'bl.json'], { cwd: dir });
        assert.equal(result.status, 2, result.stderr);
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(result.stderr, /[\u0000-\u0009\u000b-\u001f\u007f]/, JSON.stringify(result.stderr));
        assert.match(unwrapped(result.stderr).trimEnd(), /^align: --baseline bl\.json: not valid JSON \(.*\\x1b\]0;pwned\\x07\\x1b\[31mRED.*\)$/);
    });
});
