/**
 * The report as a list of blocks (headings, paragraphs, tables, lists, the
 * drawing), written once and rendered as Markdown or HTML, so that both
 * formats say the same.
 */
import { TRACK_WORDS, type TrackState } from '../../language/present/index.js';

/** A piece of inline text: plain text, code, strong text, or an on-track mark. */
export type Span = string | { code: string } | { strong: string } | { status: TrackState };

/** Inline text. */
export type Inline = Span[];

export type Align = 'left' | 'right' | 'center';

export type Block =
    | { type: 'heading'; level: 1 | 2 | 3; text: Inline; id?: string }
    | { type: 'paragraph'; text: Inline }
    | { type: 'table'; columns: Array<{ label: string; align: Align }>; rows: Inline[][] }
    | { type: 'list'; items: Array<{ text: Inline; items?: Inline[] }> }
    /** The impact chain drawn as SVG; only the HTML report shows it. */
    | { type: 'drawing'; title: string; svg: () => string };

/**
 * Text whose backtick-quoted parts are code (rule messages: "add `source`").
 * When the backticks do not pair up, all of it is plain text.
 */
export function withCode(text: string): Inline {
    const parts = text.split('`');
    if (parts.length % 2 === 0) return [text];
    return parts.flatMap((part, i): Span[] => part === '' ? [] : [i % 2 === 1 ? { code: part } : part]);
}

/** Plain text of inline text (for titles and attributes). */
export function plainText(inline: Inline): string {
    return inline.map(span => typeof span === 'string' ? span : 'code' in span ? span.code : 'strong' in span ? span.strong : STATUS_WORDS[span.status]).join('');
}

export const STATUS_WORDS = TRACK_WORDS;
/** Shown before the words, never instead of them; none when it cannot be told. */
export const STATUS_MARKS: Readonly<Record<TrackState, string>> = { on: '✅', off: '⚠️', unknown: '' };

/** The status as text: `✅ on track`, `track unknown`. */
export function statusLine(status: TrackState): string {
    return STATUS_MARKS[status] ? `${STATUS_MARKS[status]} ${STATUS_WORDS[status]}` : STATUS_WORDS[status];
}
