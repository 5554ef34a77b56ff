/**
 * A templates folder inside a catalog folder (`"catalogs": ["./std"],
 * "templates": "./std/templates"`): the templates folder of the
 * configuration in force is no catalog source (docs/standards.md,
 * "Templates"), so its placeholder programs declare nothing. The language
 * server shares the catalog registry (test/lsp/catalog-templates-folder.test.ts).
 */
import assert from 'node:assert/strict';
import { checkJson, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** A template that declares a skill: it would clash with the workspace's if it were a catalog file. */
const TEMPLATE = 'program ${name} "${title}" {\n  owner "L&D team"\n  skill RoleBasics "Role basics" {\n    assessed by "Check"\n  }\n}\n';
const CATALOG = 'metric Retention "Retention" {\n  kind lagging\n}\n';

describe('align: a templates folder inside a catalog folder is no catalog source', function () {
    this.timeout(60_000);
    before(requireBundle);
    after(removeTempDirs);

    /** A workspace whose catalog folder holds the templates folder its configuration names (`config` is align.config.json). */
    function workspace(config: string): string {
        const dir = tempDir();
        writeFile(dir, 'align.config.json', config);
        writeFile(dir, 'std/people-kpis.align', CATALOG);
        writeFile(dir, 'std/templates/onboarding.align', TEMPLATE);
        return dir;
    }

    it('align check: a workspace declaration of the same name is no duplicate of the template\'s', () => {
        const dir = workspace('{ "catalogs": ["./std"], "templates": "./std/templates" }\n');
        writeFile(dir, 'extra.align', 'skill RoleBasics "x"\n');
        const rules = checkJson(['.'], { cwd: dir }).map(f => `${f.file} ${f.rule}`);
        assert.ok(!rules.some(rule => rule.endsWith('duplicate-name')), rules.join('\n'));
    });

    it('align check: a reference does not resolve into the template, and the catalog still loads', () => {
        const dir = workspace('{ "catalogs": ["./std"], "templates": "./std/templates/" }\n');
        writeFile(dir, 'uses.align', 'behavior B "b" {\n  enabled by RoleBasics\n  moves Retention\n}\n');
        const findings = checkJson(['.'], { cwd: dir });
        const unresolved = findings.filter(f => f.rule === 'unresolved-reference').map(f => f.message);
        assert.equal(unresolved.length, 1, unresolved.join('\n'));
        assert.match(unresolved[0]!, /RoleBasics/);
    });

    it('align check: the templates folder named through extends is skipped as well', () => {
        const dir = workspace('{ "extends": "./std/base.json" }\n');
        writeFile(dir, 'std/base.json', '{ "catalogs": ["."], "templates": "./templates" }\n');
        writeFile(dir, 'extra.align', 'skill RoleBasics "x"\n');
        const rules = checkJson(['.'], { cwd: dir }).map(f => `${f.file} ${f.rule}`);
        assert.ok(!rules.some(rule => rule.endsWith('duplicate-name')), rules.join('\n'));
    });

    it('align graph: no node comes from the template', () => {
        const dir = workspace('{ "catalogs": ["./std"], "templates": "./std/templates" }\n');
        writeFile(dir, 'uses.align', 'behavior B "b" {\n  enabled by RoleBasics\n  moves Retention\n}\n');
        const result = runCli(['graph', '.', '--format', 'json'], { cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        const { nodes } = JSON.parse(result.stdout) as { nodes: Array<{ id: string; uri: string }> };
        assert.deepEqual(nodes.filter(node => node.uri.includes('/templates/')).map(node => node.id), []);
        assert.ok(nodes.some(node => node.id === 'Retention'), nodes.map(node => node.id).join(', '));
    });
});
