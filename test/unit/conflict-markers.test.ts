/**
 * Merge-conflict markers left in an .align file: one syntax error on each
 * marker line that says what it is, the first side of the conflict read,
 * and no error that only follows from the markers or the other side.
 */
import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/** Every finding of one file as `line:column-endColumn rule message`, and the graph's titles by name. */
async function check(text: string): Promise<{ findings: string[]; titles: Map<string, string> }> {
    const { findings, graph } = await checkWorkspace({ 'a.align': text });
    return {
        findings: findings.filter(f => f.rule === 'syntax').map(f => `${f.line}:${f.column}-${f.endColumn} ${f.message}`),
        titles: new Map(graph.graph.nodes.map(n => [n.name, n.title ?? '']))
    };
}

const marker = (m: string): string => `Merge conflict marker \`${m}\` left in the file: keep the lines you want and remove the markers.`;

const CONFLICT = [
    'skill S "Skill" {',
    '}',
    '<<<<<<< HEAD',
    'skill T "Ours"',
    '||||||| merged common ancestors',
    'skill T "Base"',
    '=======',
    'skill T "Theirs" {',
    '  kidn leading',
    '}',
    '>>>>>>> feature/new-title',
    'skill U "After"',
    ''
];

describe('merge-conflict markers', () => {
    it('an error on each marker line (diff3 too), the first side read, nothing else from the conflict', async () => {
        for (const eol of ['\n', '\r\n']) {
            const { findings, titles } = await check(CONFLICT.join(eol));
            assert.deepEqual(findings, [
                `3:1-13 ${marker('<<<<<<<')}`,
                `5:1-32 ${marker('|||||||')}`,
                `7:1-8 ${marker('=======')}`,
                `11:1-26 ${marker('>>>>>>>')}`
            ], JSON.stringify(eol));
            assert.equal(titles.get('T'), 'Ours');
            assert.equal(titles.get('U'), 'After', 'what follows the conflict is read');
        }
    });

    it('a conflict without a common ancestor, and two conflicts in one file', async () => {
        const text = '<<<<<<< HEAD\nskill A "a1"\n=======\nskill A "a2"\n>>>>>>> other\nskill B "b"\n<<<<<<< HEAD\nskill C "c1"\n=======\nskill C "c2"\n>>>>>>> other\n';
        const { findings, titles } = await check(text);
        assert.deepEqual(findings.map(f => f.split(' ')[0]), ['1:1-13', '3:1-8', '5:1-14', '7:1-13', '9:1-8', '11:1-14']);
        assert.deepEqual([titles.get('A'), titles.get('B'), titles.get('C')], ['a1', 'b', 'c1']);
    });

    it('a conflict left half resolved: each marker named, every other line still read', async () => {
        const { findings, titles } = await check('skill A "a"\n=======\nskill B "b"\n');
        assert.deepEqual(findings, [`2:1-8 ${marker('=======')}`]);
        assert.equal(titles.get('B'), 'b');
    });

    it('is no marker in a comment or a string, nor when not at a line\'s start or not seven characters', async () => {
        const { findings } = await check('/*\n<<<<<<< HEAD\n=======\n*/\nskill A "=======" {\n}\n');
        assert.deepEqual(findings, []);
        const other = await check('skill A "a"\n  =======\n<<<<<<<< x\n');
        assert.ok(other.findings.length > 0 && other.findings.every(f => !f.includes('Merge conflict')), other.findings.join('\n'));
    });
});
