/**
 * `align pull` refusing a pull block with a syntax error names the pull as
 * written, up to the end of its line, whichever line ends the file uses
 * (`\n`, `\r\n` or a lone `\r`, as the lexer counts them): never the text
 * of the next lines (child process on the built bundle).
 */
import { requireBundle, runCli } from '../run-cli.js';
import { assertPullFailed, pulledKpi, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

describe('align pull: the refused pull as written, whatever the line ends (child process on the built bundle)', function () {
    this.timeout(120_000);
    let ws: TempWorkspace;
    before(requireBundle);
    afterEach(() => ws?.remove());

    for (const [name, eol] of [['\\n', '\n'], ['\\r\\n', '\r\n'], ['a lone \\r', '\r']] as const) {
        it(`line ends ${name}: the message shows the pull's line only`, () => {
            const lines = ['actuals M from "data/m.csv" {', '  pull sql "queries/q.sql" on env PGURL', '}', pulledKpi('M', 'monthly')];
            ws = tempWorkspace({ 'queries/q.sql': "SELECT '2026-01' AS period, 1 AS value", 'm.align': lines.join(eol) + eol });
            const result = runCli(['pull'], { cwd: ws.root, env: { PGURL: 'postgres://nobody@127.0.0.1:1/none' } });
            assertPullFailed(result, 'align: pull failed: M, sql "queries/q.sql" on env PGURL: m.align:2:35:', 'nothing was run');
        });
    }
});
