/**
 * Golden files of the CLI tests: the exact expected output of a command.
 * `UPDATE_GOLDEN=1 npx mocha ... test/cli/...` writes them anew from the
 * current output (review the diff before committing).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GOLDEN_DIR = path.dirname(fileURLToPath(import.meta.url));

/** True when the golden files are being regenerated. */
export const UPDATING = process.env['UPDATE_GOLDEN'] === '1';

/** Asserts that `actual` is the content of the golden file `name`, or writes it with UPDATE_GOLDEN=1. */
export function assertGolden(name: string, actual: string): void {
    const file = path.join(GOLDEN_DIR, name);
    if (UPDATING) {
        fs.writeFileSync(file, actual);
        return;
    }
    assert.ok(fs.existsSync(file), `golden file test/cli/golden/${name} is missing: run the tests with UPDATE_GOLDEN=1 to write it`);
    const expected = fs.readFileSync(file, 'utf-8');
    if (actual !== expected) {
        assert.equal(actual, expected, `output differs from test/cli/golden/${name} (if the change is intended, regenerate with UPDATE_GOLDEN=1 and review the diff)`);
    }
}
