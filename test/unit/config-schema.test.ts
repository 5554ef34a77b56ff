/**
 * The JSON schema of `align.config.json` (docs/schemas/align-config.schema.json,
 * which VS Code applies through `contributes.jsonValidation`) against the
 * parser it describes (language/config/parse-config.ts): the same keys and
 * rule ids, and the same verdict on the repository's config files, the
 * documentation's examples, known invalid files and generated ones.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Validator, type Schema } from 'jsonschema';
import { readConfigJson } from '../../language/config/jsonc.js';
import { CONFIG_KEYS, parseAlignConfig } from '../../language/config/parse-config.js';
import { BUILTIN_RULES, RULES, SEVERITIES } from '../../language/rules.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const SCHEMA_FILE = path.join(repo, 'docs', 'schemas', 'align-config.schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf-8')) as Schema & { properties: Record<string, Schema & { properties?: Record<string, Schema> }> };
const validator = new Validator();

/** The schema's errors for a parsed config value, one line each. */
function schemaErrors(value: unknown): string[] {
    return validator.validate(value, schema).errors.map(e => `${e.property} ${e.message}`);
}

/** The parser's problems for a config value written as JSON. */
function parserProblems(value: unknown): string[] {
    return parseAlignConfig(JSON.stringify(value)).problems.map(p => p.message);
}

/** Files named `*align.config.json` under a folder (node_modules skipped); none when the folder is missing. */
function configFiles(folder: string): string[] {
    if (!fs.existsSync(folder)) return [];
    return fs.readdirSync(folder, { recursive: true, encoding: 'utf-8' })
        .filter(f => f.endsWith('align.config.json') && !f.split(path.sep).includes('node_modules'))
        .map(f => path.join(folder, f));
}

/** The ```json blocks of a markdown file marked `fires config-invalid` or `clean-for config-invalid` (docs.test.ts checks them with the parser). */
function markedJsonBlocks(file: string): Array<{ where: string; fires: boolean; text: string }> {
    const text = fs.readFileSync(file, 'utf-8');
    return [...text.matchAll(/<!--\s*align:\s*(fires|clean-for)\s+config-invalid\s*-->\r?\n```json\r?\n([\s\S]*?)```/g)]
        .map(m => ({ where: `${path.relative(repo, file)}:${text.slice(0, m.index).split('\n').length}`, fires: m[1] === 'fires', text: m[2]! }));
}

describe('align.config.json schema', () => {
    it('is draft-07 and rejects the keys the parser rejects', () => {
        assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
        assert.equal(schema.additionalProperties, false);
        assert.equal(schema.properties.rules!.additionalProperties, false);
    });

    it('has exactly the keys the parser accepts, each described', () => {
        assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
        for (const [key, property] of Object.entries(schema.properties)) assert.ok(property.description, `${key} has a description`);
    });

    it('lists every configurable rule id with the four severities and its default, and no built-in id', () => {
        const rules = schema.properties.rules!.properties!;
        assert.deepEqual(Object.keys(rules).sort(), RULES.filter(r => r.configurable).map(r => r.id).sort(),
            'run node --import tsx scripts/vscode-contributions.mjs');
        for (const rule of RULES) {
            assert.deepEqual(rules[rule.id]!.enum, [...SEVERITIES], rule.id);
            assert.equal(rules[rule.id]!.default, rule.defaultSeverity, rule.id);
            assert.ok(rules[rule.id]!.description?.includes(rule.description.replaceAll('`', '')), `${rule.id}: description`);
        }
        for (const rule of BUILTIN_RULES) assert.equal(rules[rule.id], undefined, rule.id);
    });

    describe('validates the config files of the repository', () => {
        const files = [path.join(repo, 'examples'), path.join(repo, 'test', 'fixtures'), path.join(repo, '..', 'shared', 'examples')].flatMap(configFiles);
        it('finds some', () => assert.ok(files.length >= 2, `config files found: ${files.join(', ')}`));
        for (const file of files) {
            it(path.relative(repo, file), () => {
                const read = readConfigJson(fs.readFileSync(file, 'utf-8'));
                assert.ok(read.ok, `${file} reads as JSON with comments`);
                assert.deepEqual(schemaErrors(read.value), []);
            });
        }
    });

    describe('agrees with the parser on the marked examples of the docs', () => {
        const docs = path.join(repo, 'docs');
        const blocks = [...fs.readdirSync(docs).filter(f => f.endsWith('.md')).map(f => path.join(docs, f)),
            ...fs.readdirSync(path.join(docs, 'rules')).map(f => path.join(docs, 'rules', f))].flatMap(markedJsonBlocks);
        it('finds valid and invalid ones', () => assert.ok(blocks.some(b => b.fires) && blocks.some(b => !b.fires)));
        for (const block of blocks) {
            const read = readConfigJson(block.text);
            if (!read.ok) continue; // not JSON at all: no schema applies
            it(`${block.where}: ${block.fires ? 'rejects' : 'accepts'} it`, () => {
                if (block.fires) assert.notDeepEqual(schemaErrors(read.value), [], block.text);
                else assert.deepEqual(schemaErrors(read.value), []);
            });
        }
    });

    it('accepts a "$schema" naming the installed schema, as the parser does', () => {
        const value = { $schema: './node_modules/align-lang/docs/schemas/align-config.schema.json', maxPilotDays: 120 };
        assert.deepEqual(parserProblems(value), []);
        assert.deepEqual(schemaErrors(value), []);
        assert.deepEqual(parseAlignConfig(JSON.stringify(value)).settings, { maxPilotDays: 120 });
    });

    it('rejects what the parser rejects', () => {
        const invalid: unknown[] = [
            [], 'rules', null,
            { rule: { 'metric-unused': 'warning' } },
            { $schema: '' }, { $schema: 3 },
            { rules: { 'metric-unsued': 'warning' } },
            { rules: { syntax: 'off' } },
            { rules: { 'metric-unused': 'warn' } },
            { rules: { 'metric-unused': 2 } },
            { rules: ['metric-unused'] },
            { maxLaggingKpis: '3' }, { maxLaggingKpis: -1 }, { maxPilotDays: 1.5 }, { maxPilotDays: null },
            { extends: '' }, { extends: '  ' }, { extends: ['@acme/a'] },
            { templates: 3 },
            { catalogs: [''] }, { catalogs: ['./kpis', 4] }, { catalogs: {} }
        ];
        for (const value of invalid) {
            assert.notDeepEqual(parserProblems(value), [], `the parser rejects ${JSON.stringify(value)}`);
            assert.notDeepEqual(schemaErrors(value), [], `the schema rejects ${JSON.stringify(value)}`);
        }
    });

    it('accepts and rejects exactly what the parser does, for generated configs', () => {
        const ruleIds = [...RULES.map(r => r.id), ...BUILTIN_RULES.map(r => r.id), 'metric-unsued'];
        const anyValue = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('', ' ', './kpis', '@acme/x'), fc.integer({ min: -2, max: 200 }),
            fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
        const severities = fc.dictionary(fc.constantFrom(...ruleIds), fc.oneof(fc.constantFrom(...SEVERITIES, 'warn', 'Error'), anyValue), { maxKeys: 4 });
        const config = fc.dictionary(fc.constantFrom(...CONFIG_KEYS, 'rule', 'catalog', '$schema'), fc.oneof(
            anyValue, severities, fc.array(fc.oneof(fc.constantFrom('./kpis', '@acme/kpi-catalog', '', '  '), anyValue), { maxLength: 3 })
        ), { maxKeys: 4 });
        fc.assert(fc.property(config, value => {
            assert.equal(schemaErrors(value).length === 0, parserProblems(value).length === 0,
                `schema: ${schemaErrors(value).join('; ') || 'valid'}; parser: ${parserProblems(value).join('; ') || 'valid'}`);
        }), { numRuns: 2000, seed: 20260 });
    });
});
