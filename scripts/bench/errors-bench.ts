/**
 * Files of many syntax errors (a document pasted wrong, a file of another
 * kind renamed `.align`): the parse with Align's parser beside Langium's
 * parser as it comes, on the same text in the same run, medians of `runs`,
 * alternating; and the parse of a valid file of about the same size.
 * Goal (a figure, not a test): a file of errors parses within 10x a valid
 * file of its size (chevrotain worked out the expected tokens of every
 * error anew: language/no-viable-alt-paths.ts).
 */
import { createLangiumParser, EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { collectGarbage, median, ms, now, progress, ratio, table, thousands } from './timing.js';

/** Each error costs an exception, a message and a resynchronisation that a valid file does not have; Langium's parser as it comes is at 100-300x on the first case. */
const GOAL = 10;

/** Words of the language and stray ones in a seeded order: syntax errors of every kind. */
function scrambled(words: number, seed: number): string {
    const vocabulary = ['metric', '{', '}', 'foo', '"x"', 'by', '12%', '2026-01', 'program', 'P', 'skill', 'behavior', 'moves', 'kind',
        'lagging', 'objective', 'builds', 'outcome', 'measured', 'target', 'actuals', '2026-02', '10', 'USD', '\n'];
    let state = seed;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Array.from({ length: words }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
}

/** Valid declarations up to about `bytes` bytes. */
function valid(bytes: number): string {
    const block = (i: number): string => `metric M${i} "Metric ${i}" { kind leading unit percent direction up baseline 10% target 20% by 2026-12-31 }\n`;
    let text = '';
    for (let i = 0; text.length < bytes; i++) text += block(i);
    return text;
}

/** Runs the syntax-error benchmark; returns the printed text. */
export function benchErrors(runs: number): string {
    const services = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;
    const ours = services.parser.LangiumParser;
    const langiums = createLangiumParser(services);
    const cases = [
        { name: '5,000 stray words (`metric metric ...`)', text: 'metric '.repeat(5_000) },
        { name: '2,000 words in a scrambled order', text: scrambled(2_000, 7) }
    ];
    const rows: string[][] = [];
    for (const c of cases) {
        const times = { ours: [] as number[], langiums: [] as number[], valid: [] as number[] };
        const validText = valid(c.text.length);
        let errors = 0;
        for (let run = 0; run <= runs; run++) {
            for (const [key, parse] of [['ours', () => ours.parse(c.text)], ['langiums', () => langiums.parse(c.text)], ['valid', () => ours.parse(validText)]] as const) {
                collectGarbage();
                const start = now();
                const result = parse();
                if (run > 0) times[key].push(now() - start);
                if (key === 'ours') errors = result.parserErrors.length;
            }
            progress(`errors: ${c.name}, ${run === 0 ? 'warm-up' : `run ${run}/${runs}`}`);
        }
        const errorsVsValid = median(times.ours) / median(times.valid);
        rows.push([`${c.name}, ${(c.text.length / 1024).toFixed(0)} KB, ${thousands(errors)} errors`, ms(median(times.valid)), ms(median(times.ours)), ms(median(times.langiums)),
            ratio(median(times.langiums) / median(times.ours)), ratio(errorsVsValid), errorsVsValid <= GOAL ? 'PASS' : 'MISS']);
    }
    return `Files of syntax errors: the parse of Align's parser beside Langium's as it comes, and beside a valid file of the same size (medians of ${runs}, ms).\n`
        + `Goal: a file of errors within ${GOAL}x a valid file of its size.\n\n`
        + table(['file', 'valid file', 'Align', 'Langium as it comes', 'Langium/Align', 'errors/valid', 'goal'], rows);
}
