/**
 * The report as a list of blocks (headings, paragraphs, tables, lists,
 * charts, the drawing), written once and rendered as Markdown or HTML, so
 * that both formats say the same. Charts are drawn in HTML; Markdown prints
 * their text (a trend line per metric) instead.
 */
import { messageParts, TRACK_WORDS } from '../../language/present/index.js';

/** An on-track state: HTML draws a glyph beside the words, Markdown writes the words. */
export type TrackMark = 'on' | 'off' | 'unknown';
export type SeverityMark = 'error' | 'warning' | 'info';

/** A piece of inline text. */
export type Span =
    | string
    /**
     * Text from the user's files (a title, a description, a sponsor): HTML
     * isolates its direction, so that a right-to-left title or a stray bidi
     * control in it never reorders the report's text around it.
     */
    | { user: string }
    /** A commit Align names (hex): Markdown leaves it for GitHub to link, where a run of hex digits in other text is broken. */
    | { commit: string }
    | { code: string }
    | { strong: string }
    /** Figures with their unit (`30 days`, `81,812 USD (raw 96,000 USD)`): HTML keeps each number on the line of its unit. */
    | { value: string }
    /** A mark with its words (default: the on-track words). */
    | { status: TrackMark; words?: string }
    | { severity: SeverityMark }
    /** A link (rule documentation); `mono` shows the text as code. */
    | { link: string; text: string; mono?: boolean }
    /** A link to a heading of the page (HTML); Markdown writes the text alone (hosts give headings their own anchors). */
    | { ref: string; text: Span[] };

/** Inline text. */
export type Inline = Span[];

export type Align = 'left' | 'right' | 'center';

/** A chart's view for a narrower screen (report-css.ts says which window widths show it). */
export type NarrowView = 'kpi-narrow' | 'progress-medium' | 'progress-narrow';

/** A chart: drawn in HTML (or its note when there is nothing to draw); Markdown prints `lines`. */
export interface ChartFigure {
    /** A KPI's chart, or a program's learning beside its KPIs (rows on one time axis). */
    kind: 'kpi' | 'progress';
    caption: Inline;
    svg?: () => string;
    /**
     * The chart drawn again for narrower screens, each shown instead of
     * `svg` below its window width (report-css.ts); print always shows `svg`.
     */
    narrower?: ReadonlyArray<{ readonly view: NarrowView; readonly svg: () => string }>;
    /** Said in place of the chart when there is none (no actuals yet). */
    note?: Inline;
    /** The chart in words, for Markdown: one line per metric. */
    lines: Inline[];
}

/** One figure of the at-a-glance strip. */
export interface GlanceItem {
    label: string;
    value: string;
    /** A word or two under the value. */
    note?: Inline;
    mark?: TrackMark;
}

export type Block =
    | { type: 'heading'; level: 1 | 2 | 3; text: Inline; id?: string }
    | { type: 'paragraph'; text: Inline; muted?: boolean }
    /** How to read the report (muted): `charts` says how to read the charts, so only HTML, which draws them, shows it. */
    | { type: 'legend'; charts: Inline; text: Inline }
    /** `rowHeader`: the column whose cell names each row's subject (HTML: a row header), default the first. */
    | { type: 'table'; columns: Array<{ label: string; align: Align }>; rows: Inline[][]; rowHeader?: number }
    | { type: 'list'; items: Array<{ text: Inline; items?: Inline[] }> }
    | { type: 'code'; language: string; text: string }
    /** A part that starts on a new page when printed (a program, the outcomes no program serves). */
    | { type: 'section'; id: string; blocks: Block[] }
    /** Blocks kept on one printed page (a heading with its chart). */
    | { type: 'group'; blocks: Block[] }
    | { type: 'glance'; items: GlanceItem[] }
    /** Charts: `wide` ones take the page's width, the others sit two to a row. */
    | { type: 'charts'; wide?: boolean; charts: ChartFigure[] }
    /** A warning at the top of the report that its figures are incomplete (files that could not be read), with what it concerns. */
    | { type: 'notice'; text: Inline; items: Inline[] }
    /** The page's table of contents (HTML only): links to the headings of these ids. */
    | { type: 'contents'; title: string; id: string; items: Array<{ ref: string; text: Inline }> }
    /** The impact chain: SVG in HTML, a Mermaid graph (or a note why not) in Markdown. */
    | { type: 'drawing'; title: string; svg: () => string; mermaid: () => Block[] };

/**
 * Text whose code spans are code (rule messages: "add `source`", "value
 * `` 1`2 `` is not a number"), paired as CommonMark pairs them
 * (`messageParts`): a run of backticks that nothing closes is plain text.
 */
export function withCode(text: string): Inline {
    return messageParts(text);
}

/**
 * A message (a finding's) whose backtick-quoted parts are code and whose
 * double-quoted parts (a title, a file's name, a cell of a CSV file) are
 * the user's text, inside their quotes. A part whose quotes do not pair up
 * stays plain text.
 */
export function messageSpans(message: string): Inline {
    return withCode(message).flatMap((span): Span[] => {
        if (typeof span !== 'string') return [span];
        const parts = span.split('"');
        if (parts.length % 2 === 0) return [span];
        return parts.flatMap((part, i): Span[] => i % 2 === 0 ? (part === '' ? [] : [part]) : ['"', ...(part === '' ? [] : [{ user: part }]), '"']);
    });
}

/** Plain text of inline text (for titles and attributes). */
export function plainText(inline: Inline): string {
    return inline.map(span => {
        if (typeof span === 'string') return span;
        if ('user' in span) return span.user;
        if ('commit' in span) return span.commit;
        if ('code' in span) return span.code;
        if ('strong' in span) return span.strong;
        if ('value' in span) return span.value;
        if ('status' in span) return span.words ?? STATUS_WORDS[span.status];
        if ('severity' in span) return span.severity;
        if ('ref' in span) return plainText(span.text);
        return span.text;
    }).join('');
}

export const STATUS_WORDS = TRACK_WORDS;
