/**
 * Parallel-parse probe (item 3 of docs/performance.md): how much of the
 * parse a check could save with the machine's second core. Each round
 * starts fresh worker threads (cold, as in `align check`), waits until each
 * has built its parser, then starts them together and times the parse with
 * the trees kept alive, as in a check:
 *
 * - `one thread, all`: one worker parses every file (the single-thread floor);
 * - `one thread, half`: one worker parses half of the files, alone;
 * - `two threads, half each`: two workers parse one half each, at once.
 *
 * Splitting pays off only if the wall time of two halves at once is well
 * under the whole; a one-file workspace is split at a `program` keyword near
 * its middle. Receiving trees or linking across threads is not measured:
 * this is the bound before either (see transfer-probe.ts for the former).
 *
 *   node [V8 flags] --require ./scripts/polyfill.cjs --import tsx scripts/bench/parallel-parse-probe.ts [--elements=10000] [--files=100] [--rounds=3]
 *
 * V8 flags (`--single-threaded-gc`, `--max-semi-space-size=N`) apply to the
 * workers too.
 */
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { EmptyFileSystem, type AstNode } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { generateWorkspace } from './generate.js';
import { median, ms, now, ratio, table } from './timing.js';

type ToWorker = { texts: string[] };
type FromWorker = { ready: true } | { parsed: number };

if (isMainThread) void main();
else runWorker();

function runWorker(): void {
    const port = parentPort!;
    const { Align } = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS });
    const parser = Align.parser.LangiumParser;
    port.postMessage({ ready: true } satisfies FromWorker);
    port.once('message', ({ texts }: ToWorker) => {
        const kept: AstNode[] = [];
        const start = now();
        for (const text of texts) kept.push(parser.parse(text).value);
        port.postMessage({ parsed: now() - start } satisfies FromWorker);
    });
}

/** Starts one worker per part, waits until all are ready, then times them parsing at once (wall time). */
async function parseInWorkers(parts: string[][]): Promise<number> {
    const workers = parts.map(() => new Worker(new URL(import.meta.url), { execArgv: loaderArgs() }));
    try {
        await Promise.all(workers.map(w => nextMessage(w)));
        const start = now();
        await Promise.all(workers.map((w, i) => { w.postMessage({ texts: parts[i]! } satisfies ToWorker); return nextMessage(w); }));
        return now() - start;
    } finally {
        await Promise.all(workers.map(w => w.terminate()));
    }
}

/** The process's `--require`/`--import` options (the polyfill, tsx): a worker takes no V8 flags, which apply to it anyway. */
function loaderArgs(): string[] {
    const args = process.execArgv;
    return args.flatMap((arg, i) => ['--require', '-r', '--import'].includes(arg) ? [arg, args[i + 1]!] : /^--(require|import)=/.test(arg) ? [arg] : []);
}

function nextMessage(worker: Worker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
    });
}

function halves(texts: string[]): [string[], string[]] {
    if (texts.length > 1) return [texts.filter((_, i) => i % 2 === 0), texts.filter((_, i) => i % 2 === 1)];
    const text = texts[0]!;
    const middle = text.indexOf('\nprogram ', text.length / 2);
    if (middle < 0) throw new Error('no program declaration after the middle of the file to split at');
    return [[text.slice(0, middle)], [text.slice(middle)]];
}

async function main(): Promise<void> {
    const arg = (name: string) => process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const elements = Number(arg('elements') ?? 10_000);
    const files = Number(arg('files') ?? 100);
    const rounds = Number(arg('rounds') ?? 3);
    const workspace = generateWorkspace({ elements, files, dir: `/tmp/align-parallel-probe-${elements}x${files}` });
    const texts = workspace.files.map(f => f.text);
    const [a, b] = halves(texts);
    const runs = { all: [] as number[], half: [] as number[], both: [] as number[] };
    for (let round = 0; round < rounds; round++) {
        runs.all.push(await parseInWorkers([texts]));
        runs.half.push(await parseInWorkers([a]));
        runs.both.push(await parseInWorkers([a, b]));
        process.stderr.write(`[parallel] round ${round + 1}/${rounds}: all ${ms(runs.all.at(-1))}, half ${ms(runs.half.at(-1))}, two halves at once ${ms(runs.both.at(-1))} ms\n`);
    }
    const all = median(runs.all);
    process.stdout.write(`${table([`${elements} x ${files}, medians of ${rounds} rounds`, 'ms', 'x all'], [
        ['one thread, all', ms(all), ratio(1)],
        ['one thread, half', ms(median(runs.half)), ratio(median(runs.half) / all)],
        ['two threads, half each (wall)', ms(median(runs.both)), ratio(median(runs.both) / all)]
    ])}\n`);
}
