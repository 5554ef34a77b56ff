/**
 * The shell blocks of a Markdown page, as the README test runs them: each
 * ```sh block, with what a `<!-- shell: ... -->` comment right before it says
 * (`exit N`: the status it ends with; `CI runs this block (.ci/run)`: not
 * run here), and the ```text block right after it, if any: its output.
 */

/** One ```sh block. */
export interface ShellBlock {
    /** 1-based line of the opening fence. */
    readonly line: number;
    /** The commands, without the list indentation of the page. */
    readonly script: string;
    /** The exit status it ends with (`<!-- shell: exit N -->`, default 0). */
    readonly status: number;
    /** Run by CI rather than here (`<!-- shell: CI runs this block (.ci/run) -->`). */
    readonly byCi: boolean;
    /** The ```text block that follows it: what it prints on standard output. */
    readonly output?: { readonly text: string; readonly start: number; readonly end: number };
}

interface Fence { info: string; indent: string; start: number; end: number; body: string[] }

/** The fenced blocks of `markdown` (0-based line indexes of the fences). */
function fences(lines: readonly string[]): Fence[] {
    const found: Fence[] = [];
    for (let i = 0; i < lines.length; i++) {
        const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!);
        if (!open) continue;
        const indent = open[1]!;
        let j = i + 1;
        while (j < lines.length && lines[j]!.trim() !== '```') j++;
        const body = lines.slice(i + 1, j).map(l => l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
        found.push({ info: open[2]!, indent, start: i, end: j, body });
        i = j;
    }
    return found;
}

/** Every ```sh block of `markdown`, in page order. */
export function shellBlocks(markdown: string): ShellBlock[] {
    const lines = markdown.split('\n');
    const all = fences(lines);
    const blank = (from: number, to: number) => lines.slice(from, to).every(l => l.trim() === '');
    return all.flatMap((fence, index) => {
        if (fence.info !== 'sh') return [];
        let before = fence.start - 1;
        while (before >= 0 && lines[before]!.trim() === '') before--;
        const annotation = /^\s*<!-- shell: (.*) -->\s*$/.exec(lines[before] ?? '')?.[1];
        const exit = annotation !== undefined ? /^exit (\d+)$/.exec(annotation) : null;
        if (annotation !== undefined && !exit && annotation !== 'CI runs this block (.ci/run)') {
            throw new Error(`line ${before + 1}: unknown shell annotation '${annotation}'`);
        }
        const next = all[index + 1];
        const output = next && next.info === 'text' && blank(fence.end + 1, next.start)
            ? { text: next.body.join('\n') + '\n', start: next.start, end: next.end } : undefined;
        return [{
            line: fence.start + 1, script: fence.body.join('\n') + '\n',
            status: exit ? Number(exit[1]) : 0, byCi: annotation !== undefined && !exit, output
        }];
    });
}

/** `markdown` with the output block of `block` replaced by `stdout` (kept at the block's indentation). */
export function withOutput(markdown: string, block: ShellBlock, stdout: string): string {
    if (!block.output) return markdown;
    const lines = markdown.split('\n');
    const indent = /^(\s*)/.exec(lines[block.output.start]!)![1]!;
    const body = stdout.replace(/\n$/, '').split('\n').map(l => l === '' ? '' : indent + l);
    lines.splice(block.output.start + 1, block.output.end - block.output.start - 1, ...body);
    return lines.join('\n');
}
