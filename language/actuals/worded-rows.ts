import { CSV_ROWS_WORDED } from './csv-actuals.js';

/**
 * The rows with one kind of problem of an actuals block, taken in row order
 * (out of order, a period an earlier block gives, a percentage for a metric
 * of another unit): the problems of an inline row and of the first
 * CSV_ROWS_WORDED rows of a CSV file are worded; the other CSV rows keep
 * only their line. Their findings all mark the file string, where only the
 * first rows with problems are listed (csv-row-findings.ts), so a file of a
 * million rows out of order words 11 rows, not a million. The lines are
 * kept, not counted, since one row can have problems of several kinds: the
 * rows with problems are counted once each.
 */
export class WordedRows<T> {
    /** The problems worded, in the order added. */
    readonly worded: T[] = [];
    /** The lines of the CSV rows not worded, in the order added (line order: a CSV file's entries are in line order). */
    readonly unworded: number[] = [];
    private csvRows = 0;

    /**
     * Whether the problem of the row (an inline row without `csvLine`, or a
     * CSV row) is to be worded and pushed to `worded`; when it is not, its
     * line is kept in `unworded`.
     */
    words(csvLine: number | undefined): boolean {
        if (csvLine === undefined || ++this.csvRows <= CSV_ROWS_WORDED) return true;
        this.unworded.push(csvLine);
        return false;
    }
}
