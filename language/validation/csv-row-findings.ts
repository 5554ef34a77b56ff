/**
 * The `actuals-invalid` findings on the rows of one actuals block's CSV file.
 * They all mark the file string, so a file of a million bad rows would give a
 * million findings on one place: the problems of the first rows with problems
 * are listed, in line order, and one more finding counts the rest.
 */

/** How many rows with problems of one CSV file are listed, each with all its problems. */
export const CSV_ROWS_LISTED = 10;

export class CsvRowFindings {
    private readonly found: Array<{ line: number; message: string }> = [];

    constructor(private readonly name: string, private readonly file: string | undefined) {}

    add(line: number, message: string): void {
        this.found.push({ line, message });
    }

    /** The messages to report: those of the first CSV_ROWS_LISTED rows, in line order, then the count of the rest. */
    messages(): string[] {
        // Stable: the problems of one line keep the order they were found in.
        const sorted = [...this.found].sort((a, b) => a.line - b.line);
        const lines = [...new Set(sorted.map(f => f.line))];
        // One row more than the cap is listed: a count in its place would say no less.
        if (lines.length <= CSV_ROWS_LISTED + 1) return sorted.map(f => f.message);
        const lastListed = lines[CSV_ROWS_LISTED - 1]!;
        const rest = lines.slice(CSV_ROWS_LISTED);
        // `lines` sorts after every `line N` of the file in the CLI's output.
        return [...sorted.filter(f => f.line <= lastListed).map(f => f.message),
            `Actuals of '${this.name}': file "${this.file}" lines ${rest[0]} to ${rest[rest.length - 1]}: ${rest.length.toLocaleString('en')} more rows have problems; `
            + `only the first ${CSV_ROWS_LISTED} rows with problems are listed. Fix those, then check again.`];
    }
}
