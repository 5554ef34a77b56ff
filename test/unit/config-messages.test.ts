/**
 * Every `config-invalid` message says what is wrong, where, and what to do
 * (language.md, "Diagnostics": "a message that names the element and says
 * what to do"): the near rule id, key or severity, the expected type, a
 * plain reason for text that is not JSON, and for a problem of an extended
 * file, the chain, the file and the line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { resolveConfig } from '../../language/config/extends.js';
import { parseAlignConfig } from '../../language/config/parse-config.js';

const messages = (text: string) => parseAlignConfig(text).problems.map(p => `${p.line}:${p.column} ${p.message}`);

describe('align.config.json: messages that say what to do', () => {
    const dirs: string[] = [];
    after(() => dirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

    function workspace(files: Record<string, string>): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'align-config-'));
        dirs.push(dir);
        for (const [name, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), text);
        }
        return dir;
    }

    async function resolved(dir: string): Promise<string[]> {
        const file = path.join(dir, 'align.config.json');
        const result = await resolveConfig(new NodeFileSystemProvider(), URI.file(file), fs.readFileSync(file, 'utf-8'));
        return result.problems.map(p => `${p.line}:${p.column} ${p.message}`);
    }

    it('names the near rule id, or points to the rule index, or says a built-in id cannot be configured', () => {
        assert.deepEqual(messages('{ "rules": { "metric-unsued": "off", "objective-without-practise": "off", "nope": "off", "syntax": "off" } }'), [
            '1:14 unknown rule id "metric-unsued"; did you mean "metric-unused"?',
            '1:38 unknown rule id "objective-without-practise"; did you mean "objective-without-practice"?',
            '1:75 unknown rule id "nope"; use an id of the rule index (https://github.com/align-lang/align/blob/main/docs/rules/README.md), or remove it',
            '1:90 rule "syntax" is built in and cannot be configured; remove it'
        ]);
    });

    it('names the severity meant ("warn" is "warning") and lists the valid ones', () => {
        assert.deepEqual(messages('{ "rules": { "metric-unused": "warn", "metric-without-source": 2 } }'), [
            '1:14 rule "metric-unused": unknown severity "warn"; did you mean "warning"? (the severities are "off", "info", "warning", "error")',
            '1:39 rule "metric-without-source": unknown severity 2 (the severities are "off", "info", "warning", "error")'
        ]);
    });

    it('says what a threshold must be, with the default as an example; 0 is a valid threshold', () => {
        const text = '{\n  "maxPilotDays": -5,\n  "maxLaggingKpis": "4"\n}';
        assert.deepEqual(messages(text), [
            '2:3 "maxPilotDays" must be 0 or more, not -5; e.g. "maxPilotDays": 90 (the default)',
            '3:3 "maxLaggingKpis" must be a number, not the string "4"; write 4 without quotes'
        ]);
        assert.deepEqual(messages('{ "maxPilotDays": 1.5 }'), ['1:3 "maxPilotDays" must be a whole number, not 1.5; e.g. "maxPilotDays": 90 (the default)']);
        assert.deepEqual(parseAlignConfig('{ "maxLaggingKpis": 0, "maxPilotDays": 0 }'), { settings: { maxLaggingKpis: 0, maxPilotDays: 0 }, problems: [], references: {} });
    });

    it('names the key meant, and the expected type of extends, catalogs and templates', () => {
        assert.deepEqual(messages('{ "extend": "@acme/x", "templates": ["./t"], "catalogs": {} }').map(m => m.replace(/ \(the keys are .*\)$/, ' (the keys)')), [
            '1:3 unknown key "extend"; did you mean "extends"? (the keys)',
            '1:24 "templates" must be a package name or a relative path, one string such as "./templates", not ["./t"]',
            '1:46 "catalogs" must be a list of package names or relative paths (e.g. ["@acme/kpi-catalog", "./kpis"]), not {}'
        ]);
        assert.match(messages('{ "colour": 1 }')[0]!, /^1:3 unknown key "colour"; remove it \(the keys are "extends", "catalogs", "templates", "rules", "maxLaggingKpis", "maxPilotDays"\)$/);
    });

    it('says that trailing commas are not allowed (comments are: config-comments.test.ts), at the closing bracket', () => {
        assert.deepEqual(messages('{\n  // Acme rules\n  "rules": {}\n}'), []);
        assert.deepEqual(messages('{\n  "rules": { "metric-unused": "off" },\n}'), [
            '3:1 align.config.json is not valid JSON: a trailing comma (comments are allowed, trailing commas are not); remove the comma before the closing bracket; the defaults apply'
        ]);
        // `//` inside a string (a URL) is no comment: the real fault is named.
        assert.deepEqual(messages('{ "extends": "https://x", \'rules\': {} }'), [
            '1:27 align.config.json is not valid JSON: keys and strings take double quotes in JSON ("..."), not single quotes; the defaults apply'
        ]);
    });

    it('names an empty, binary or UTF-16 file as such, without quoting its bytes', () => {
        assert.deepEqual(messages('  \n'), ['1:1 align.config.json is not valid JSON: the file is empty; write {} in it, or delete it; the defaults apply']);
        const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0xff]).toString('utf-8');
        const utf16 = Buffer.from('{ "rules": {} }', 'utf16le').toString('utf-8');
        for (const text of [binary, utf16]) {
            assert.deepEqual(messages(text), ['1:1 align.config.json is not valid JSON: it is not UTF-8 text (binary data, or saved as UTF-16); save it as UTF-8 JSON; the defaults apply']);
        }
        const latin1 = Buffer.from('{ "rules": { "metric-unused": "off" }, "x": "caf\xe9" ', 'latin1').toString('utf-8');
        assert.match(messages(latin1)[0]!, /bytes that are not text .*; save it as UTF-8 JSON; the defaults apply$/);
    });

    it('tells a problem of an extended file by the chain, the file and its line, at the workspace\'s extends key', async () => {
        const dir = workspace({
            'align.config.json': '{\n  "rules": {},\n  "extends": "./base/a.json"\n}',
            'base/a.json': '{\n  "extends": "./b.json",\n  "rules": { "metric-unsued": "off" }\n}',
            'base/b.json': '{\n\n  "rules": { "metric-unused": "warn" }\n}'
        });
        assert.deepEqual(await resolved(dir), [
            '3:3 extends ./base/a.json: base/a.json:3:14: unknown rule id "metric-unsued"; did you mean "metric-unused"?',
            '3:3 extends ./base/a.json -> ./b.json: base/b.json:3:14: rule "metric-unused": unknown severity "warn"; did you mean "warning"? (the severities are "off", "info", "warning", "error")'
        ]);
    });

    it('says a problem inside an installed package is its owners\' to fix, and that an extended file that is not JSON is not merged', async () => {
        const dir = workspace({
            'align.config.json': '{ "extends": "@acme/std" }',
            'node_modules/@acme/std/align.config.json': '{ "maxPilotDays": "120" }',
            'node_modules/@acme/std/package.json': '{ "name": "@acme/std", "version": "1.0.0" }'
        });
        assert.deepEqual(await resolved(dir), [
            '1:3 extends @acme/std: node_modules/@acme/std/align.config.json:1:3: "maxPilotDays" must be a number, not the string "120"; write 120 without quotes;'
            + ' it is in an installed package: ask its owners for a fixed version, or override the key in this file'
        ]);
        fs.writeFileSync(path.join(dir, 'node_modules/@acme/std/align.config.json'), 'metric M {}');
        const [message] = await resolved(dir);
        assert.match(message!, /^1:3 extends @acme\/std: node_modules\/@acme\/std\/align\.config\.json:1:1: align\.config\.json is not valid JSON: Unexpected token 'm'; correct the JSON there; its settings are not merged; it is in an installed package/);
    });

    it('tells a package without align.config.json from a folder without one, and says what to do', async () => {
        const dir = workspace({
            'align.config.json': '{ "extends": "@acme/other" }',
            'node_modules/@acme/other/package.json': '{ "name": "@acme/other", "version": "1.0.0" }',
            'base/readme.txt': ''
        });
        assert.deepEqual(await resolved(dir), ['1:3 extends: package @acme/other has no align.config.json, so it is no Align standards package; check the package name (and its version: an older one may lack the file)']);
        fs.writeFileSync(path.join(dir, 'align.config.json'), '{ "extends": "./base" }');
        assert.deepEqual(await resolved(dir), ['1:3 extends: folder ./base has no align.config.json; name the config file itself (e.g. "./base/align.config.json") or add one there']);
    });

    it('says how to end a cycle, and points a missing catalog at its own name in the list', async () => {
        const dir = workspace({
            'align.config.json': '{\n  "catalogs": ["./kpis", "./missing"],\n  "extends": "./a.json"\n}',
            'kpis/k.align': '',
            'a.json': '{ "extends": "./align.config.json" }'
        });
        assert.deepEqual(await resolved(dir), [
            `2:26 catalogs: no file or folder ./missing (relative to the folder ${path.basename(dir)} of the file that names it); correct the path`,
            '3:3 extends: cycle align.config.json -> ./a.json -> ./align.config.json; the chain is not followed. Remove the "extends" that leads back'
        ]);
    });

    it('places a rule id at its key inside "rules", not at an earlier string with the same text', () => {
        assert.deepEqual(messages('{\n  "templates": "./templates",\n  "rules": { "templates": "warning" }\n}').map(m => m.split(';')[0]), ['3:14 unknown rule id "templates"']);
    });

    it('tells at most 100 problems of a file, then how many more there are, so that a huge file stays readable', () => {
        const ids = Array.from({ length: 250 }, (_, i) => `not-a-rule-${i}`);
        const text = `{\n  "rules": {\n${ids.map(id => `    "${id}": "off"`).join(',\n')}\n  }\n}`;
        const problems = parseAlignConfig(text).problems;
        assert.equal(problems.length, 101);
        assert.deepEqual(problems.slice(99).map(p => `${p.line}:${p.column} ${p.message.split(';')[0]}`), [
            '102:5 unknown rule id "not-a-rule-99"',
            '103:5 150 more problems in align.config.json from here on are not listed'
        ]);
    });
});
