/**
 * The `actuals-invalid` findings on the rows of one actuals block's CSV file.
 * They all mark the file string, so a file of a million bad rows would give a
 * million findings on one place: the problems of the first rows with problems
 * are listed, in line order, and one more finding counts the rest.
 */
import { CSV_ROWS_LISTED, type UnlistedRows } from '../actuals/csv-actuals.js';

export class CsvRowFindings {
    private readonly found: Array<{ line: number; message: string }> = [];
    private unlisted: UnlistedRows | undefined;
    private readonly unworded: Array<readonly number[]> = [];

    constructor(private readonly name: string, private readonly file: string | undefined) {}

    add(line: number, message: string): void {
        this.found.push({ line, message });
    }

    /**
     * The rows with bad cells the reader counted without wording them. They
     * come after more than CSV_ROWS_LISTED rows whose problems were added, and
     * no other problem is on their lines (a row with a bad cell gives no entry
     * to find more wrong with), so they are all counted in the last finding.
     */
    addUnlisted(rows: UnlistedRows): void {
        this.unlisted = rows;
    }

    /**
     * The lines, in line order, of the rows with a problem of one kind that
     * was not worded (worded-rows.ts): out of order, repeated, a percentage.
     * Each comes after more than CSV_ROWS_LISTED rows with a problem of its
     * kind, whose problems were added, so none is listed; a row can have
     * problems of several kinds, worded or not, and is counted once.
     */
    addUnworded(lines: readonly number[]): void {
        if (lines.length > 0) this.unworded.push(lines);
    }

    /** The messages to report: those of the first CSV_ROWS_LISTED rows, in line order, then the count of the rest. */
    messages(): string[] {
        // Stable: the problems of one line keep the order they were found in.
        const sorted = [...this.found].sort((a, b) => a.line - b.line);
        const lines = [...new Set(sorted.map(f => f.line))];
        const unlisted = this.rowsNotWorded(new Set(lines));
        // One row more than the cap is listed: a count in its place would say no less.
        if (lines.length + unlisted.rows <= CSV_ROWS_LISTED + 1) return sorted.map(f => f.message);
        const lastListed = lines[CSV_ROWS_LISTED - 1]!;
        const rest = lines.slice(CSV_ROWS_LISTED);
        const count = rest.length + unlisted.rows;
        const last = Math.max(rest[rest.length - 1]!, unlisted.lastLine);
        // `lines` sorts after every `line N` of the file in the CLI's output.
        return [...sorted.filter(f => f.line <= lastListed).map(f => f.message),
            `Actuals of '${this.name}': file "${this.file}" lines ${rest[0]} to ${last}: ${count.toLocaleString('en')} more rows have problems; `
            + `only the first ${CSV_ROWS_LISTED} rows with problems are listed. Fix those, then check again.`];
    }

    /**
     * The rows with problems none of which was worded: those with bad cells,
     * and each line of the unworded lists (merged, as they are in line order)
     * that is neither on a worded line nor taken already.
     */
    private rowsNotWorded(worded: ReadonlySet<number>): { rows: number; lastLine: number } {
        let rows = this.unlisted?.rows ?? 0;
        let lastLine = this.unlisted?.lastLine ?? 0;
        const lists = this.unworded;
        // The next index into each list.
        const next = lists.map(() => 0);
        for (;;) {
            let line = Infinity;
            lists.forEach((list, i) => { line = Math.min(line, list[next[i]!] ?? Infinity); });
            if (line === Infinity) return { rows, lastLine };
            lists.forEach((list, i) => { if (list[next[i]!] === line) next[i]!++; });
            if (!worded.has(line)) {
                rows++;
                lastLine = Math.max(lastLine, line);
            }
        }
    }
}
