/**
 * What an editor sees while someone types a file from top to bottom: every
 * example cut after the space that follows each word (after a declaration
 * keyword, the name is not there yet), next to the shared catalog. Each
 * build must pass buildStep (no throw, no log, ranges inside the document,
 * no message that shows `undefined`, `null` or `NaN`), and a declaration
 * without a name gets no finding but its syntax error.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, type AstNode } from 'langium';
import { isDeclaration, isProgram, type Model } from '../../language/generated/ast.js';
import { ruleIdOf } from '../../language/findings.js';
import { buildStep } from './helpers/build-check.js';
import { report } from './helpers/fuzz-config.js';
import { fixtureFiles, REPO_ROOT } from './helpers/vocabulary.js';

/** The examples to cut: the specification's (test/fixtures/examples) and those only shipped in examples/. */
function examplesToCut(): Record<string, string> {
    const shipped = path.join(REPO_ROOT, 'examples');
    const extra = ['sales-enablement.align', 'safety-program/field-safety.align'];
    const files = Object.fromEntries(Object.entries(fixtureFiles()).filter(([name]) => name.endsWith('.align')));
    for (const name of extra) files[name] = fs.readFileSync(path.join(shipped, name), 'utf-8');
    return files;
}

/** Offsets after the whitespace character that follows each word, and the end of the text. */
export function cutPoints(text: string): number[] {
    const cuts: number[] = [];
    for (let i = 1; i < text.length; i++) {
        if (!/\s/.test(text[i - 1]!) && /\s/.test(text[i]!)) cuts.push(i + 1);
    }
    return [...cuts, text.length];
}

const isNameless = (node: AstNode): boolean => (isProgram(node) || isDeclaration(node)) && !node.name;

describe('reliability: every example typed word by word', function () {
    this.timeout(600_000);
    const catalog = Object.fromEntries(Object.entries(fixtureFiles()).filter(([name]) => name.startsWith('catalog/')));
    const examples = examplesToCut();

    it('cuts after the space that follows each word, and at the end', () => {
        assert.deepEqual(cutPoints('objective O {\n}'), [10, 12, 14, 15]);
        assert.deepEqual(cutPoints('a  b'), [2, 4]);
    });

    for (const [name, text] of Object.entries(examples)) {
        it(`${name}: clean messages, and nothing but the syntax error on a declaration without a name`, async () => {
            let builds = 0;
            let nameless = 0;
            for (const cut of cutPoints(text)) {
                const partial = text.slice(0, cut);
                const where = `${name} cut at ${cut} (…${JSON.stringify(partial.slice(-40))})`;
                const step = await buildStep({ ...catalog, [name]: partial }).catch((error: unknown) => {
                    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
                });
                builds++;
                const document = step.checked.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path === `/ws/${name}`)!;
                for (const node of AstUtils.streamAst(document.parseResult.value as Model).filter(isNameless)) {
                    nameless++;
                    const range = node.$cstNode?.range;
                    const findings = (document.diagnostics ?? []).filter(d => ruleIdOf(d) !== 'syntax'
                        && range && d.range.start.line === range.start.line && d.range.start.character === range.start.character
                        && d.range.end.line === range.end.line && d.range.end.character === range.end.character);
                    assert.deepEqual(findings.map(d => `${ruleIdOf(d)}: ${d.message}`), [], `${where}: a ${node.$type} without a name`);
                }
            }
            assert.ok(nameless > 0, 'some cuts leave a declaration without a name');
            report(`${name}: ${builds} builds, ${nameless} declarations without a name`);
        });
    }
});
