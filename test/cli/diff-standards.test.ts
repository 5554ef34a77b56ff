/**
 * `align diff` of a workspace whose standards come from outside the paths
 * compared: an npm package (git-ignored `node_modules`) and a folder catalog
 * beside the folder compared. The revision's copy must read them as the
 * working tree does (cli/diff/revision-context.ts): only the real change
 * shows.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { consumingWorkspace, metricText } from '../standards-workspace.js';
import { gitRepo, HAS_GIT } from './git-repo.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

interface DiffJson {
    nodes: Record<'added' | 'removed' | 'renamed' | 'changed', Array<{ node?: { id: string }; id?: string }>>;
    links: { added: unknown[]; removed: unknown[] };
    findings: { new: Array<{ rule: string }>; fixed: Array<{ rule: string }> };
}

function diffJson(cwd: string, ...args: string[]): DiffJson {
    const result = runCli(['diff', 'HEAD', '--format', 'json', ...args], { cwd });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as DiffJson;
}

/** What the diff says, in short: element changes by kind, links and findings. */
function summary(diff: DiffJson): string[] {
    const ids = (list: Array<{ node?: { id: string }; id?: string }>) => list.map(n => n.node?.id ?? n.id ?? '?');
    return [
        ...ids(diff.nodes.added).map(id => `+ ${id}`),
        ...ids(diff.nodes.removed).map(id => `- ${id}`),
        ...ids(diff.nodes.changed).map(id => `~ ${id}`),
        `links +${diff.links.added.length} -${diff.links.removed.length}`,
        ...diff.findings.new.map(f => `new ${f.rule}`),
        ...diff.findings.fixed.map(f => `fixed ${f.rule}`)
    ];
}

(HAS_GIT ? describe : describe.skip)('align diff: standards from outside the paths compared', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('reads the installed standards package (git-ignored node_modules) on the revision\'s side too', () => {
        const workspace = consumingWorkspace(tempDir());
        fs.writeFileSync(path.join(workspace, '.gitignore'), 'node_modules/\n');
        const repo = gitRepo(workspace);
        repo.edit('sales-onboarding.align', text => text.replace(/\n\s*practice shadowing "[^"]*"/, ''));
        assert.deepEqual(summary(diffJson(repo.dir)), ['~ SalesOnboarding.DoCoreTasks', 'links +0 -0', 'new objective-without-practice']);
    });

    it('copies a folder catalog the config names outside the paths from the same revision', () => {
        const dir = tempDir();
        writeFile(dir, 'kpis/retention.align', metricText('Retention'));
        writeFile(dir, 'programs/align.config.json', '{ "catalogs": ["../kpis"] }\n');
        writeFile(dir, 'programs/outcome.align', 'outcome Kept "Kept" { measured by Retention }\n');
        const repo = gitRepo(dir);
        repo.edit('programs/outcome.align', text => text.replace('"Kept"', '"Kept on"'));
        assert.deepEqual(summary(diffJson(path.join(repo.dir, 'programs'))), ['~ Kept', 'links +0 -0']);
        // The catalog as it was in the revision, not as it is on disk.
        repo.edit('kpis/retention.align', text => text.replace('"Retention"', '"Retention, renamed on disk"'));
        assert.deepEqual(summary(diffJson(path.join(repo.dir, 'programs'))), ['~ Kept', '~ Retention', 'links +0 -0']);
    });
});
