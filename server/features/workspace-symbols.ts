import type { WorkspaceSymbolParams } from 'vscode-languageserver';
import type { SymbolInformation, WorkspaceSymbol } from 'vscode-languageserver';
import { CancellationToken } from 'vscode-languageserver';
import type { AstNodeDescription } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';

type Symbol = SymbolInformation | WorkspaceSymbol;

/**
 * Langium's workspace symbols (fuzzy, a word starting after `.`), best
 * match first: the name as typed (`ChurnRate`, or a member's simple name
 * `ChurnPilot.RepeatContactRate` for `RepeatContactRate`), then the same
 * in another case, then names that start with the query, then names with
 * the query whole from a word start, then the other fuzzy matches; within
 * each, by name and then file. A query from a member's dot (`.Probing`)
 * ranks as its simple name would.
 */
export class AlignWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols = await super.getSymbols(params, cancelToken);
        return rankSymbols(symbols, params.query);
    }

    /**
     * As Langium's, with a program member's program as its container: VS
     * Code sends the first word of `Probing ChurnPilot` and keeps the
     * answers whose container matches the rest.
     */
    override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        const symbol = super.getWorkspaceSymbol(description);
        const dot = description.name.lastIndexOf('.');
        return symbol && dot > 0 ? { ...symbol, containerName: description.name.slice(0, dot) } : symbol;
    }
}

/** The symbols sorted by how well their name matches `query` (see {@link AlignWorkspaceSymbolProvider}). */
export function rankSymbols<S extends Symbol>(symbols: readonly S[], query: string): S[] {
    const ranked = symbols.map(symbol => ({ symbol, rank: matchRank(symbol.name, query), uri: symbol.location.uri }));
    ranked.sort((a, b) => a.rank - b.rank || compare(a.symbol.name, b.symbol.name) || compare(a.uri, b.uri));
    return ranked.map(r => r.symbol);
}

/**
 * 0 exact, 1 exact in another case, 2 prefix, 3 the query whole from a
 * word start (`ShipTally` for `tally`), 4 any other fuzzy match; of the
 * whole name or its last segment.
 */
function matchRank(name: string, query: string): number {
    // A member's simple name; with its dot for a query typed from the dot (`.Probing`).
    const dot = name.lastIndexOf('.');
    const last = dot < 0 ? name : name.slice(query.startsWith('.') ? dot : dot + 1);
    if (query === '') return 4;
    if (name === query || last === query) return 0;
    const lower = query.toLowerCase();
    const names = [name.toLowerCase(), last.toLowerCase()];
    if (names.includes(lower)) return 1;
    if (names.some(n => n.startsWith(lower))) return 2;
    return wordStarts(name).some(i => name.slice(i, i + query.length).toLowerCase() === lower) ? 3 : 4;
}

/** Where the words of a name start: its start, after `.` or `_`, and at a lower-to-upper case change (as the fuzzy matcher). */
function wordStarts(name: string): number[] {
    const starts = [0];
    for (let i = 1; i < name.length; i++) {
        const previous = name[i - 1]!;
        const current = name[i]!;
        if (previous === '.' || (previous === '_' && current !== '_') || (/[a-z]/.test(previous) && /[A-Z]/.test(current))) starts.push(i);
    }
    return starts;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
