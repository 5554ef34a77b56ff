/**
 * One measurement in a process of its own, for the benchmark's
 * fresh-process rows: `raw` (lexer + parser) or `check` (the CLI's path) of
 * the files listed in a JSON file; prints the result as one line of JSON.
 * `scripts/bench.ts` runs it without `--expose-gc`, so that nothing collects
 * garbage before the measurement: the heap starts as in a run of
 * `align check`.
 *
 *   node --require ./scripts/polyfill.cjs --import tsx scripts/bench/fresh-measure.ts raw|check FILES.json ROOT
 */
import * as fs from 'node:fs';
import { measureCheck, measureRawParse, type SourceFile } from './measure.js';

async function main(): Promise<void> {
    const [what, list, root] = process.argv.slice(2);
    if ((what !== 'raw' && what !== 'check') || !list || !root) throw new Error('usage: fresh-measure.ts raw|check FILES.json ROOT');
    const paths = JSON.parse(fs.readFileSync(list, 'utf-8')) as string[];
    const files: SourceFile[] = paths.map(p => ({ path: p, text: fs.readFileSync(p, 'utf-8') }));
    const result = what === 'raw' ? measureRawParse(files) : (await measureCheck(files, root)).result;
    process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch(error => {
    process.stderr.write(`fresh-measure failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
