/**
 * Text for a client that reads no Markdown (its `hover.contentFormat`, or
 * its `completionItem.documentationFormat`, lists only `plaintext`): the
 * hovers' and completion items' Markdown (bold, inline code, links,
 * escapes, the rule under the header) as the words it stands for.
 */
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';

/** True unless the client lists the formats it reads and Markdown is not among them. */
export function readsMarkdown(contentFormat: readonly string[] | undefined): boolean {
    return contentFormat === undefined || contentFormat.length === 0 || contentFormat.includes(MarkupKind.Markdown);
}

/** Markdown content as plain text; other content as it is. */
function plainMarkup<T>(content: T | MarkupContent): T | MarkupContent {
    if (typeof content !== 'object' || content === null || !('kind' in content) || content.kind !== MarkupKind.Markdown) return content;
    return { kind: MarkupKind.PlainText, value: markdownToPlain(content.value) };
}

/** The hover with its Markdown as plain text. */
export function plainHover(hover: Hover): Hover {
    return { ...hover, contents: plainMarkup(hover.contents) };
}

/** The completion item with its Markdown documentation as plain text. */
export function plainCompletionItem(item: CompletionItem): CompletionItem {
    return item.documentation === undefined ? item : { ...item, documentation: plainMarkup(item.documentation) };
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
