/**
 * Parsing an edited document again in part (language/incremental-parse.ts)
 * against parsing its whole text: random edit sequences of the fixture files
 * and of a generated 600-element file (as generated, and with
 * declarations sharing lines), each edit parsed in part from the
 * tree the last one left (or in whole where the part is refused). After each
 * edit both trees must be the same, node by node: CST places, lines and
 * columns, tokens, containers, AST properties and references
 * (test/unit/helpers/parse-dump.ts). Seeded: see helpers/fuzz-config.ts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EmptyFileSystem, type AstNode, type ParseResult } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { parseEdited } from '../../language/incremental-parse.js';
import { generateWorkspace } from '../../scripts/bench/generate.js';
import { makeTempDir } from '../temp-dirs.js';
import { parseDump } from '../unit/helpers/parse-dump.js';
import { announceSeed, fuzzParameters, report, runsOf } from './helpers/fuzz-config.js';
import { anyEditArb, applyAny, type TypedEdit } from './helpers/typing-edits.js';
import { fixtureFiles } from './helpers/vocabulary.js';

const parsing = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.parser;
const parser = parsing.LangiumParser;

interface Figures { edits: number; partial: number }

function checkSequence(start: string, edits: readonly TypedEdit[], figures: Figures): void {
    let text = start;
    let tree: ParseResult<AstNode> = parser.parse(text);
    for (const [step, edit] of edits.entries()) {
        const after = applyAny(text, edit);
        parseDump(tree); // the server reads ranges before the next edit: their caches must not outlive it
        const part = after === text ? undefined : parseEdited(parsing, tree, after);
        const whole = parser.parse(after);
        figures.edits++;
        if (part) {
            figures.partial++;
            assert.equal(part.value.$cstNode!.root.fullText, after);
            assert.deepEqual(parseDump(part), parseDump(whole), `edit ${step + 1} (${edit.kind}) parsed in part`);
        }
        [text, tree] = [after, part ?? whole];
    }
}

describe('reliability: parsing an edited document in part equals parsing it whole', function () {
    this.timeout(Math.max(600_000, runsOf(100) * 5_000));
    before(() => announceSeed());
    const fixtures = Object.entries(fixtureFiles()).filter(([name]) => name.endsWith('.align')).map(([, text]) => text);
    const generated = generateWorkspace({ elements: 600, files: 1, dir: makeTempDir('align-parse-fuzz-') }).files[0]!.text;
    // The same with most declarations sharing a line with the next: an edit moves what follows on its last line by columns.
    const joined = generated.replace(/\}\n\n?/g, '} ');

    it('the fixture files: random edit sequences', () => {
        const figures = { edits: 0, partial: 0 };
        fc.assert(fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(anyEditArb, { minLength: 1, maxLength: 6 }),
            (file, edits) => checkSequence(fixtures[file]!, edits, figures)), fuzzParameters(150));
        report(`fixtures: ${figures.edits} edits, ${figures.partial} parsed in part, each equal to a whole parse`);
        assert.ok(figures.partial > figures.edits / 4, `${figures.partial} of ${figures.edits} edits parsed in part`);
    });

    it('a generated 600-element file, and the same with declarations sharing lines: random edit sequences', () => {
        const figures = { edits: 0, partial: 0 };
        fc.assert(fc.property(fc.boolean(), fc.array(anyEditArb, { minLength: 1, maxLength: 6 }),
            (shared, edits) => checkSequence(shared ? joined : generated, edits, figures)), fuzzParameters(80));
        report(`generated file: ${figures.edits} edits, ${figures.partial} parsed in part, each equal to a whole parse`);
        assert.ok(figures.partial > figures.edits / 4, `${figures.partial} of ${figures.edits} edits parsed in part`);
    });
});
