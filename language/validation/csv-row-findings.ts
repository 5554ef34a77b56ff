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

    /** The messages to report: those of the first CSV_ROWS_LISTED rows, in line order, then the count of the rest. */
    messages(): string[] {
        // Stable: the problems of one line keep the order they were found in.
        const sorted = [...this.found].sort((a, b) => a.line - b.line);
        const lines = [...new Set(sorted.map(f => f.line))];
        const unlisted = this.unlisted;
        // One row more than the cap is listed: a count in its place would say no less.
        if (lines.length + (unlisted?.rows ?? 0) <= CSV_ROWS_LISTED + 1) return sorted.map(f => f.message);
        const lastListed = lines[CSV_ROWS_LISTED - 1]!;
        const rest = lines.slice(CSV_ROWS_LISTED);
        const count = rest.length + (unlisted?.rows ?? 0);
        const last = Math.max(rest[rest.length - 1]!, unlisted?.lastLine ?? 0);
        // `lines` sorts after every `line N` of the file in the CLI's output.
        return [...sorted.filter(f => f.line <= lastListed).map(f => f.message),
            `Actuals of '${this.name}': file "${this.file}" lines ${rest[0]} to ${last}: ${count.toLocaleString('en')} more rows have problems; `
            + `only the first ${CSV_ROWS_LISTED} rows with problems are listed. Fix those, then check again.`];
    }
}
