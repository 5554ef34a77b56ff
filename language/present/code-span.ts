/**
 * Code spans in messages, the CommonMark way (spec 0.31, section 6.1): a
 * message quotes the user's data (a cell, a period, a word it could not
 * read) as a code span, and the report, its Markdown and `align diff`'s
 * Markdown show those spans as code. Data that holds backticks is quoted
 * with a longer fence, so that the spans pair as written.
 */

/**
 * `text` as a code span: in single backticks (`` `12x` ``) unless it holds
 * a backtick; then in a fence one backtick longer than its longest run,
 * with a space inside each end where it starts or ends with a backtick
 * (`` a`b ``, ``` `` `x` `` ```). A text that starts and ends with a space
 * (and is not all spaces) gets one more space at each end too, which
 * CommonMark strips, so that its own spaces show.
 */
export function codeSpan(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    const spaced = text.startsWith(' ') && text.endsWith(' ') && /[^ ]/.test(text);
    const pad = text.startsWith('`') || text.endsWith('`') || spaced ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}

/** A part of a message: its own text, or the text of a code span. */
export type MessagePart = string | { readonly code: string };

/**
 * A message's text and code spans, paired as CommonMark pairs them: a run
 * of N backticks opens a span that only the next run of exactly N closes; a
 * run that nothing closes is literal text. A span's line breaks read as
 * spaces, and one space is stripped from each end when both ends have one
 * and the span is not all spaces. Messages are plain text, not Markdown: a
 * backslash is literal, it escapes no backtick. An empty message has no
 * parts.
 */
export function messageParts(message: string): MessagePart[] {
    const parts: MessagePart[] = [];
    const runs = [...message.matchAll(/`+/g)].map(run => ({ at: run.index, length: run[0].length }));
    let from = 0;
    for (let i = 0; i < runs.length; i++) {
        const open = runs[i]!;
        let close = i + 1;
        while (close < runs.length && runs[close]!.length !== open.length) close++;
        if (close === runs.length) continue;
        if (open.at > from) parts.push(message.slice(from, open.at));
        parts.push({ code: spanContent(message.slice(open.at + open.length, runs[close]!.at)) });
        from = runs[close]!.at + open.length;
        i = close;
    }
    if (from < message.length) parts.push(message.slice(from));
    return parts;
}

/** What a code span shows of the characters between its fences. */
function spanContent(raw: string): string {
    const flat = raw.replace(/\r\n|\r|\n/g, ' ');
    return flat.length >= 2 && flat.startsWith(' ') && flat.endsWith(' ') && /[^ ]/.test(flat) ? flat.slice(1, -1) : flat;
}
