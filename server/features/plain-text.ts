/**
 * Hover text for a client that reads no Markdown (its `hover.contentFormat`
 * lists only `plaintext`): the hovers' Markdown (bold, inline code, links,
 * escapes, the rule under the header) as the words it stands for.
 */
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';

/** True unless the client lists the formats it reads and Markdown is not among them. */
export function readsMarkdown(contentFormat: readonly string[] | undefined): boolean {
    return contentFormat === undefined || contentFormat.length === 0 || contentFormat.includes(MarkupKind.Markdown);
}

/** The hover with its Markdown as plain text. */
export function plainHover(hover: Hover): Hover {
    const contents = hover.contents;
    if (typeof contents !== 'object' || !('kind' in contents) || contents.kind !== MarkupKind.Markdown) return hover;
    const plain: MarkupContent = { kind: MarkupKind.PlainText, value: markdownToPlain(contents.value) };
    return { ...hover, contents: plain };
}

/** Markdown as the words it shows: `**a**` is a, `` `b` `` is b, `[c](d)` is `c (d)`, `\*` is *, a `---` rule is left out. */
export function markdownToPlain(markdown: string): string {
    return markdown.split('\n').filter(line => line.trim() !== '---').join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 ($2)')
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}
