/**
 * Organisation standards as packages (language.md, "Configuration"): the
 * consuming workspace of examples/standards checked through the built CLI:
 * `extends` merged, catalogs loaded as a library, config errors at the key.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { consumingWorkspace, installedPackage, metricText } from '../standards-workspace.js';
import { checkJson, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

const OBJECTIVE_WITHOUT_PRACTICE = `program Pilot "Pilot" {
  sponsor "VP"
  owner "L&D"
  serves Result
  pilot 30 days from 2026-01-05
  review monthly
  phase design
  outcome Result "Result" {
    measured by FirstYearRetention
    owner "Head of People"
  }
  skill S "Skill" {
    assessed by "Check"
  }
  behavior B "Behavior" {
    enabled by S
    moves DaysToProductivity
    observed by manager weekly with "Checklist"
    actor "New hires"
  }
  objective O "Objective" {
    builds S
    assessed by "Check"
  }
}
`;

describe('organisation standards: align check on a workspace that extends a package', () => {
    before(requireBundle);
    after(removeTempDirs);

    it('checks the consuming workspace clean: references into the catalog resolve, the catalog is not reported', () => {
        const workspace = consumingWorkspace(tempDir());
        assert.deepEqual(checkJson(['.'], { cwd: workspace, status: 0 }), []);
    });

    it('reports no finding inside a catalog file, and never lists it as checked', () => {
        const workspace = consumingWorkspace(tempDir());
        fs.appendFileSync(path.join(installedPackage(workspace), 'catalog', 'people-kpis.align'), '\nmetric Broken "Broken" {\n  drives Nowhere\n}\n');
        const findings = checkJson(['.'], { cwd: workspace, status: 0 });
        assert.deepEqual(findings.map(f => `${f.file} ${f.rule}`), []);
    });

    it('parses only the catalog files the workspace names, with the findings of the whole catalog', () => {
        const workspace = consumingWorkspace(tempDir());
        const catalog = path.join(installedPackage(workspace), 'catalog');
        fs.writeFileSync(path.join(catalog, 'unnamed.align'), metricText('NobodyNamesThis'));
        writeFile(workspace, 'pilot.align', OBJECTIVE_WITHOUT_PRACTICE);
        writeFile(workspace, 'retention.align', metricText('FirstYearRetention', 'Our own retention'));
        const graphIds = () => {
            const graph = JSON.parse(runCli(['graph', '.', '--format', 'json'], { cwd: workspace }).stdout) as { nodes: Array<{ id: string }> };
            return graph.nodes.map(n => n.id);
        };
        const findings = checkJson(['.'], { cwd: workspace, status: 1 });
        assert.ok(!graphIds().includes('NobodyNamesThis'), 'a catalog file that no word of the workspace names is not parsed');
        // A comment naming every catalog declaration makes the CLI parse the whole catalog: the findings stay the same.
        writeFile(workspace, 'zz-all.align', `// ${['NobodyNamesThis', 'FirstYearRetention', 'DaysToProductivity', 'ManagerCheckInRate'].join(' ')}\n`);
        assert.ok(graphIds().includes('NobodyNamesThis'));
        assert.deepEqual(checkJson(['.'], { cwd: workspace, status: 1 }), findings);
        assert.ok(findings.some(f => f.rule === 'duplicate-name') && findings.some(f => f.rule === 'objective-without-practice'), JSON.stringify(findings));
    });

    it('parses a catalog file that only holds the actuals of a needed KPI, and a declaration with a comment before its name', () => {
        const dir = tempDir();
        writeFile(dir, 'kpis/retention.align', metricText('Retention').replace('metric Retention', 'metric /* yearly */ Retention'));
        writeFile(dir, 'kpis/retention-actuals.align', '// kept apart from the definitions\nactuals Retention {\n  2026-01: 12%\n  2026-02: 14%\n}\n');
        writeFile(dir, 'workspace/align.config.json', '{ "catalogs": ["../kpis"] }\n');
        writeFile(dir, 'workspace/program.align', 'outcome Kept "Kept" { measured by Retention }\n');
        const cwd = path.join(dir, 'workspace');
        assert.deepEqual(checkJson(['.'], { cwd, status: 0 }), [], 'Retention resolves');
        const graph = JSON.parse(runCli(['graph', '.', '--format', 'json'], { cwd }).stdout) as { nodes: Array<{ id: string; metric?: { actuals: Array<{ period: string }> } }> };
        assert.deepEqual(graph.nodes.find(n => n.id === 'Retention')?.metric?.actuals.map(a => a.period), ['2026-01', '2026-02']);
    });

    it('reads a catalog\'s CSV actuals inside the catalog\'s folder, even when the catalog lies outside the workspace; not outside the catalog', () => {
        const dir = tempDir();
        writeFile(dir, 'kpis/retention.align', metricText('Retention') + 'actuals Retention from "data/retention.csv"\n');
        writeFile(dir, 'kpis/data/retention.csv', 'period,value\n2026-01,12%\n2026-02,13%\n');
        writeFile(dir, 'kpis/other.align', metricText('Other') + 'actuals Other from "../elsewhere.csv"\n');
        writeFile(dir, 'elsewhere.csv', 'period,value\n2026-01,12%\n');
        writeFile(dir, 'workspace/align.config.json', '{ "catalogs": ["../kpis"] }\n');
        writeFile(dir, 'workspace/program.align', 'outcome Kept "Kept" { measured by Retention, Other }\n');
        const graph = JSON.parse(runCli(['graph', '.', '--format', 'json'], { cwd: path.join(dir, 'workspace') }).stdout) as { nodes: Array<{ id: string; metric?: { actuals: Array<{ period: string }> } }> };
        const periods = (id: string) => graph.nodes.find(n => n.id === id)?.metric?.actuals.map(a => a.period);
        assert.deepEqual(periods('Retention'), ['2026-01', '2026-02']);
        assert.deepEqual(periods('Other'), [], 'a CSV outside the catalog\'s folder is not read');
    });

    it('parses a catalog file that refers to a workspace declaration: the findings are those of the whole catalog', () => {
        const dir = tempDir();
        writeFile(dir, 'kpis/behaviors.align', 'behavior CatBehavior "Catalog behavior" {\n  enabled by WsSkill\n}\n');
        writeFile(dir, 'workspace/align.config.json', '{ "catalogs": ["../kpis"] }\n');
        writeFile(dir, 'workspace/skill.align', 'skill WsSkill "Workspace skill" {\n  assessed by "Check"\n}\n');
        assert.deepEqual(checkJson(['.'], { cwd: path.join(dir, 'workspace'), status: 0 }).map(f => f.rule), [], 'WsSkill enables the catalog\'s behavior');
    });

    it('merges the rule set of the package under the workspace\'s own rules, per rule', () => {
        const workspace = consumingWorkspace(tempDir());
        writeFile(workspace, 'pilot.align', OBJECTIVE_WITHOUT_PRACTICE);
        writeFile(workspace, 'unused.align', metricText('UnusedKpi'));
        const findings = checkJson(['.'], { cwd: workspace, status: 1 });
        const severity = (rule: string) => findings.find(f => f.rule === rule)?.severity;
        assert.equal(severity('objective-without-practice'), 'error', 'from the package (the default is a warning)');
        assert.equal(severity('metric-unused'), 'info', 'the workspace wins over the package\'s warning');
    });

    it('reports duplicate-name on the workspace\'s declaration, not on the catalog\'s', () => {
        const workspace = consumingWorkspace(tempDir());
        writeFile(workspace, 'retention.align', metricText('FirstYearRetention', 'Our own retention'));
        const duplicates = checkJson(['.'], { cwd: workspace, status: 1 }).filter(f => f.rule === 'duplicate-name');
        assert.deepEqual(duplicates.map(f => `${f.file}:${f.line}`), ['retention.align:1']);
        assert.match(duplicates[0]!.message, /'FirstYearRetention' is already declared in catalog @acme\/align-standards 1\.2\.0 \(people-kpis\.align:\d+\)\./);
    });

    it('names a folder catalog without package.json by its folder in duplicate-name', () => {
        const dir = tempDir();
        writeFile(dir, 'kpis/retention.align', metricText('Retention'));
        writeFile(dir, 'workspace/align.config.json', '{ "catalogs": ["../kpis"] }\n');
        writeFile(dir, 'workspace/program.align', metricText('Retention', 'Our own'));
        const duplicates = checkJson(['.'], { cwd: path.join(dir, 'workspace'), status: 1 }).filter(f => f.rule === 'duplicate-name');
        assert.deepEqual(duplicates.map(f => `${f.file} ${f.message}`),
            ['program.align \'Retention\' is already declared in catalog ../kpis (retention.align:1). Rename this declaration, or remove it and use the catalog\'s.']);
    });

    it('leaves a catalog\'s programs and outcomes out of the monthly review (a library, reviewed by its owners)', () => {
        const dir = tempDir();
        writeFile(dir, 'kpis/reference.align', `program CatProg "Catalog reference program" {\n  sponsor "x"\n  ${metricText('Lead').replace(/\n/g, '\n  ')}\n}\noutcome CatOutcome "Catalog outcome" { measured by CatProg.Lead }\n`);
        writeFile(dir, 'workspace/align.config.json', '{ "catalogs": ["../kpis"] }\n');
        writeFile(dir, 'workspace/program.align', 'program P "Our program" {\n  sponsor "VP"\n  serves Kept\n}\noutcome Kept "Kept" { measured by CatProg.Lead }\n// CatOutcome\n');
        const result = runCli(['report', '.', '--date', '2026-03-01', '--output', '-'], { cwd: path.join(dir, 'workspace') });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /\*\*Programs:\*\* 1\b/);
        assert.match(result.stdout, /^## Program: Our program/m);
        assert.doesNotMatch(result.stdout, /Catalog reference program|Catalog outcome/);
    });

    it('skips the templates folder a folder catalog\'s config names through its extends', () => {
        const dir = tempDir();
        writeFile(dir, 'kpis/retention.align', metricText('Retention'));
        writeFile(dir, 'kpis/align.config.json', '{ "extends": "./base.json" }\n');
        writeFile(dir, 'kpis/base.json', '{ "templates": "./tpl" }\n');
        // A declaration in the templates folder: read as a catalog file, it would resolve the reference below.
        writeFile(dir, 'kpis/tpl/only-in-templates.align', metricText('OnlyInTemplates'));
        writeFile(dir, 'workspace/align.config.json', '{ "catalogs": ["../kpis"] }\n');
        writeFile(dir, 'workspace/program.align', 'outcome Kept "Kept" { measured by Retention, OnlyInTemplates }\n');
        const unresolved = checkJson(['.'], { cwd: path.join(dir, 'workspace'), status: 1 }).filter(f => f.rule === 'unresolved-reference');
        assert.deepEqual(unresolved.map(f => f.message.match(/'[^']+'/)?.[0]), ["'OnlyInTemplates'"]);
    });

    it('reports an extends cycle as config-invalid at the extends key, naming the cycle', () => {
        const workspace = consumingWorkspace(tempDir());
        writeFile(workspace, 'align.config.json', '{\n  "rules": {},\n  "extends": "./base.json"\n}\n');
        writeFile(workspace, 'base.json', '{ "extends": "./align.config.json" }\n');
        const findings = checkJson(['.'], { cwd: workspace, status: 1 });
        const invalid = findings.filter(f => f.rule === 'config-invalid');
        assert.deepEqual(invalid.map(f => `${f.file}:${f.line}:${f.column}`), ['align.config.json:3:3']);
        assert.match(invalid[0]!.message, /cycle align\.config\.json -> \.\/base\.json -> \.\/align\.config\.json/);
    });

    it('reports a package that is not installed as config-invalid, naming it; the rest still applies', () => {
        const workspace = consumingWorkspace(tempDir());
        writeFile(workspace, 'align.config.json', '{\n  "extends": "@acme/not-installed"\n}\n');
        const findings = checkJson(['.'], { cwd: workspace, status: 1 });
        const invalid = findings.filter(f => f.rule === 'config-invalid');
        assert.deepEqual(invalid.map(f => `${f.file}:${f.line}`), ['align.config.json:2']);
        assert.match(invalid[0]!.message, /@acme\/not-installed is not installed/);
        assert.ok(findings.some(f => f.rule === 'unresolved-reference'), 'without the package, the catalog is not there');
    });

    it('reports a problem of an extended file at the extends key, and a chain deeper than 5 files', () => {
        const workspace = consumingWorkspace(tempDir());
        writeFile(workspace, 'align.config.json', '{ "extends": "./c1.json" }\n');
        for (let i = 1; i <= 6; i++) writeFile(workspace, `c${i}.json`, `{ "extends": "./c${i + 1}.json" }\n`);
        writeFile(workspace, 'c7.json', '{ "rules": { "no-such-rule": "off" } }\n');
        const messages = checkJson(['.'], { cwd: workspace, status: 1 }).filter(f => f.rule === 'config-invalid').map(f => f.message);
        assert.equal(messages.length, 1, messages.join('\n'));
        assert.match(messages[0]!, /chain deeper than 5 files at \.\/c6\.json/);
        writeFile(workspace, 'c2.json', '{ "rules": { "no-such-rule": "off" } }\n');
        const nested = checkJson(['.'], { cwd: workspace, status: 1 }).filter(f => f.rule === 'config-invalid').map(f => f.message);
        // The chain that leads to the file, then the file and line the problem is on, then what to do.
        assert.deepEqual(nested, ['extends ./c1.json -> ./c2.json: c2.json:1:14: unknown rule id "no-such-rule"; use an id of the rule index (https://github.com/align-lang/align/blob/main/docs/rules/README.md), or remove it']);
    });

    it('reports a config with an unclosed comment, a near-miss rule id or a binary file as one config-invalid finding each (exit 1, not a usage error), saying what to do', () => {
        const workspace = consumingWorkspace(tempDir());
        const invalid = () => checkJson(['.'], { cwd: workspace, status: 1 }).filter(f => f.rule === 'config-invalid').map(f => `${f.file}:${f.line}:${f.column} ${f.message}`);
        writeFile(workspace, 'align.config.json', '{\n  /* Acme\n  "extends": "@acme/align-standards"\n}\n');
        assert.deepEqual(invalid(), ['align.config.json:2:3 align.config.json is not valid JSON: a block comment /* is not closed; end it with */, or remove it; the defaults apply']);
        writeFile(workspace, 'align.config.json', '{\n  "extends": "@acme/align-standards",\n  "rules": { "metric-unsued": "warn" }\n}\n');
        assert.deepEqual(invalid(), ['align.config.json:3:14 unknown rule id "metric-unsued"; did you mean "metric-unused"?']);
        writeFile(workspace, 'align.config.json', Buffer.from([0x7b, 0x00, 0x0a, 0xff, 0xfe, 0x00]));
        assert.deepEqual(invalid(), ['align.config.json:1:1 align.config.json is not valid JSON: it is not UTF-8 text (binary data, or saved as UTF-16); save it as UTF-8 JSON; the defaults apply']);
    });

    it('reports catalogs or templates naming a file that holds none (a config file, an .align file as templates)', () => {
        const dir = tempDir();
        writeFile(dir, 'main.align', 'skill S "S" {\n  assessed by "Quiz"\n}\n');
        writeFile(dir, 'align.config.json', '{\n  "catalogs": ["./align.config.json"],\n  "templates": "./main.align"\n}\n');
        const invalid = checkJson(['.'], { cwd: dir, status: 1 }).filter(f => f.rule === 'config-invalid').map(f => `${f.line}:${f.column} ${f.message}`);
        assert.deepEqual(invalid, [
            '2:16 catalogs: ./align.config.json is a file, not a folder of .align files or an .align file; name the catalog\'s folder',
            '3:3 templates: ./main.align is a file, not a folder of program templates; name the folder that holds them'
        ]);
    });
});
