import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

const unresolved = (findings: Array<{ rule: string; line: number; file: string }>) =>
    findings.filter(f => f.rule === 'unresolved-reference').map(f => `${f.file}:${f.line}`);

describe('scoping and linking', () => {
    it('resolves Program.Name from another file, and a program member by simple name inside its program', async () => {
        const { graph, findings } = await checkWorkspace({
            'a.align': 'program Pilot "P" {\n  metric Calls "Calls" { kind leading }\n  behavior B "B" { moves Calls }\n}',
            'b.align': 'behavior Outside "O" { moves Pilot.Calls }'
        });
        assert.deepEqual(unresolved(findings), []);
        const edges = graph.graph.edges.filter(e => e.kind === 'moves').map(e => `${e.from}->${e.to}`).sort();
        assert.deepEqual(edges, ['Outside->Pilot.Calls', 'Pilot.B->Pilot.Calls']);
    });

    it('does not resolve a program member by its simple name outside the program', async () => {
        const { findings } = await checkWorkspace({
            'a.align': 'program Pilot "P" {\n  metric Calls "Calls" { kind leading }\n}',
            'b.align': 'behavior Outside "O" {\n  moves Calls\n}'
        });
        assert.deepEqual(unresolved(findings), ['b.align:2']);
        assert.match(findings.find(f => f.rule === 'unresolved-reference')!.message, /Calls/);
    });

    it('filters references by kind: `moves` takes metrics only, `enabled by` skills only', async () => {
        const { findings } = await checkWorkspace({
            'a.align': 'skill S "S"\nmetric M "M" { kind leading }\nbehavior B "B" {\n  moves S\n  enabled by M\n}'
        });
        assert.deepEqual(unresolved(findings), ['a.align:4', 'a.align:5']);
    });

    it('a program member shadows a global declaration of the same name inside its program', async () => {
        const { graph } = await checkWorkspace({
            'a.align': 'metric NPS "global" { kind leading }\nprogram P "P" {\n  metric NPS "local" { kind leading }\n  behavior B "B" { moves NPS }\n}\nbehavior G "G" { moves NPS }'
        });
        const moves = graph.graph.edges.filter(e => e.kind === 'moves').map(e => `${e.from}->${e.to}`).sort();
        assert.deepEqual(moves, ['G->NPS', 'P.B->P.NPS']);
    });

    it('accepts attribute words as names, declared and referenced', async () => {
        const { graph, findings } = await checkWorkspace({
            'a.align': 'metric source "Source" { kind lagging source "x" }\noutcome owner "Owner" { measured by source owner "COO" }\nskill target "T"\nbehavior kind "K" { enabled by target moves source }\nprogram review "R" { serves owner review monthly }'
        });
        assert.deepEqual(findings.filter(f => f.rule === 'syntax' || f.rule === 'unresolved-reference'), []);
        const edges = graph.graph.edges.map(e => `${e.kind}:${e.from}->${e.to}`).sort();
        assert.deepEqual(edges, ['enables:target->kind', 'measures:source->owner', 'moves:kind->source', 'serves:review->owner']);
    });

    it('resolves forward references, within a file and across files', async () => {
        const { findings } = await checkWorkspace({
            'a.align': 'behavior Early "E" { moves Later, Other.Far }\nmetric Later "L" { kind leading }',
            'b.align': 'program Other "O" { metric Far "F" { kind lagging } }'
        });
        assert.deepEqual(unresolved(findings), []);
    });

    it('reports duplicates across files on each name, and keeps both in the graph with distinct ids', async () => {
        const { findings, graph } = await checkWorkspace({
            'a.align': 'skill Listening "A"',
            'b.align': '\nskill Listening "B"'
        });
        const duplicates = findings.filter(f => f.rule === 'duplicate-name').map(f => `${f.file}:${f.line}`).sort();
        assert.deepEqual(duplicates, ['a.align:1', 'b.align:2']);
        assert.match(findings.find(f => f.file === 'a.align' && f.rule === 'duplicate-name')!.message, /b\.align:2/);
        assert.deepEqual(graph.graph.nodes.filter(n => n.name === 'Listening').map(n => n.id).sort(), ['Listening', 'Listening#2']);
    });

    it('reports members of one program sharing a name, and an attribute given twice as syntax', async () => {
        const { findings } = await checkWorkspace({
            'a.align': 'program P "P" {\n  skill S "1"\n  skill S "2"\n}\nmetric M "M" {\n  kind leading\n  kind lagging\n}'
        });
        assert.deepEqual(findings.filter(f => f.rule === 'duplicate-name').map(f => f.line).sort(), [2, 3]);
        assert.deepEqual(findings.filter(f => f.rule === 'syntax').map(f => f.line), [7]);
    });

    it('reports a syntax error with rule id syntax and recovers to link the rest', async () => {
        const { findings, graph } = await checkWorkspace({
            'a.align': 'metric M "M" { kind leading\n  baseline }\nskill After "After"\nbehavior B "B" { enabled by After moves M }'
        });
        assert.ok(findings.some(f => f.rule === 'syntax' && f.line === 2), JSON.stringify(findings));
        assert.ok(graph.node('After'), 'the declaration after the error is still in the graph');
    });

    it('rejects backslash escapes other than \\" and \\\\ in strings', async () => {
        const ok = await checkWorkspace({ 'a.align': 'skill S "say \\"hi\\" \\\\ bye"' });
        assert.deepEqual(ok.findings.filter(f => f.rule === 'syntax'), []);
        assert.equal(ok.graph.node('S')!.title, 'say "hi" \\ bye');
        const bad = await checkWorkspace({ 'a.align': 'skill S "tab\\t"' });
        assert.ok(bad.findings.some(f => f.rule === 'syntax'));
    });
});
