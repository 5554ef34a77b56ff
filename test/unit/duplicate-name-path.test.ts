import * as assert from 'node:assert/strict';
import { URI } from 'langium';
import { readablePath } from '../../language/validation/structure-rules.js';
import { checkWorkspace } from './helpers/check-workspace.js';

const SKILL = (title: string) => `// a comment first\nskill Shared "${title}"\n`;

describe('duplicate-name names the other file by its path', () => {
    it('relative to the workspace root, decoded, with the line: two files of one name in two folders are told apart', async () => {
        const { findings } = await checkWorkspace({ 'team a/x y#1.align': SKILL('A'), 'team b/x y#1.align': SKILL('B') });
        const messages = findings.filter(f => f.rule === 'duplicate-name').map(f => `${f.file}: ${f.message}`).sort();
        assert.deepEqual(messages, [
            'team a/x y#1.align: \'Shared\' is declared more than once in the same scope (also at team b/x y#1.align:2). Rename one of them.',
            'team b/x y#1.align: \'Shared\' is declared more than once in the same scope (also at team a/x y#1.align:2). Rename one of them.'
        ]);
    });

    it('by its file-system path when there is no workspace root', async () => {
        const { findings } = await checkWorkspace({ 'a/s.align': SKILL('A'), 'b/s.align': SKILL('B') }, undefined, services => { services.align.Settings.workspaceRoot = undefined; });
        const messages = findings.filter(f => f.rule === 'duplicate-name').map(f => f.message);
        assert.equal(messages.length, 2);
        assert.ok(messages.some(m => m.includes(`(also at ${URI.file('/ws/b/s.align').fsPath}:2)`)), messages.join('\n'));
    });

    it('a name declared many times: one group shared by all its declarations; each message names five others and counts the rest', async () => {
        const { findings, graph } = await checkWorkspace({ 'a.align': 'skill S "s"\n'.repeat(10) });
        const [first, second] = [graph.astOf('S'), graph.astOf('S#2')];
        assert.ok(first && second);
        // One array per name (not one list of the others per declaration: 8,000 declarations of one name made 64 million entries).
        assert.equal(graph.duplicates.get(first), graph.duplicates.get(second));
        assert.equal(graph.duplicates.get(first)!.length, 10);
        const messages = findings.filter(f => f.rule === 'duplicate-name').map(f => `${f.line}: ${f.message}`);
        assert.equal(messages.length, 10);
        assert.equal(messages[0], '1: \'S\' is declared more than once in the same scope (also at a.align:2, a.align:3, a.align:4, a.align:5, a.align:6 and 4 more). Rename one of them.');
        assert.equal(messages[9], '10: \'S\' is declared more than once in the same scope (also at a.align:1, a.align:2, a.align:3, a.align:4, a.align:5 and 4 more). Rename one of them.');
    });

    it('readablePath: inside the root relative with `/`, outside or in another scheme its own path, never percent-encoded', () => {
        const root = URI.file('/home/me/ws');
        assert.equal(readablePath(URI.file('/home/me/ws/sub dir/a#b.align').toString(), root), 'sub dir/a#b.align');
        assert.equal(readablePath(URI.file('/home/me/ws2/a.align').toString(), root), URI.file('/home/me/ws2/a.align').fsPath);
        assert.equal(readablePath('untitled:/Untitled%201', root), '/Untitled 1');
    });
});
