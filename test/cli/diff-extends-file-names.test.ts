/**
 * `align diff` on a git revision whose configuration extends a config file
 * of another name than `.json` (`../std/base.jsonc`, `../std/config`): the
 * catalogs that file names by relative path, outside the paths compared,
 * are copied from the same revision too (cli/diff/revision-context.ts), so
 * only the real change shows.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { metricText } from '../standards-workspace.js';
import { gitRepo, HAS_GIT } from './git-repo.js';
import { removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

interface DiffJson {
    nodes: Record<'added' | 'removed' | 'changed', Array<{ node?: { id: string }; id?: string }>>;
    links: { added: unknown[]; removed: unknown[] };
    findings: { new: Array<{ rule: string }>; fixed: Array<{ rule: string }> };
}

/** What `align diff HEAD` says in `cwd`, in short: element changes by kind, links and findings. */
function diffSummary(cwd: string): string[] {
    const result = runCli(['diff', 'HEAD', '--format', 'json'], { cwd });
    assert.equal(result.status, 0, result.stderr);
    const diff = JSON.parse(result.stdout) as DiffJson;
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

(HAS_GIT ? describe : describe.skip)('align diff: the catalogs of an extended config file of any name', () => {
    before(requireBundle);
    after(removeTempDirs);

    for (const extended of ['std/base.jsonc', 'std/config']) {
        it(`copies the catalog that ${extended} names from the same revision`, () => {
            const dir = tempDir();
            writeFile(dir, extended, '// the organisation\'s standards\n{ "catalogs": ["./kpis"] }\n');
            writeFile(dir, 'std/kpis/retention.align', metricText('Retention'));
            writeFile(dir, 'programs/align.config.json', `{ "extends": "../${extended}" }\n`);
            writeFile(dir, 'programs/outcome.align', 'outcome Kept "Kept" { measured by Retention }\n');
            const repo = gitRepo(dir);
            const programs = path.join(repo.dir, 'programs');
            repo.edit('programs/outcome.align', text => text.replace('"Kept"', '"Kept on"'));
            assert.deepEqual(diffSummary(programs), ['~ Kept', 'links +0 -0']);
            // The catalog as it was in the revision, not as it is on disk.
            repo.edit('std/kpis/retention.align', text => text.replace('"Retention"', '"Retention, renamed on disk"'));
            assert.deepEqual(diffSummary(programs), ['~ Kept', '~ Retention', 'links +0 -0']);
        });
    }
});
