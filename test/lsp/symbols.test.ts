import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CompletionItemKind, SymbolKind, type CompletionItem, type CompletionList, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver-protocol';
import { uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/** The name of a constant of an LSP namespace of numbers (`SymbolKind`, `CompletionItemKind`). */
const nameIn = (constants: Record<string, unknown>, value: number | undefined): string | undefined =>
    Object.entries(constants).find(([, v]) => v === value)?.[0];

/** `name kind startLine-endLine (selection line:column)`, 1-based lines, 0-based columns. */
const describeSymbol = (s: DocumentSymbol) =>
    `${s.name} ${nameIn(SymbolKind, s.kind)} ${s.range.start.line + 1}-${s.range.end.line + 1} @${s.selectionRange.start.line + 1}:${s.selectionRange.start.character}`;

describe('language server: symbols, workspace symbols, folding, kinds', function () {
    this.timeout(30000);

    const ws = withExamplesSession('sym', { waitFor: ['churn-pilot.align'] });

    it('outlines churn-pilot.align: the program with its members as children, each with its kind', async () => {
        const uri = await ws.session.open(ws.file('churn-pilot.align'));
        const symbols = await ws.session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.deepEqual(symbols.map(describeSymbol), ['ReduceChurn Event 3-6 @3:8', 'ChurnPilot Namespace 8-72 @8:8']);
        assert.equal(symbols[0]!.children, undefined);
        assert.deepEqual(symbols[1]!.children!.map(describeSymbol), [
            'RepeatContactRate Variable 17-27 @17:9',
            'ActiveListening Struct 29-31 @29:8',
            'NeedsDiscovery Struct 32-34 @32:8',
            'Probing Function 36-39 @36:11',
            'Summarizing Function 42-45 @42:11',
            'TeamLeadKit Interface 47-53 @47:10',
            'AskOpenQuestions Class 55-59 @55:12',
            'RestateNeeds Class 61-65 @61:12',
            'actuals RepeatContactRate Array 67-71 @67:10'
        ]);
    });

    it('finds workspace symbols by fuzzy name, with qualified names for program members and their kinds', async () => {
        const symbols = await ws.session.request<SymbolInformation[]>('workspace/symbol', { query: 'Churn' });
        const found = new Map(symbols.map(s => [s.name, s]));
        const kindOf = (name: string) => nameIn(SymbolKind, found.get(name)?.kind);
        assert.equal(kindOf('ChurnRate'), 'Variable');
        assert.equal(kindOf('ChurnPilot'), 'Namespace');
        assert.equal(kindOf('ReduceChurn'), 'Event');
        assert.equal(kindOf('ChurnPilot.RestateNeeds'), 'Class');
        assert.equal(kindOf('ChurnPilot.Probing'), 'Function');
        // A member's container is its program (VS Code matches `Probing ChurnPilot` against it); a top-level name has none.
        assert.equal(found.get('ChurnPilot.Probing')?.containerName, 'ChurnPilot');
        assert.equal(found.get('ChurnPilot')?.containerName, undefined);
        assert.ok(!found.has('WinRate') && !found.has('NPS'), symbols.map(s => s.name).join(', '));
        const churnRate = found.get('ChurnRate')!;
        assert.equal(churnRate.location.uri, uriOf(ws.file('catalog/metrics.align')));
        assert.deepEqual(churnRate.location.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 16 } });
        const onboarding = await ws.session.request<SymbolInformation[]>('workspace/symbol', { query: 'ramp' });
        assert.deepEqual(onboarding.map(s => `${s.name} ${nameIn(SymbolKind, s.kind)}`), ['FasterRampUp Event']);
        // A program member is found by its simple name too (a word starts after the dot).
        const member = await ws.session.request<SymbolInformation[]>('workspace/symbol', { query: 'RepeatContact' });
        assert.deepEqual(member.map(s => s.name), ['ChurnPilot.RepeatContactRate']);
    });

    it('lists workspace symbols best match first: exact, other case, prefix, then fuzzy', async () => {
        const names = async (query: string) => (await ws.session.request<SymbolInformation[]>('workspace/symbol', { query })).map(s => s.name);
        const exact = await names('ChurnRate');
        assert.equal(exact[0], 'ChurnRate', exact.join(', '));
        assert.ok(exact.length > 1, `fuzzy matches follow: ${exact.join(', ')}`);
        const other = await names('churnpilot');
        assert.equal(other[0], 'ChurnPilot', other.join(', '));
        const prefixes = other.slice(1).filter(n => n.toLowerCase().startsWith('churnpilot'));
        assert.deepEqual(other.slice(1, 1 + prefixes.length), [...prefixes].sort(), 'prefix matches next, by name');
        const member = await names('restateneeds');
        assert.equal(member[0], 'ChurnPilot.RestateNeeds', 'a member by its simple name in another case');
    });

    it('finds a program member by its qualified name as typed: whole, from a word of the program\'s name, or from the dot', async () => {
        const names = async (query: string) => (await ws.session.request<SymbolInformation[]>('workspace/symbol', { query })).map(s => s.name);
        for (const query of ['ChurnPilot.Probing', 'Pilot.Probing', 'churnpilot.probing', '.Probing', '.probing', 'Pilot.Prob']) {
            assert.equal((await names(query))[0], 'ChurnPilot.Probing', query);
        }
        assert.deepEqual(await names('lot.Probing'), [], 'the query starts at a word of the name, as any other');
        // From the dot, the simple name ranks as when typed without it: whole before a longer one, whatever their order by name.
        const probe = ws.file('probe.align');
        await ws.session.open(probe, 'program AProbe "p" {\n  behavior ProbingDeeper "d" {\n  }\n}\n');
        await ws.session.diagnosticsOf(probe);
        assert.deepEqual(await names('.Probing'), ['ChurnPilot.Probing', 'AProbe.ProbingDeeper']);
    });

    it('ranks exact, other case, prefix, whole word, then other fuzzy matches, ties by name and then file', async () => {
        // Declared worst first, so that the answer's order is the ranking's, not the files'.
        const second = ws.file('tally-b.align');
        await ws.session.open(second, 'skill Tally "b"\n');
        const first = ws.file('tally-a.align');
        await ws.session.open(first, ['AgedTeamAllYears', 'ShipTally', 'AlphaTally', 'TallyBoard', 'tally', 'Tally'].map(n => `skill ${n} "x"\n`).join(''));
        await ws.session.diagnosticsOf(first);
        const symbols = await ws.session.request<SymbolInformation[]>('workspace/symbol', { query: 'Tally' });
        const fileOf = (uri: string) => path.basename(uri);
        assert.deepEqual(symbols.map(s => `${s.name} ${fileOf(s.location.uri)}`), [
            'Tally tally-a.align', 'Tally tally-b.align', 'tally tally-a.align', 'TallyBoard tally-a.align',
            'AlphaTally tally-a.align', 'ShipTally tally-a.align', 'AgedTeamAllYears tally-a.align'
        ]);
    });

    it('folds blocks and multi-line comments (keeping the last line visible)', async () => {
        const uri = await ws.session.open(ws.file('churn-pilot.align'));
        const ranges = await ws.session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        const lines = ranges.map(r => `${r.startLine + 1}-${r.endLine + 1}`);
        // outcome 3-6, program 8-72, metric 17-27, ..., actuals 67-71 (1-based; the fold ends before `}`).
        assert.deepEqual(lines, ['3-5', '8-71', '17-26', '29-30', '32-33', '36-38', '42-44', '47-52', '55-58', '61-64', '67-70']);
        const file = ws.file('folding.align');
        const text = '/**\n * A documented skill,\n * over three lines.\n */\nskill Folded "f"\n\n// one line\nskill Single {\n  assessed by "x"\n}\n';
        const uri2 = await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file);
        const more = await ws.session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uri2 } });
        assert.deepEqual(more.map(r => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`).sort(), ['1-4 comment', '8-9']);
    });

    it('folds every comment of two lines or more, and runs of // comments, wherever they stand', async () => {
        const file = ws.file('comment-folding.align');
        const text = [
            '// A run of line comments',          // 1
            '// over two lines.',                  // 2
            'skill Commented "c" {',               // 3
            '  /* a block comment',                // 4
            '     of two lines */',                // 5
            '  assessed by "x" // trailing, alone', // 6
            '  // #region not part of a run',      // 7
            '  // one',                            // 8
            '  // two',                            // 9
            '}',                                   // 10
            '/* at the end',                       // 11
            '   of the file */',                   // 12
            ''
        ].join('\n');
        const uri = await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file);
        const ranges = await ws.session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        const comments = ranges.filter(r => r.kind === 'comment').map(r => `${r.startLine + 1}-${r.endLine + 1}`).sort();
        assert.deepEqual(comments, ['1-2', '11-12', '4-5', '8-9']);
        assert.ok(ranges.some(r => r.kind === undefined && r.startLine === 2 && r.endLine === 8), 'the block still folds');
    });

    it('gives completion items the kind of their declaration', async () => {
        const complete = async (name: string, text: string, line: number, character: number) => {
            const file = ws.file(name);
            const uri = await ws.session.open(file, text);
            await ws.session.diagnosticsOf(file);
            const result = await ws.session.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
            return Array.isArray(result) ? result : result.items;
        };
        const metrics = await complete('moves.align', 'behavior CompletingMoves {\n  moves \n}\n', 1, 8);
        const churnRate = metrics.find(i => i.label === 'ChurnRate');
        assert.ok(churnRate, metrics.map(i => i.label).join(', '));
        assert.equal(nameIn(CompletionItemKind, churnRate.kind), 'Variable');
        const skills = await complete('enabled.align', 'behavior CompletingSkills {\n  enabled by \n}\n', 1, 13);
        const skill = skills.find(i => i.label === 'ChurnPilot.ActiveListening' || i.label === 'ActiveListening');
        assert.ok(skill, skills.map(i => i.label).join(', '));
        assert.equal(nameIn(CompletionItemKind, skill.kind), 'Struct');
    });
});
