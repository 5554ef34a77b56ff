/**
 * Parsing an edited document again in part (language/incremental-parse.ts)
 * against parsing its whole text: random edit sequences of the fixture files
 * and of a generated 600-element file (as generated, and with
 * declarations sharing lines) and of a file of more syntax errors than the
 * cap (language/syntax-error-cap.ts), each edit parsed in part from the
 * tree the last one left (or in whole where the part is refused). After each
 * edit both trees must be the same, node by node: CST places, lines and
 * columns, tokens, containers, AST properties and references
 * (test/unit/helpers/parse-dump.ts). Seeded: see helpers/fuzz-config.ts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EmptyFileSystem, type AstNode, type ParseResult } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { createAlignParser } from '../../language/align-parser.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { parseEdited } from '../../language/incremental-parse.js';
import { tooManySyntaxErrors } from '../../language/syntax-error-cap.js';
import { generateWorkspace } from '../../scripts/bench/generate.js';
import { makeTempDir } from '../temp-dirs.js';
import { parseDump } from '../unit/helpers/parse-dump.js';
import { announceSeed, fuzzParameters, report, runsOf } from './helpers/fuzz-config.js';
import { anyEditArb, applyAny, type TypedEdit } from './helpers/typing-edits.js';
import { fixtureFiles } from './helpers/vocabulary.js';

const services = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;
type Parsing = Parameters<typeof parseEdited>[0];

interface Figures { edits: number; partial: number; capped?: number; crossings?: number }

/** The syntax errors the capped file's parser stops at: the services' parser stops at 10,000, which makes each parse slow; the cut is the same at any number. */
const MAX_ERRORS = 150;
const isCapped = (result: ParseResult<AstNode>) => result.parserErrors.at(-1)?.message === tooManySyntaxErrors(MAX_ERRORS);

function checkSequence(start: string, edits: readonly TypedEdit[], figures: Figures, parsing: Parsing = services.parser): void {
    const parser = parsing.LangiumParser;
    let text = start;
    let tree: ParseResult<AstNode> = parser.parse(text);
    for (const [step, edit] of edits.entries()) {
        const after = applyAny(text, edit);
        parseDump(tree); // the server reads ranges before the next edit: their caches must not outlive it
        const part = after === text ? undefined : parseEdited(parsing, tree, after);
        const whole = parser.parse(after);
        figures.edits++;
        if (figures.capped !== undefined && isCapped(whole)) figures.capped++;
        if (figures.crossings !== undefined && isCapped(whole) !== isCapped(tree)) figures.crossings++;
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

    it('a file of more syntax errors than the cap, or about as many (a reference of dots), and edits in the dots: random edit sequences', () => {
        const figures = { edits: 0, partial: 0, capped: 0, crossings: 0 };
        const around = (dots: number) => `${fixtures[0]}\nmetric Dots "d" {\n  drives X${'.'.repeat(dots)}\n}\n${fixtures[1]}`;
        // Dots added or removed (and other tokens typed) in the reference: each changes the number of errors by a few, across the cap and back.
        const dotsArb = (start: number): fc.Arbitrary<TypedEdit> => fc.record({
            kind: fc.constant('replace' as const), file: fc.constant(0), at: fc.integer({ min: start, max: start + MAX_ERRORS - 10 }),
            length: fc.nat({ max: 6 }), text: fc.oneof(fc.nat({ max: 6 }).map(n => '.'.repeat(n)), fc.constantFrom('Y', ' ', '\n', 'Y.Z'))
        });
        const start = around(0).indexOf('drives X') + 'drives X'.length;
        const capped = { LangiumParser: createAlignParser(services, MAX_ERRORS), Lexer: services.parser.Lexer };
        fc.assert(fc.property(fc.integer({ min: -4, max: 4 }), fc.array(fc.oneof({ arbitrary: dotsArb(start), weight: 3 }, { arbitrary: anyEditArb, weight: 1 }), { minLength: 1, maxLength: 6 }),
            (off, edits) => checkSequence(around(MAX_ERRORS + off), edits, figures, capped)), fuzzParameters(80));
        report(`capped file: ${figures.edits} edits (${figures.capped} capped, ${figures.crossings} across the cap), ${figures.partial} parsed in part, each equal to a whole parse`);
        assert.ok(figures.partial > figures.edits / 4, `${figures.partial} of ${figures.edits} edits parsed in part`);
        assert.ok(figures.crossings > 0 && figures.capped > 0, 'some edits cross the cap');
    });
});
