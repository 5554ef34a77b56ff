/**
 * `align check` skips the templates folder of the configuration in force,
 * `extends` followed (language/config/extends.ts): an extended config file
 * may name it, relative to that file, and the extending file's own
 * `templates` wins. The language server skips the same folders
 * (test/lsp/templates-config.test.ts).
 */
import assert from 'node:assert/strict';
import { assertOneLineFailure, checkJson, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** A template: placeholders, which are findings if the file is checked as a program. */
const TEMPLATE = 'program ${name} "${title}" {\n  owner "L&D team"\n}\n';
/** A file with findings: findings in it mean it was checked. */
const bogus = (name: string) => `metric ${name} "${name}" { kind bogus }\n`;

describe('align check: the templates folder that an extended config names', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    const checkedFiles = (dir: string) => [...new Set(checkJson(['.'], { cwd: dir }).map(f => f.file))].sort();

    it('skips it, relative to the extended file (a config file of another name)', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "extends": "./standards/base.json" }\n');
        writeFile(dir, 'standards/base.json', '{ "templates": "./templates" }\n');
        writeFile(dir, 'standards/templates/onboarding.align', TEMPLATE);
        writeFile(dir, 'standards/templates/more/deeper.align', TEMPLATE);
        writeFile(dir, 'programs/existing.align', bogus('Existing'));
        assert.deepEqual(checkedFiles(dir), ['programs/existing.align']);
    });

    it('skips it when the extended file is in a hidden folder, and names it when nothing else is left', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "extends": "./.align/base.json" }\n');
        writeFile(dir, '.align/base.json', '{ "extends": "./shared.json" }\n');
        writeFile(dir, '.align/shared.json', '{ "templates": "../tpl" }\n');
        writeFile(dir, 'tpl/onboarding.align', TEMPLATE);
        const line = assertOneLineFailure(runCli(['check'], { cwd: dir }));
        assert.equal(line, 'align: no .align files in ./ outside its templates folder tpl/ (program templates are skipped)');
        writeFile(dir, 'programs/existing.align', bogus('Existing'));
        assert.deepEqual(checkedFiles(dir), ['programs/existing.align']);
    });

    it('checks the extended file\'s templates folder when the workspace\'s file names its own', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "extends": "./standards/base.json", "templates": "./mine" }\n');
        writeFile(dir, 'standards/base.json', '{ "templates": "./templates" }\n');
        writeFile(dir, 'standards/templates/old.align', bogus('Old'));
        writeFile(dir, 'mine/onboarding.align', TEMPLATE);
        writeFile(dir, 'programs/existing.align', bogus('Existing'));
        assert.deepEqual(checkedFiles(dir), ['programs/existing.align', 'standards/templates/old.align']);
    });

    it('skips it when the config that names it is above the folder given, or given by --config', () => {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', '{ "templates": "./programs/templates" }\n');
        writeFile(dir, 'programs/templates/onboarding.align', TEMPLATE);
        writeFile(dir, 'programs/existing.align', bogus('Existing'));
        writeFile(dir, 'elsewhere/align.config.json', '{ "templates": "../programs/templates" }\n');
        assert.deepEqual(checkedFiles(`${dir}/programs`), ['existing.align']);
        const viaConfig = checkJson(['programs', '--config', 'elsewhere/align.config.json'], { cwd: dir });
        assert.deepEqual([...new Set(viaConfig.map(f => f.file))], ['programs/existing.align']);
        const line = assertOneLineFailure(runCli(['check', 'templates'], { cwd: `${dir}/programs` }));
        assert.equal(line, 'align: no .align files in templates/: it is the templates folder of align.config.json (program templates are skipped)');
    });
});

