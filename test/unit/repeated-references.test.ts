import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { REFERENCE_LISTS } from '../../language/reference-lists.js';
import { checkWorkspace, expectedFindings, findingKeys } from './helpers/check-workspace.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repeated-references');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf-8');

describe('a reference repeated in one list', () => {
    it('every list (test/fixtures/repeated-references): a syntax error on the repeat, every other finding once', async () => {
        const text = read('repeats.align');
        const { findings } = await checkWorkspace({ 'repeats.align': text });
        assert.deepEqual(findingKeys(findings, 'repeats.align'), expectedFindings(text));
        const syntax = findings.filter(f => f.rule === 'syntax').map(f => f.message);
        assert.ok(syntax.includes('\'Grow\' names `Revenue` twice in `measured by`. Name each once: remove this `Revenue`.'), syntax.join('\n'));
        assert.ok(syntax.includes('\'Pitch\' names `Typo` twice in `kpi`. Name each once: remove this `Typo`.'), syntax.join('\n'));
        const measurable = findings.find(f => f.rule === 'outcome-not-measurable')!.message;
        assert.equal(measurable, 'Outcome \'Grow\' is not measurable: \'Gap\' has no baseline, target, deadline (`target ... by`). Give each measuring KPI a baseline and a `target ... by` deadline.');
    });

    it('a declaration named again by another name (`M, P.M` in program P) is the repeat on the later; names of different declarations, or of none, are no repeat', async () => {
        const text = read('other-names.align');
        const { findings } = await checkWorkspace({ 'other-names.align': text });
        assert.deepEqual(findingKeys(findings, 'other-names.align'), expectedFindings(text));
        assert.deepEqual(findings.filter(f => f.rule === 'syntax').map(f => f.message), [
            '\'O\' names metric `M` twice, the second time as `P.M`, in `measured by`. Name each once: remove this `P.M`.',
            '\'O\' names `M` twice in `measured by`. Name each once: remove this `M`.',
            '\'O2\' names metric `K` twice, the second time as `Q.K`, in `measured by`. Name each once: remove this `Q.K`.'
        ]);
    });

    it('the same name in two lists, or once in each of two declarations, is no repeat', async () => {
        const text = 'metric K "K" { kind leading unit count direction up baseline 1 target 2 by 2026-12-31 source "s" owner "o" cadence weekly }\n'
            + 'skill S "S"\nbehavior B "B" { enabled by S moves K observed by manager }\nbehavior C "C" { enabled by S moves K observed by manager }\n'
            + 'objective O "O" { builds S kpi K practice case "c" }\noutcome Out "Out" { measured by K }\nprogram P "P" { sponsor "s" review monthly serves Out }\n';
        const { findings } = await checkWorkspace({ 'a.align': text });
        assert.deepEqual(findings.filter(f => f.rule === 'syntax'), []);
    });

    it('a comment between the names keeps one list; a list keyword given twice is its own error, its names no repeat', async () => {
        const syntaxOf = async (block: string) => (await checkWorkspace({ 'a.align': `metric K "K"\nbehavior B "B" {\n${block}\n}\n` })).findings
            .filter(f => f.rule === 'syntax').map(f => `${f.line}:${f.column} ${f.message}`);
        assert.deepEqual(await syntaxOf('  moves K, /* again */\n    // and again\n    K'), ['5:5 \'B\' names `K` twice in `moves`. Name each once: remove this `K`.']);
        assert.deepEqual(await syntaxOf('  moves K\n  moves K'), ['4:3 \'B\' gives `moves` twice. Give each attribute once (list several values with commas).']);
    });

    it('REFERENCE_LISTS names every list of references of the grammar', () => {
        const reflection = createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.shared.AstReflection;
        for (const [type, lists] of Object.entries(REFERENCE_LISTS)) {
            const references = Object.values(reflection.getTypeMetaData(type).properties)
                .filter(p => Array.isArray(p.defaultValue) && p.referenceType !== undefined).map(p => p.name);
            assert.deepEqual(Object.keys(lists).sort(), references.sort(), type);
        }
    });
});
