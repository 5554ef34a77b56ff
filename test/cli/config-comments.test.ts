/**
 * `align.config.json` is JSON with comments (language.md, "Configuration"):
 * the built CLI checks a workspace whose config is the example of
 * language.md, with its `//` comment, without a config-invalid finding, and
 * tells an unclosed block comment at its line and column.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consumingWorkspace, STANDARDS_PACKAGE } from '../standards-workspace.js';
import { checkJson, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const DESIGN_EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'config', 'design-example.align.config.json');

/**
 * The consuming workspace of examples/standards with the example of
 * language.md as its config: `extends` the standards package, `catalogs`
 * `@acme/kpi-catalog` (the package's people catalog) and `../shared/kpis`,
 * `templates` `@acme/align-templates` (the package's templates).
 */
function designWorkspace(): string {
    const dir = tempDir();
    const workspace = consumingWorkspace(dir);
    fs.copyFileSync(DESIGN_EXAMPLE, path.join(workspace, 'align.config.json'));
    const installed = (name: string) => path.join(workspace, 'node_modules', '@acme', name);
    fs.cpSync(path.join(STANDARDS_PACKAGE, 'catalog'), installed('kpi-catalog'), { recursive: true });
    writeFile(installed('kpi-catalog'), 'package.json', '{ "name": "@acme/kpi-catalog", "version": "2.0.0" }\n');
    fs.cpSync(path.join(STANDARDS_PACKAGE, 'templates'), installed('align-templates'), { recursive: true });
    writeFile(installed('align-templates'), 'package.json', '{ "name": "@acme/align-templates", "version": "3.1.0" }\n');
    fs.mkdirSync(path.join(dir, 'shared', 'kpis'), { recursive: true });
    return workspace;
}

describe('align.config.json with comments, through the built CLI', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('align check accepts the example of language.md, // comment and all: no finding, exit 0', () => {
        const workspace = designWorkspace();
        assert.match(fs.readFileSync(path.join(workspace, 'align.config.json'), 'utf-8'), /\/\/ or "\.\/standards\/align\.config\.json"/);
        // The program's KPIs come from @acme/kpi-catalog: they resolve only when the commented file is read.
        assert.deepEqual(checkJson(['.'], { cwd: workspace, status: 0 }), []);
    });

    it('align init reads the templates that a commented config names', () => {
        const workspace = designWorkspace();
        const result = runCli(['init', '--list-templates'], { cwd: workspace });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^onboarding {2}\(@acme\/align-templates 3\.1\.0\)$/m);
    });

    it('a comment is no finding; an unclosed block comment is one config-invalid finding at the /*; a finding spans its key, quotes included', () => {
        const workspace = consumingWorkspace(tempDir());
        const invalid = () => checkJson(['.'], { cwd: workspace }).filter(f => f.rule === 'config-invalid').map(f => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.message}`);
        writeFile(workspace, 'align.config.json', '{\n  // Acme\n  "extends": "@acme/align-standards", /* our rules */\n  "rules": { /* "metric-unsued" */ "metric-unsued": "warn" }\n}\n');
        assert.deepEqual(invalid(), ['align.config.json:4:36-51 unknown rule id "metric-unsued"; did you mean "metric-unused"?']);
        writeFile(workspace, 'align.config.json', '{\n  "extends": "@acme/align-standards" /* our rules\n}\n');
        assert.deepEqual(invalid(), ['align.config.json:2:38-39 align.config.json is not valid JSON: a block comment /* is not closed; end it with */, or remove it; the defaults apply']);
    });
});
