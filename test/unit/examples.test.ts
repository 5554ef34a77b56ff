import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkspace, expectedFindings, findingKeys, type CheckedWorkspace } from './helpers/check-workspace.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures/examples');
const shared = path.resolve(here, '../../../shared/examples');

/** Every file under a folder, relative, with `/` separators. */
function listFiles(folder: string): string[] {
    return fs.readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(e => e.isFile())
        .map(e => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        .sort();
}

describe('the normative examples (test/fixtures/examples)', () => {
    const names = listFiles(fixtures);
    const files = Object.fromEntries(names.map(n => [n, fs.readFileSync(path.join(fixtures, n), 'utf-8')]));
    let checked: CheckedWorkspace;

    before(async () => { checked = await checkWorkspace(files); });

    it('is an unchanged copy of ../shared/examples', function () {
        if (!fs.existsSync(shared)) this.skip();
        assert.deepEqual(listFiles(fixtures), listFiles(shared), 'the file lists differ: copy ../shared/examples again');
        for (const name of listFiles(shared)) {
            assert.equal(fs.readFileSync(path.join(fixtures, name), 'utf-8'), fs.readFileSync(path.join(shared, name), 'utf-8'), `${name} differs from ../shared/examples`);
        }
    });

    for (const name of names.filter(n => n.endsWith('.align'))) {
        it(`${name}: exactly the findings its expect: comments list`, () => {
            assert.deepEqual(findingKeys(checked.findings, name), expectedFindings(files[name]!));
        });
    }

    it('has expectations at all (the contract is not empty)', () => {
        const total = names.filter(n => n.endsWith('.align')).reduce((sum, n) => sum + expectedFindings(files[n]!).length, 0);
        assert.equal(total, checked.findings.length);
        assert.ok(total >= 10, `only ${total} expectations`);
    });
});
