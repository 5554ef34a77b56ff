/**
 * What a node box says and how tall that makes it: the title wrapped to at
 * most three lines, the name line, and the footer of its kind (an
 * objective's KPIs, a behavior's toolkits, a metric's figures, progress and
 * status), each fitted to the box width with the injected measurer (a
 * metric's figures are never cut: they wrap onto more lines). The
 * layout sizes boxes with it and the SVG draws exactly these lines.
 */
import type { GraphNode, MetricFigures } from '../graph/types.js';
import { TEXT, type MeasureText, type TextStyle } from './measure.js';
import { deadlineText, figuresText, nameWords, plural, statusText, truncate, wrap, wrapPhrases } from './text.js';

/** Horizontal padding inside a box, and where text starts (after the kind icon). */
export const PAD = 10;
export const TEXT_X = 32;
/** At most this many title lines; the rest ends in an ellipsis. */
export const TITLE_LINES = 3;
const LINE = 15;
/** Line pitch of the small text (footers, status). */
export const SMALL_LINE = 14;
const TITLE_TOP = 22;
const BOTTOM = 10;

/** The lines of one node, and where they go (offsets from the box's top). */
export interface NodeText {
    /** Title lines (the name when the node has no title). */
    readonly title: readonly string[];
    readonly titleY: readonly number[];
    /** `Name · kind` or `Name · Program`, in the monospace font. */
    readonly name: string;
    readonly nameY: number;
    /** The name wrapped onto several lines (SMALL_LINE apart) instead of cut: full text only. */
    readonly nameLines?: readonly string[];
    /** Objective: `2 KPIs · 1 outcome` (undefined: the "no KPI link" label). Behavior: `reinforced by ...` (two lines at most). */
    readonly footer?: readonly string[];
    /** Baseline of the footer's first line; the next ones follow SMALL_LINE apart. */
    readonly footerY?: number;
    /**
     * Metric rows: figures, progress bar top, status (two lines at most); the
     * deadline at the end of the figures' last row, else on a row of its own
     * under them (above the bar: it belongs to the target).
     */
    readonly metric?: {
        figures: string; deadline: string; deadlineY: number; figuresY: number; barY: number; status: readonly string[]; statusY: number;
        /** The figures on several lines (SMALL_LINE apart) when one is too narrow for them: never cut. */
        figureLines?: readonly string[];
    };
    readonly height: number;
}

/**
 * The text of a node box `width` wide. With `full`, nothing is cut with an
 * ellipsis: titles, names, footers and statuses take as many lines as they
 * need (print, where a reader cannot hover or zoom to read the rest).
 */
export function nodeText(node: GraphNode, toolkits: readonly GraphNode[], width: number, measure: MeasureText, full = false): NodeText {
    const inner = width - TEXT_X - PAD;
    const most = (lines: number): number => full ? Infinity : lines;
    // A blank title has no line to measure (the graph leaves it out; another producer of graphs may not).
    const title = wrap(node.title?.trim() ? node.title : node.name, inner, TEXT.title, most(TITLE_LINES), measure);
    const titleY = title.map((_, i) => TITLE_TOP + i * LINE);
    const nameY = titleY[titleY.length - 1]! + 16;
    const suffix = node.metric ? `· ${node.metric.kind ?? 'untyped'}` : node.program ? `· ${node.program}` : '';
    const nameLines = full ? nameWrapped(node.name, suffix, inner, measure) : [truncate(suffix ? `${node.name} ${suffix}` : node.name, inner, TEXT.name, measure)];
    const name = nameLines[0]!;
    const base = { title, titleY, name, nameY, ...(nameLines.length > 1 ? { nameLines } : {}) };
    const nameBottom = nameY + (nameLines.length - 1) * SMALL_LINE;
    if (node.kind === 'objective') {
        const footerY = nameBottom + 17;
        const links = node.objective;
        const footer = links && links.kpis.length > 0
            ? fitted(plural(links.kpis.length, 'KPI') + (links.outcomes.length > 0 ? ` · ${plural(links.outcomes.length, 'outcome')}` : ''), inner, TEXT.small, measure, full)
            : undefined;
        return { ...base, footer, footerY, height: footerY + ((footer?.length ?? 1) - 1) * SMALL_LINE + BOTTOM + (footer ? 0 : 4) };
    }
    if (node.kind === 'behavior' && toolkits.length > 0) {
        const footerY = nameBottom + 17;
        const kits = toolkits.length === 1 ? toolkits[0]!.name : plural(toolkits.length, 'toolkit');
        const footer = wrap(`reinforced by ${kits}`, inner - 16, TEXT.small, most(2), measure);
        return { ...base, footer, footerY, height: footerY + (footer.length - 1) * SMALL_LINE + BOTTOM };
    }
    if (node.metric) {
        const { rows, bottom } = metricRows(node.metric, width, nameBottom, measure, full);
        return { ...base, metric: rows, height: bottom + BOTTOM };
    }
    return { ...base, height: nameBottom + BOTTOM };
}

/** A metric's rows under its name line, and the baseline of the last one. */
function metricRows(m: MetricFigures, width: number, nameY: number, measure: MeasureText, full: boolean): { rows: NonNullable<NodeText['metric']>; bottom: number } {
    const bar = width - 2 * PAD;
    const deadline = m.deadline ? `by ${deadlineText(m, 'short')}` : '';
    const deadlineWidth = deadline ? measure(deadline, TEXT.small) + 8 : 0;
    const figureLines = figuresWrapped(figuresText(m), bar, measure);
    const figures = figureLines[figureLines.length - 1]!;
    const figuresY = nameY + 19;
    const figuresBottom = figuresY + (figureLines.length - 1) * SMALL_LINE;
    // The deadline goes with the target: at the end of the figures' last line, else on the line under it.
    const deadlineY = deadline && measure(figures, TEXT.figures) + deadlineWidth > bar ? figuresBottom + SMALL_LINE : figuresBottom;
    const barY = deadlineY + 6;
    const statusY = barY + 19;
    const status = wrapPhrases(statusText(m), bar - 16, TEXT.smallBold, full ? Infinity : 2, measure);
    const last = statusY + (status.length - 1) * SMALL_LINE;
    const more = figureLines.length > 1 ? { figureLines } : {};
    return { rows: { figures: figureLines[0]!, deadline, deadlineY, figuresY, barY, status, statusY, ...more }, bottom: last };
}

/**
 * The name line in full: the name wrapped, then `· kind` on its last line
 * when it fits, else the kind on a line of its own, the separator left at
 * the end of the name's line (`EnergyIsolation ·` / `FieldSafetyPilot`).
 */
function nameWrapped(name: string, suffix: string, width: number, measure: MeasureText): string[] {
    return suffix ? wrapPhrases(`${name} ${suffix}`, width, TEXT.name, Infinity, measure) : wrap(name, width, TEXT.name, Infinity, measure);
}

/**
 * The figures (`baseline → actual → target`) on as many lines as they need,
 * never cut: a reader compares the three, and the target is the point. A
 * line breaks before an arrow (`55% → 67.6%` / `→ 80%`); a part wider than a
 * line wraps as any text does.
 */
export function figuresWrapped(text: string, width: number, measure: MeasureText): string[] {
    const [first, ...rest] = text.split(' → ');
    const lines = [first!];
    for (const part of rest) {
        const joined = `${lines[lines.length - 1]!} → ${part}`;
        if (measure(joined, TEXT.figures) <= width) lines[lines.length - 1] = joined;
        else lines.push(`→ ${part}`);
    }
    return lines.flatMap(line => wrap(line, width, TEXT.figures, Infinity, measure));
}

/** One line cut with an ellipsis, or with `full` as many lines as the text needs. */
function fitted(text: string, width: number, style: TextStyle, measure: MeasureText, full: boolean): string[] {
    return full ? wrap(text, width, style, Infinity, measure) : [truncate(text, width, style, measure)];
}

/** A zoomed-out name's line pitch, and the height of a line's glyphs (ascent and descent), in ems of its size. */
export const SHORT_PITCH = 1.05;
const SHORT_EXTENT = 1.12;

/**
 * The compact form of a node far zoomed out: its name at `size` px (not
 * bold: a tenth more letters fit) in a room `width` by `height`, wrapped
 * over as many lines as the height holds, between the words of a name such
 * as `AskOpenQuestions` (see wrap). Where that would break a word between
 * letters (`Renewa` / `lRate`), each line starts a word instead and a word
 * too long for its line is cut with an ellipsis (`Renew…` / `Rate`); the
 * last line holds the rest of the name, cut when it needs more.
 */
export function shortLabel(node: GraphNode, width: number, height: number, size: number, measure: MeasureText): string[] {
    const style = { size };
    const most = Math.max(1, 1 + Math.floor((height - SHORT_EXTENT * size) / (SHORT_PITCH * size)));
    const name = node.name;
    const lines = wrap(name, width, style, Infinity, measure);
    const words = nameWords(name);
    if (lines.length <= most && (words.length === 1 || wordsWhole(lines, words))) return lines;
    if (words.length === 1) {
        // A name is an identifier (no spaces): the last line goes on with the rest of it, joined again.
        const kept = lines.slice(0, most - 1);
        return [...kept, truncate(name.slice(kept.join('').length), width, style, measure)];
    }
    const starts = words.slice(0, most - 1);
    const rest = words.slice(most - 1).join('');
    return [...starts, ...(rest ? [rest] : [])].map(line => truncate(line, width, style, measure));
}

/** True when each line of a wrapped name (the name's `words`, in lines) ends where one of its words ends. */
function wordsWhole(lines: readonly string[], words: readonly string[]): boolean {
    const ends = new Set<number>();
    let at = 0;
    for (const word of words) ends.add(at += word.length);
    at = 0;
    return lines.every(line => ends.has(at += line.length));
}
