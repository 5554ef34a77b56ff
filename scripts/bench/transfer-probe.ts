/**
 * Transfer probe (item 3 of docs/performance.md): what a parse in a worker
 * thread would cost the main thread. Langium's threaded parser
 * (`WorkerThreadAsyncParser`) parses in a worker, turns the tree into plain
 * objects (`Hydrator.dehydrate`), posts them (a structured clone, which
 * `v8.serialize` / `v8.deserialize` measure in one thread) and rebuilds the
 * tree in the main thread (`Hydrator.hydrate`). For each file of a generated
 * 10k x 100 workspace the probe times each step beside the parse of the same
 * text, and prints the sums per round: a worker pays off only if receiving a
 * tree (deserialize + hydrate) is well under parsing it.
 *
 *   node --require ./scripts/polyfill.cjs --import tsx scripts/bench/transfer-probe.ts [--rounds=6] [--dir=PATH]
 */
import * as v8 from 'node:v8';
import { EmptyFileSystem, type AstNode } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { generateWorkspace } from './generate.js';
import { median, ms, now, ratio, table } from './timing.js';

const arg = (name: string) => process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const rounds = Number(arg('rounds') ?? 6);
const workspace = generateWorkspace({ elements: 10_000, files: 100, dir: arg('dir') ?? '/tmp/align-transfer-probe-10000x100' });
const { Align } = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS });
const parser = Align.parser.LangiumParser;
const hydrator = Align.serializer.Hydrator;

const STEPS = ['parse', 'dehydrate', 'serialize', 'deserialize', 'hydrate'] as const;
type Step = typeof STEPS[number];
const sums: Array<Record<Step, number>> = [];
let megabytes = 0;
for (let round = 0; round < rounds; round++) {
    const sum: Record<Step, number> = { parse: 0, dehydrate: 0, serialize: 0, deserialize: 0, hydrate: 0 };
    const timed = <T>(step: Step, work: () => T): T => {
        const start = now();
        const result = work();
        sum[step] += now() - start;
        return result;
    };
    const kept: AstNode[] = []; // the trees stay alive, as in a check
    let bytes = 0;
    for (const file of workspace.files) {
        const parsed = timed('parse', () => parser.parse(file.text));
        const plain = timed('dehydrate', () => hydrator.dehydrate(parsed));
        const buffer = timed('serialize', () => v8.serialize(plain));
        bytes += buffer.length;
        const received = timed('deserialize', () => v8.deserialize(buffer) as typeof plain);
        const rebuilt = timed('hydrate', () => hydrator.hydrate(received));
        if (rebuilt.value.$type !== parsed.value.$type) throw new Error(`${file.path}: the rebuilt tree differs from the parsed one`);
        kept.push(rebuilt.value);
    }
    megabytes = bytes / 1_048_576;
    sums.push(sum);
    process.stderr.write(`[transfer] round ${round + 1}/${rounds}: ${STEPS.map(s => `${s} ${ms(sum[s])}`).join(', ')} ms (${kept.length} trees)\n`);
}

const med = (step: Step) => median(sums.map(s => s[step]));
const parse = med('parse');
const worker = med('parse') + med('dehydrate') + med('serialize');
const main = med('deserialize') + med('hydrate');
process.stdout.write(`${table(['10k x 100, medians of ' + rounds + ' rounds', 'ms', 'x parse'], [
    ...STEPS.map(s => [s, ms(med(s)), ratio(med(s) / parse)]),
    ['worker: parse + dehydrate + serialize', ms(worker), ratio(worker / parse)],
    ['main thread: deserialize + hydrate', ms(main), ratio(main / parse)]
])}\nMessage size: ${megabytes.toFixed(1)} MB for ${workspace.files.length} files.\n`);
