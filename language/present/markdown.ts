/**
 * A user's string (a title, a source, an owner) or a message as Markdown
 * that reads literally: Markdown's and HTML's special characters are
 * escaped, so that `CRM **report**`, `[link](http://x)`, `<b>` or a
 * backslash show as written. For the hover and the status bar's tooltip.
 */
export function literalText(text: string): string {
    return text.replace(/\r?\n/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&');
}
