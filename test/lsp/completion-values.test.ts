import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { positionAt, uriOf } from './lsp-session.js';
import { withExamplesSession } from './examples-session.js';

/** Today's calendar in local time, as the server reads its clock: `2026-12-06`, `2026-Q4`, `2026-H2`, `2026-12`. */
function calendar(now = new Date()) {
    const pad = (n: number) => String(n).padStart(2, '0');
    const [y, m, d] = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
    const quarterEnd = new Date(y, Math.ceil(m / 3) * 3, 0);
    return {
        today: `${y}-${pad(m)}-${pad(d)}`,
        month: `${y}-${pad(m)}`,
        quarter: `${y}-Q${Math.ceil(m / 3)}`,
        half: `${y}-H${m <= 6 ? 1 : 2}`,
        quarterEnd: `${y}-${pad(quarterEnd.getMonth() + 1)}-${pad(quarterEnd.getDate())}`
    };
}

/**
 * Invoked completion (Ctrl+Space) where the grammar takes a literal rather
 * than a keyword or a reference: dates and periods from the server's clock
 * (the expectations are read from the same clock, the local calendar), and
 * currency codes with the workspace's first.
 */
describe('language server: completion of dates, periods and currency codes', function () {
    this.timeout(30000);
    let opened = false;

    const ws = withExamplesSession('completion-values', { waitFor: ['churn-pilot.align', 'catalog/metrics.align'] });

    /** The items invoked completion offers at `|` in `marked` (opened as values.align), and the calendar of the moment it answered. */
    async function itemsAt(marked: string): Promise<{ items: CompletionItem[]; day: ReturnType<typeof calendar> }> {
        const file = ws.file('values.align');
        const text = marked.replace('|', '');
        if (opened) await ws.session.change(file, text);
        else await ws.session.open(file, text);
        opened = true;
        await ws.session.diagnosticsOf(file);
        for (;;) {
            const before = calendar();
            const result = await ws.session.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
                textDocument: { uri: uriOf(file) }, position: positionAt(text, marked.indexOf('|')), context: { triggerKind: 1 }
            });
            // Asked across midnight: ask again, so that the expectations and the answer read the same day.
            if (calendar().today !== before.today) continue;
            return { items: Array.isArray(result) ? result : result?.items ?? [], day: before };
        }
    }

    /** The items sorted as a client sorts them (sortText, then label). */
    const sorted = (items: CompletionItem[]): CompletionItem[] =>
        [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));

    const detailOf = (items: CompletionItem[], label: string): string | undefined => items.find(i => i.label === label)?.detail;

    it('offers periods and dates after `target ... by`, each saying what it is', async () => {
        const { items, day } = await itemsAt('metric M {\n  kind leading\n  target 14% by |\n}\n');
        const labels = items.map(i => i.label);
        for (const label of [day.quarter, day.half, day.quarterEnd, day.today]) assert.ok(labels.includes(label), `${label} in ${labels.join(', ')}`);
        assert.equal(detailOf(items, day.quarter), `this quarter, ends ${day.quarterEnd}`);
        assert.match(detailOf(items, day.half)!, /^this half, ends \d{4}-\d{2}-\d{2}$/);
        assert.equal(detailOf(items, day.today), day.quarterEnd === day.today ? 'end of this quarter (full date)' : 'today (full date)');
        assert.ok(labels.every(l => /^\d{4}-(\d{2}-\d{2}|Q[1-4]|H[12])$/.test(l)), labels.join(', '));
    });

    it('offers full dates after `pilot N days from` and in a window, today first', async () => {
        for (const marked of ['program P {\n  pilot 90 days from |\n}\n', 'program P {\n  window 2026-01-05 to |\n}\n']) {
            const { items, day } = await itemsAt(marked);
            assert.equal(sorted(items)[0]?.label, day.today, marked);
            assert.equal(detailOf(items, day.today), 'today', marked);
            assert.ok(items.every(i => /^\d{4}-\d{2}-\d{2}$/.test(i.label)), items.map(i => i.label).join(', '));
            assert.ok(items.some(i => i.detail === 'first day of next month'), marked);
        }
    });

    it('offers currency codes after a value\'s amount, the workspace\'s first, then `per`, then the other codes', async () => {
        const { items } = await itemsAt('metric M {\n  kind leading\n  value 10 |\n}\nmetric N {\n  unit currency CHF\n}\nmetric O {\n  unit currency CHF\n}\n');
        const labels = sorted(items).map(i => i.label);
        // CHF is written twice here, USD once in the catalog.
        assert.deepEqual(labels.slice(0, 3), ['CHF', 'USD', 'per'], labels.slice(0, 10).join(', '));
        assert.equal(detailOf(items, 'CHF'), 'currency code, used in this workspace');
        assert.ok(labels.includes('EUR') && labels.includes('JPY'), labels.slice(0, 10).join(', '));
        assert.equal(detailOf(items, 'EUR'), 'currency code (ISO 4217)');
        assert.equal(labels.filter(l => l === 'USD').length, 1);
    });

    it('offers currency codes after `unit currency`, and nothing inside a string or comment there', async () => {
        const { items } = await itemsAt('metric M {\n  unit currency |\n}\n');
        const labels = sorted(items).map(i => i.label);
        assert.equal(labels[0], 'USD', labels.slice(0, 5).join(', '));
        assert.ok(labels.includes('EUR') && labels.every(l => /^[A-Z]{3}$/.test(l)), labels.slice(0, 10).join(', '));
        assert.deepEqual((await itemsAt('metric M {\n  unit currency // |\n}\n')).items, []);
        assert.deepEqual((await itemsAt('metric M {\n  source "value 10 |"\n}\n')).items, []);
        assert.deepEqual((await itemsAt('metric M {\n  target 14% by /* |')).items, []);
    });

    /**
     * The items at `|` in `template` with `${typed}` in place of the marker's
     * prefix, and those at `|` with nothing typed, read on the same day.
     */
    async function typedAndBlank(template: (typed: string) => string, typed: (day: ReturnType<typeof calendar>) => string) {
        for (;;) {
            const blank = await itemsAt(template(''));
            const text = typed(blank.day);
            const marked = template(text);
            const written = await itemsAt(marked);
            if (written.day.today !== blank.day.today) continue;
            return { blank: blank.items, written: written.items, marked, text, day: blank.day };
        }
    }

    /** Checks that the items on a half-written date are those offered before it, filtered by it, each replacing it whole. */
    function assertFiltered(result: Awaited<ReturnType<typeof typedAndBlank>>): void {
        const { blank, written, marked, text } = result;
        const expected = sorted(blank).filter(i => i.label.startsWith(text)).map(i => i.label);
        assert.ok(expected.length > 0, `something to offer on ${text}: ${blank.map(i => i.label).join(', ')}`);
        assert.deepEqual(sorted(written).map(i => i.label), expected, marked);
        const cursor = marked.indexOf('|');
        const plain = marked.replace('|', '');
        for (const item of written) {
            const edit = item.textEdit as { range: { start: unknown; end: unknown }; newText: string } | undefined;
            assert.deepEqual(edit?.range, { start: positionAt(plain, cursor - text.length), end: positionAt(plain, cursor) }, `${item.label} replaces ${text} in ${marked}`);
        }
    }

    it('offers the dates and periods of `by` on one half written (`2026-1`), filtered by it, replacing it whole', async () => {
        const deadline = (typed: string) => `metric M {\n  kind leading\n  target 14% by ${typed}|\n}\n`;
        // `2026-` and `2026-1` are lexed as numbers, `2026-Q` and `2026-H` as a number and a stray dash, `2026-12-` as a month and a stray dash.
        for (const typed of [
            (d: ReturnType<typeof calendar>) => d.today.slice(0, 5),
            (d: ReturnType<typeof calendar>) => d.today.slice(0, 6),
            (d: ReturnType<typeof calendar>) => d.today.slice(0, 8),
            (d: ReturnType<typeof calendar>) => d.quarter.slice(0, 6),
            (d: ReturnType<typeof calendar>) => d.half.slice(0, 6)
        ]) assertFiltered(await typedAndBlank(deadline, typed)); // only dates: no attribute of the metric glued to one (`2026-12-source "…"`)
    });

    it('offers full dates after `from` and in a window on one half written, filtered by it, replacing it whole', async () => {
        assertFiltered(await typedAndBlank(typed => `program P {\n  pilot 90 days from ${typed}|\n}\n`, d => d.today.slice(0, 5)));
        assertFiltered(await typedAndBlank(typed => `program P {\n  pilot 90 days from ${typed}|\n}\n`, d => d.today.slice(0, 9)));
        assertFiltered(await typedAndBlank(typed => `program P {\n  window 2026-01-05 to ${typed}|\n}\n`, d => d.today.slice(0, 6)));
    });

    it('offers the periods of a new actuals row on one half written, filtered by it, replacing it whole', async () => {
        const monthly = (typed: string) => `metric M {\n  kind leading\n  baseline 10\n  cadence monthly\n}\nactuals M {\n  2026-03: 12\n  ${typed}|\n}\n`;
        assertFiltered(await typedAndBlank(monthly, () => '2026-'));
        const r = await typedAndBlank(monthly, () => '2026-0');
        assertFiltered(r);
        assert.equal(r.written[0]?.label, '2026-04');
        assert.equal(r.written[0]?.insertText, '2026-04: ${1:value}');
        // The first row of a block.
        assertFiltered(await typedAndBlank(typed => `metric M {\n  cadence quarterly\n}\nactuals M {\n  ${typed}|\n}\n`, d => d.quarter.slice(0, 5)));
    });

    it('counts a currency code as used in the workspace only where it is written elsewhere than at the cursor', async () => {
        // Being typed, and written nowhere else: not a code of the workspace (`Q` is no code at all).
        for (const marked of ['program P {\n  cost 100 Q|\n}\n', 'metric M {\n  unit currency Q|\n}\n', 'metric M {\n  kind leading\n  value 10 Q| per point\n}\n']) {
            const { items } = await itemsAt(marked);
            assert.ok(!items.some(i => i.label === 'Q'), `${marked}: ${items.map(i => i.label).join(', ')}`);
            assert.equal(detailOf(items, 'QAR'), 'currency code (ISO 4217)', marked);
        }
        const us = sorted((await itemsAt('program P {\n  cost 100 US|\n}\n')).items);
        assert.deepEqual(us.map(i => i.label).filter(l => l.startsWith('US')), ['USD'], us.map(i => i.label).join(', '));
        assert.equal(us[0]?.label, 'USD');
        assert.equal(detailOf(us, 'USD'), 'currency code, used in this workspace');
        // A valid code at the cursor: used only if written elsewhere too.
        assert.equal(detailOf((await itemsAt('program P {\n  cost 100 CHF|\n}\n')).items, 'CHF'), 'currency code (ISO 4217)');
        for (const marked of ['program P {\n  cost 100 CHF|\n}\nmetric N {\n  unit currency CHF\n}\n', 'metric N {\n  unit currency CHF\n}\nprogram P {\n  cost 100 CH|F\n}\n']) {
            assert.equal(detailOf((await itemsAt(marked)).items, 'CHF'), 'currency code, used in this workspace', marked);
        }
    });

    it('offers a row on a new line of an actuals block: the period after the last row for the cadence, then the current one', async () => {
        const monthly = 'metric M {\n  kind leading\n  baseline 10\n  cadence monthly\n}\nactuals M {\n  2026-03: 12\n  |\n}\n';
        const { items, day } = await itemsAt(monthly);
        const rows = sorted(items);
        assert.equal(rows[0]?.label, '2026-04');
        assert.equal(rows[0]?.detail, 'the month after the last row (cadence monthly): row `2026-04: value`');
        assert.equal(rows[0]?.insertText, '2026-04: ${1:value}');
        if (day.month !== '2026-04') assert.equal(rows[1]?.label, day.month);

        const quarterly = (await itemsAt('metric M {\n  cadence quarterly\n}\nactuals M {\n  |\n}\n')).items;
        assert.deepEqual(quarterly.map(i => i.label), [day.quarter]);
        assert.equal(quarterly[0]?.detail, `this quarter (cadence quarterly): row \`${day.quarter}: value\``);

        const weekly = (await itemsAt('metric M {\n  cadence weekly\n}\nactuals M {\n  2026-12-28: 3\n  |\n}\n')).items;
        assert.equal(sorted(weekly)[0]?.label, '2027-01-04');
        assert.equal(sorted(weekly)[0]?.detail, 'a week after the last row (cadence weekly): row `2027-01-04: value`');
    });
});
