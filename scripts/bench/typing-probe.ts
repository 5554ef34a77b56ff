/**
 * Typing probe (docs/performance.md, "How an edit is processed"): types a
 * declaration character by character in the middle of the generated
 * one-file 10k workspace, so that most keystrokes leave a syntax error, and
 * times for each keystroke the parse an edit makes (`parseEdited`, else a
 * whole parse, as `AlignDocumentFactory` does) beside a whole parse of the
 * same text, alternately. The parse only: linking and the rules come on top.
 *
 *   node --require ./scripts/polyfill.cjs --import tsx scripts/bench/typing-probe.ts [--dir=PATH]
 */
import { EmptyFileSystem, type AstNode, type ParseResult } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { parseEdited } from '../../language/incremental-parse.js';
import { generateWorkspace } from './generate.js';
import { median, now } from './timing.js';

const arg = (name: string) => process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const parsing = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.parser;
const parser = parsing.LangiumParser;
const original = generateWorkspace({ elements: 10_000, files: 1, dir: arg('dir') ?? '/tmp/align-typing-probe-10000x1' }).files[0]!.text;
const at = original.indexOf('\nprogram ', original.length / 2) + 1;
const typed = 'skill Typed "A skill typed here" { assessed by "a check" }\n';

let tree: ParseResult<AstNode> = parser.parse(original);
const ratios: number[] = [];
let partial = 0;
for (let i = 1; i <= typed.length; i++) {
    const next = original.slice(0, at) + typed.slice(0, i) + original.slice(at);
    let t = now();
    const whole = parser.parse(next);
    const wholeMs = now() - t;
    t = now();
    const part = parseEdited(parsing, tree, next);
    const result = part ?? parser.parse(next);
    const editMs = now() - t;
    if (part) partial++;
    ratios.push(editMs / wholeMs);
    console.log(`keystroke ${String(i).padStart(2)} ${JSON.stringify(typed.slice(0, i)).padEnd(62)} ${part ? 'part ' : 'whole'} ${editMs.toFixed(0).padStart(4)} ms, whole parse ${wholeMs.toFixed(0).padStart(4)} ms, ${whole.parserErrors.length + whole.lexerErrors.length > 0 ? 'errors' : 'clean'}`);
    tree = result;
}
console.log(`${partial} of ${typed.length} keystrokes parsed in part; median parse / whole parse: ${median(ratios).toFixed(2)}x`);
