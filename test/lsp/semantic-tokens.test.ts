import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { DECLARATION_TOKEN_TYPES } from '../../server/features/semantic-tokens.js';
import { colourDistance, defaultThemes, tokenForeground } from '../unit/helpers/theme-colours.js';
import { BUILTIN_PROGRAM_TEMPLATE } from '../../language/templates/builtin-program.js';
import { fillTemplate, programValues } from '../../language/templates/fill-template.js';
import { withExamplesSession } from './examples-session.js';

/**
 * How far (RGB distance) a token's colour must be from the editor's text colour
 * to read as coloured: the 2026 themes give plain `variable` and `event` their
 * text colour or one 9-35 away from it; the nearest real colour is Dark
 * Modern's function yellow, 41 away.
 */
const COLOURED = 40;
/** The Visual Studio themes colour no identifiers at all, by design. */
const PLAIN_THEMES = new Set(['Visual Studio Light', 'Visual Studio Dark']);

/** A decoded semantic token: 1-based line, its text, type and modifiers. */
interface Decoded {
    line: number;
    text: string;
    type: string;
    modifiers: string[];
}

/** Decodes LSP's relative five-number encoding with the server's legend. */
function decode(tokens: SemanticTokens, legend: SemanticTokensLegend, text: string): Decoded[] {
    const lines = text.split(/\r?\n/);
    const result: Decoded[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
        const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
        line += deltaLine;
        char = deltaLine === 0 ? char + deltaStart : deltaStart;
        result.push({
            line: line + 1,
            text: lines[line]!.slice(char, char + length),
            type: legend.tokenTypes[type]!,
            modifiers: legend.tokenModifiers.filter((_, bit) => (modifiers & (1 << bit)) !== 0)
        });
    }
    return result;
}

/** `text:type[+modifier...]` of the tokens on a 1-based line, modifiers in legend order. */
const onLine = (tokens: Decoded[], line: number): string[] =>
    tokens.filter(t => t.line === line).map(t => `${t.text}:${t.type}${t.modifiers.map(m => `+${m}`).join('')}`);

describe('language server: semantic tokens', function () {
    this.timeout(30000);
    let legend: SemanticTokensLegend;

    const ws = withExamplesSession('sem');
    before(() => {
        const provider = ws.init.capabilities.semanticTokensProvider;
        assert.ok(provider, 'semanticTokensProvider is advertised');
        legend = provider.legend;
    });

    async function tokensOf(file: string, text?: string): Promise<Decoded[]> {
        const uri = await ws.session.open(file, text);
        await ws.session.diagnosticsOf(file);
        const result = await ws.session.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        return decode(result, legend, text ?? fs.readFileSync(file, 'utf-8'));
    }

    it('colours churn-pilot.align by declaration kind, with declaration and metric (readonly) modifiers', async () => {
        const t = await tokensOf(ws.file('churn-pilot.align'));
        assert.deepEqual(onLine(t, 3), ['outcome:keyword', 'ReduceChurn:parameter+declaration', '"Reduce customer churn by two points":string']);
        // ChurnRate and RenewalRate are lagging KPIs of the catalog (another file).
        assert.deepEqual(onLine(t, 4), ['measured:keyword', 'by:keyword', 'ChurnRate:variable+readonly', 'RenewalRate:variable+readonly']);
        assert.deepEqual(onLine(t, 8), ['program:keyword', 'ChurnPilot:namespace+declaration', '"Churn reduction pilot":string']);
        assert.deepEqual(onLine(t, 11), ['stakeholders:keyword', '"HR Business Partner":string', '"CS leadership":string']);
        assert.deepEqual(onLine(t, 12), ['serves:keyword', 'ReduceChurn:parameter']);
        assert.deepEqual(onLine(t, 13), ['pilot:keyword', '90:number', 'days:enumMember', 'from:keyword', '2026-01-05:number']);
        assert.deepEqual(onLine(t, 14), ['review:keyword', 'monthly:enumMember']);
        assert.deepEqual(onLine(t, 17), ['metric:keyword', 'RepeatContactRate:variable+declaration+readonly', '"Repeat contact within 7 days":string']);
        assert.deepEqual(onLine(t, 18), ['kind:keyword', 'leading:enumMember']);
        assert.deepEqual(onLine(t, 21), ['baseline:keyword', '18%:number']);
        assert.deepEqual(onLine(t, 22), ['target:keyword', '14%:number', 'by:keyword', '2026-04-05:number']);
        assert.deepEqual(onLine(t, 29), ['skill:keyword', 'ActiveListening:type+declaration', '"Active listening":string']);
        assert.deepEqual(onLine(t, 37), ['enabled:keyword', 'by:keyword', 'ActiveListening:type', 'NeedsDiscovery:type']);
        assert.deepEqual(onLine(t, 36), ['behavior:keyword', 'Probing:function+declaration', '"Asks open probing questions before proposing a fix":string']);
        assert.deepEqual(onLine(t, 44), ['moves:keyword', 'RepeatContactRate:variable+readonly', 'NPS:variable+readonly']);
        assert.deepEqual(onLine(t, 47), ['toolkit:keyword', 'TeamLeadKit:interface+declaration', '"Team-lead coaching kit":string']);
        assert.deepEqual(onLine(t, 48), ['for:keyword', 'Probing:function', 'Summarizing:function']);
        assert.deepEqual(onLine(t, 55), ['objective:keyword', 'AskOpenQuestions:class+declaration', '"Use open questions to uncover the real need":string']);
        assert.deepEqual(onLine(t, 57), ['practice:keyword', 'roleplay:enumMember', '"Renewal call with a frustrated admin":string']);
        assert.deepEqual(onLine(t, 63), ['kpi:keyword', 'RepeatContactRate:variable+readonly']);
        assert.deepEqual(onLine(t, 67), ['actuals:keyword', 'RepeatContactRate:variable+readonly']);
        assert.deepEqual(onLine(t, 68), ['2026-01:number', '17.1%:number']);
        // Comments and punctuation are left to the TextMate grammar.
        assert.deepEqual(onLine(t, 1), []);
        assert.ok(!t.some(t => [',', ':', '{', '}'].includes(t.text)));
    });

    it('colours qualified references, keywords used as names, non-KPI metrics, currencies and value words', async () => {
        const text = [
            'metric source "s" {',
            '  kind activity',
            '  unit currency USD',
            '  value 5 EUR per point',
            '}',
            '',
            'behavior Extra {',
            '  moves ChurnPilot.RepeatContactRate, source, CompletionRate',
            '  observed by manager weekly with "rubric"',
            '}'
        ].join('\n');
        const t = await tokensOf(ws.file('extra.align'), text);
        assert.deepEqual(onLine(t, 1), ['metric:keyword', 'source:variable+declaration+readonly', '"s":string']);
        assert.deepEqual(onLine(t, 2), ['kind:keyword', 'activity:enumMember']);
        assert.deepEqual(onLine(t, 3), ['unit:keyword', 'currency:enumMember', 'USD:enumMember']);
        assert.deepEqual(onLine(t, 4), ['value:keyword', '5:number', 'EUR:enumMember', 'per:keyword', 'point:enumMember']);
        assert.deepEqual(onLine(t, 8), ['moves:keyword', 'ChurnPilot:namespace', 'RepeatContactRate:variable+readonly', 'source:variable+readonly', 'CompletionRate:variable+readonly']);
        assert.deepEqual(onLine(t, 9), ['observed:keyword', 'by:keyword', 'manager:enumMember', 'weekly:enumMember', 'with:keyword', '"rubric":string']);
    });

    it('gives an unresolved reference no token, plain or qualified, so that it never looks like a valid one', async () => {
        const text = [
            'behavior Stray {',
            '  moves Nope, ChurnPilot.Nope, Nowhere.RepeatContactRate, RenewalRate',
            '}'
        ].join('\n');
        const t = await tokensOf(ws.file('stray.align'), text);
        assert.deepEqual(onLine(t, 2), ['moves:keyword', 'RenewalRate:variable+readonly']);
    });

    it('every declaration kind, keyword, value word and string is coloured in VS Code\'s default themes', async () => {
        const files = ['churn-pilot.align', 'onboarding.align', 'safety.align', 'sales-win-rate.align', 'catalog/metrics.align'];
        const tokens: Decoded[] = [];
        for (const file of files) tokens.push(...await tokensOf(ws.file(file)));
        // Numbers keep VS Code's own number colour, which Dark 2026 puts close to its text colour.
        const styled = tokens.filter(t => t.type !== 'number');
        const kinds = new Set(styled.filter(t => t.modifiers.includes('declaration')).map(t => t.type));
        assert.deepEqual([...kinds].sort(), [...new Set(Object.values(DECLARATION_TOKEN_TYPES))].sort(), 'the examples declare every kind');
        const styles = new Map(styled.map(t => [`${t.type}${t.modifiers.map(m => `.${m}`).join('')}`, t]));
        const themes = [...defaultThemes()].filter(([id]) => !PLAIN_THEMES.has(id));
        assert.ok(themes.some(([id]) => id === 'Light 2026') && themes.some(([id]) => id === 'Dark Modern'), 'the default themes were read');
        const uncoloured: string[] = [];
        for (const [id, theme] of themes) {
            for (const [style, token] of styles) {
                const colour = tokenForeground(theme, token.type, token.modifiers);
                if (!colour || colourDistance(colour, theme.editorForeground) < COLOURED) {
                    uncoloured.push(`${id}: ${style} (${token.text}) gets ${colour ?? 'no colour'}, text is ${theme.editorForeground}`);
                }
            }
        }
        assert.deepEqual(uncoloured, []);
    });

    it('answers ranges too', async () => {
        const file = ws.file('churn-pilot.align');
        const uri = await ws.session.open(file);
        const result = await ws.session.request<SemanticTokens>('textDocument/semanticTokens/range', {
            textDocument: { uri }, range: { start: { line: 62, character: 0 }, end: { line: 63, character: 0 } }
        });
        assert.deepEqual(decode(result, legend, fs.readFileSync(file, 'utf-8')).map(d => `${d.line}:${d.text}:${d.type}`), ['63:kpi:keyword', '63:RepeatContactRate:variable']);
    });

    it('sends tokens in order and never overlapping (VS Code drops overlapping ones), in every example, the template and broken text', async () => {
        const files = fs.readdirSync(ws.root, { recursive: true, encoding: 'utf-8' }).filter(f => f.endsWith('.align')).map(f => ws.file(f));
        const template = fillTemplate(BUILTIN_PROGRAM_TEMPLATE, programValues('Tpl', '2026-01-05'));
        const texts: Array<[string, string | undefined]> = [
            ...files.map((f): [string, undefined] => [f, undefined]),
            [ws.file('template-check.align'), template],
            [ws.file('broken-check.align'), 'metric M "M" {\n  kind lagging unit percent baseline\n}\nprogram P {\n  serves\n  isolate M by estimate 60% confidence\n']
        ];
        const problems: string[] = [];
        for (const [file, text] of texts) {
            const uri = await ws.session.open(file, text);
            await ws.session.diagnosticsOf(file);
            const result = await ws.session.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
            let [line, start, end] = [0, 0, 0];
            for (let i = 0; i < result.data.length; i += 5) {
                const [deltaLine, deltaStart, length] = result.data.slice(i, i + 3) as [number, number, number];
                if (deltaLine === 0) start += deltaStart;
                else [line, start] = [line + deltaLine, deltaStart];
                if (deltaLine === 0 && start < end) problems.push(`${path.basename(file)}:${line + 1}:${start + 1} overlaps the token before it`);
                end = start + length;
            }
        }
        assert.deepEqual(problems, []);
    });
});

