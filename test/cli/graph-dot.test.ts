/**
 * `align graph --format dot` laid out by Graphviz (`dot -Tplain`, when it is
 * installed): the column headings stand in one row (one column for
 * `--direction down`), in the order of the preview, also when a part of the
 * chain has no edge to the rest; a long title wraps into a box of a
 * reasonable width.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { EXAMPLES, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const HAS_DOT = spawnSync('dot', ['-V'], { encoding: 'utf-8' }).status === 0;

/** A chain from an objective to a lagging metric, and an outcome that nothing measures. */
const SPLIT_CHAIN = `outcome Lonely "Nothing measures this outcome" {
  owner "COO"
}

program P "P" {
  serves Lonely
  metric M "M" {
    kind lagging
  }
  skill S "S"
  behavior B "B" {
    enabled by S
    moves M
  }
  objective O "O" {
    builds S
  }
}
`;

/** Where Graphviz put each column heading: `[column, x, y]` in the order of the DOT text. */
function headings(dotText: string): Array<[string, number, number]> {
    const plain = spawnSync('dot', ['-Tplain'], { input: dotText, encoding: 'utf-8' });
    assert.equal(plain.status, 0, `dot -Tplain: ${plain.stderr}`);
    const placed = new Map<string, [number, number]>();
    for (const line of plain.stdout.split('\n')) {
        const node = /^node "column:(\w+)" ([\d.]+) ([\d.]+) /.exec(line);
        if (node) placed.set(node[1]!, [Number(node[2]), Number(node[3])]);
    }
    const order = [...dotText.matchAll(/^ {4}"column:(\w+)" \[/gm)].map(m => m[1]!);
    assert.ok(order.length > 1, 'several columns');
    return order.map(id => [id, ...placed.get(id)!]);
}

function dotOf(args: string[], cwd: string): string {
    const result = runCli(['graph', '--format', 'dot', ...args], { cwd });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
}

describe('align graph --format dot in Graphviz', () => {
    before(function () {
        // CI installs Graphviz (the README's test command): there, a missing `dot` is a failure, not a skip.
        if (!HAS_DOT && process.env['CI']) assert.fail('Graphviz `dot` is not installed: apt-get install -y graphviz (the README\'s test command does)');
        if (!HAS_DOT) this.skip();
        requireBundle();
    });
    after(removeTempDirs);

    const split = () => {
        const dir = tempDir();
        writeFile(dir, 'split.align', SPLIT_CHAIN);
        return dir;
    };

    for (const [name, args, dir] of [['the examples', [], () => EXAMPLES], ['a chain in two parts', [], split]] as const) {
        it(`${name}: headings in one row, left to right in the preview's order`, () => {
            const placed = headings(dotOf([...args], dir()));
            for (const [id, , y] of placed) assert.equal(y, placed[0]![2], `${id} in the row of the headings`);
            for (let i = 1; i < placed.length; i++) assert.ok(placed[i]![1] > placed[i - 1]![1], `${placed[i]![0]} right of ${placed[i - 1]![0]}`);
        });
    }

    it('--direction down: headings in one column, top to bottom', () => {
        const placed = headings(dotOf(['--direction', 'down'], split()));
        for (const [id, x] of placed) assert.equal(x, placed[0]![1], `${id} in the column of the headings`);
        for (let i = 1; i < placed.length; i++) assert.ok(placed[i]![2] < placed[i - 1]![2], `${placed[i]![0]} below ${placed[i - 1]![0]}`);
    });

    it('a title with entities is laid out as written (Graphviz decodes &...; in strings)', () => {
        const dir = tempDir();
        writeFile(dir, 'ent.align', 'skill S "Use &lt;br&gt; tags &amp; &#65; &copy;"\n');
        const plain = spawnSync('dot', ['-Tplain'], { input: dotOf([], dir), encoding: 'utf-8' });
        assert.equal(plain.status, 0, plain.stderr);
        const label = /^node "?S"? (?:[\d.]+ ){4}"([^"]*)"/m.exec(plain.stdout)?.[1];
        assert.equal(label?.split('\\n').slice(0, -1).join(' '), 'Use &lt;br&gt; tags &amp; &#65; &copy;', plain.stdout);
    });

    it('a long title wraps at words: the box stays narrow, and every word is in its label', () => {
        const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
        const dir = tempDir();
        writeFile(dir, 'long.align', `program P "P" {\n  skill Long "${words.join(' ')}"\n}\n`);
        const dotText = dotOf([], dir);
        const label = /^ {4}"P\.Long" \[label="([^"]*)"/m.exec(dotText)?.[1];
        assert.ok(label !== undefined, dotText);
        const lines = label.split('\\n');
        assert.ok(lines.length > 3, `wrapped: ${label}`);
        for (const line of lines) assert.ok(line.length <= 32, `a line of at most 32 characters: ${line}`);
        assert.deepEqual(lines.join(' ').split(' ').filter(w => w.startsWith('word')), words);
        const plain = spawnSync('dot', ['-Tplain'], { input: dotText, encoding: 'utf-8' });
        const width = Number(/^node "P\.Long" [\d.]+ [\d.]+ ([\d.]+) /m.exec(plain.stdout)?.[1]);
        assert.ok(width > 0 && width < 3.5, `the box is ${width} inches wide`);
    });
});
