/**
 * What a KPI catalog of 5,000 metrics (a package in `node_modules`, named
 * by `catalogs` in `align.config.json`) adds to the check of a 10,000-element
 * workspace (the CLI's loadWorkspace, side by side with and without it, runs
 * alternating; with it, the workspace uses a KPI from 10 of its 50 files),
 * and to the language server's edit -> diagnostics latency of a workspace
 * file. Goal (a figure, not a test): under 20% more for the
 * check, nothing measurable for the keystroke latency.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFindings } from '../../cli/check/collect-findings.js';
import { loadWorkspace } from '../../cli/workspace/load-workspace.js';
import { generateWorkspace } from './generate.js';
import { latencies } from './lsp-latency.js';
import { collectGarbage, median, ms, now, progress, ratio, table, thousands } from './timing.js';

const CATALOG_METRICS = 5_000;
const METRICS_PER_FILE = 100;
const GOAL = 1.2;

/** Writes `node_modules/@bench/kpi-catalog` with `count` complete metrics. */
function writeCatalog(dir: string, count: number): void {
    const folder = path.join(dir, 'node_modules', '@bench', 'kpi-catalog');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: '@bench/kpi-catalog', version: '1.0.0' }));
    for (let file = 0; file * METRICS_PER_FILE < count; file++) {
        const metrics: string[] = [];
        for (let i = file * METRICS_PER_FILE; i < Math.min(count, (file + 1) * METRICS_PER_FILE); i++) {
            const id = String(i).padStart(5, '0');
            metrics.push(`/** Catalog KPI ${id}. */\nmetric CatalogKpi${id} "Catalog KPI ${id}" {\n  kind ${i % 2 === 0 ? 'lagging' : 'leading'}\n  unit percent\n  direction up\n`
                + `  baseline 40%\n  target 50% by 2026-12-31\n  source "Warehouse: kpi_${id}"\n  owner "Data team"\n  cadence monthly\n}\n`);
        }
        fs.writeFileSync(path.join(folder, `kpis-${String(file).padStart(3, '0')}.align`), metrics.join('\n'));
    }
}

/** Catalog files the workspace uses a KPI of (one KPI each): a workspace uses part of its organisation's catalog. */
const USED_FILES = 10;

/**
 * With the catalog: the config names it, and an outcome is measured by one
 * KPI from each of USED_FILES catalog files (which the check must then
 * parse); without: neither.
 */
function configure(dir: string, withCatalog: boolean): void {
    fs.writeFileSync(path.join(dir, 'align.config.json'), withCatalog ? '{ "catalogs": ["@bench/kpi-catalog"] }\n' : '{}\n');
    const uses = path.join(dir, 'uses-catalog.align');
    const kpis = Array.from({ length: USED_FILES }, (_, i) => `CatalogKpi${String(i * METRICS_PER_FILE).padStart(5, '0')}`);
    if (withCatalog) fs.writeFileSync(uses, `outcome CatalogUse "Uses the catalog" {\n  measured by ${kpis.join(', ')}\n  owner "Data team"\n}\n`);
    else fs.rmSync(uses, { force: true });
}

async function checkOnce(dir: string): Promise<{ ms: number; findings: number; documents: number }> {
    collectGarbage();
    const start = now();
    const workspace = await loadWorkspace({ paths: [dir] });
    const findings = collectFindings(workspace).length;
    return { ms: now() - start, findings, documents: workspace.services.shared.workspace.LangiumDocuments.all.count() };
}

/** Runs the catalog benchmark under `tmp`; returns the printed text. */
export async function benchCatalog(tmp: string, runs: number): Promise<string> {
    const workspace = generateWorkspace({ elements: 10_000, files: 100, dir: path.join(tmp, 'catalog-10000x100') });
    writeCatalog(workspace.dir, CATALOG_METRICS);
    const times = { without: [] as number[], with: [] as number[] };
    const seen = { without: { findings: 0, documents: 0 }, with: { findings: 0, documents: 0 } };
    for (let run = 0; run <= runs; run++) {
        for (const variant of ['without', 'with'] as const) {
            configure(workspace.dir, variant === 'with');
            const result = await checkOnce(workspace.dir);
            progress(`catalog: check ${variant} the catalog, ${run === 0 ? 'warm-up' : `run ${run}/${runs}`}: ${ms(result.ms)} ms, ${result.documents} documents`);
            if (run > 0) times[variant].push(result.ms);
            seen[variant] = { findings: result.findings, documents: result.documents };
        }
    }
    const target = workspace.files[Math.floor(workspace.files.length / 2)]!.path;
    const edits: Record<'without' | 'with', number> = { without: 0, with: 0 };
    for (const variant of ['without', 'with'] as const) {
        configure(workspace.dir, variant === 'with');
        progress(`catalog: LSP edits of ${path.basename(target)} ${variant} the catalog`);
        edits[variant] = median((await latencies(workspace.dir, workspace.files.map(f => f.path), target)).times);
    }
    const check = median(times.with) / median(times.without);
    const rows = [
        ['check (align check, medians)', ms(median(times.without)), ms(median(times.with)), ratio(check), check <= GOAL ? 'PASS' : 'MISS'],
        ['edit -> diagnostics over LSP (median)', ms(edits.without), ms(edits.with), ratio(edits.with / edits.without), '-']
    ];
    return `A ${thousands(CATALOG_METRICS)}-metric catalog (${CATALOG_METRICS / METRICS_PER_FILE} files in node_modules, ${USED_FILES} of them used by an outcome) beside ${thousands(workspace.elements)} elements in ${workspace.files.length} files; `
        + `documents ${seen.without.documents} -> ${seen.with.documents}, findings ${seen.without.findings} -> ${seen.with.findings} (none inside the catalog).\n`
        + `Goal: the check within ${GOAL}x without the catalog; the edit latency unchanged.\n\n`
        + table(['measure', 'without catalog', 'with catalog', 'with/without', 'goal'], rows);
}
