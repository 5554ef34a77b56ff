import { RULES } from '../language/rules.js';

export const MAIN_HELP = `Usage: align <command> [options]

Commands:
  check [paths...]   check .align files (default: the current folder)
  graph [paths...]   print the impact chain as Mermaid, DOT, JSON or SVG
  report [paths...]  write the monthly stakeholder review (Markdown or HTML)
  init [name]        write a template program that passes align check
  fmt [paths...]     format .align files in place (--check: only list them)
  pull [paths...]    pull actuals from databases or an xAPI LRS into snapshots
  diff BASE [HEAD]   what a change does to the impact chain (git or folders)
  help [command]     show this help, or the help of a command

Options:
  -h, --help         show help (also: align <command> --help)
  -v, --version      print the version

Exit status: 0 no error, 1 errors found, 2 usage error or unreadable input.
`;

export function checkHelp(): string {
    return `Usage: align check [paths...] [options]

Loads every .align file under the paths (default: .) as one workspace and
reports the findings of every rule. A folder without .align files is a
usage error (exit 2), as for graph, report, fmt and pull.

Options:
  -f, --format FORMAT        pretty, json, sarif, github, junit or gitlab (a
                             Code Quality report for merge requests). Default:
                             the format the extension of --output names
                             (.sarif: sarif; .json: json; .xml: junit), else
                             pretty. A --format that the extension
                             contradicts is kept, with a warning
  -o, --output FILE          write the report to FILE instead of standard output
                             (- for standard output); never an .align file,
                             align.config.json or another file the workspace
                             reads
      --root DIR             folder that sarif, github, gitlab and junit paths
                             are relative to (default: the nearest folder up
                             with a .git entry, else the current folder)
      --baseline FILE        report only findings that are not in FILE (matched
                             by rule, element and message key, not by line)
      --write-baseline FILE  record the current findings in FILE, report none
  -c, --config FILE          settings file (default: align.config.json at the
                             workspace root)
      --rule ID=SEVERITY     set a rule's severity: off, info, warning, error
                             (repeatable)
      --max-warnings N       exit 1 when there are more than N warnings
      --max-severity LEVEL   highest severity that still exits 0: warning
                             (default), info or error
      --max-lagging-kpis N   lagging KPIs a program's chain may have (default 3)
      --max-pilot-days N     longest pilot in days (default 90)
      --color, --no-color    force colour on or off, the last one given wins
                             (default: FORCE_COLOR=1 on, FORCE_COLOR=0 off,
                             else off when NO_COLOR is set, else on when
                             writing to a terminal)
  -h, --help                 show this help

Exit status: 0 no finding above --max-severity (and no more warnings than
--max-warnings), 1 otherwise, 2 on a usage error or unreadable input. When
warnings or infos alone give 1, a line on stderr says which option.

Rules:
${RULES.map(r => `  ${r.id.padEnd(30)} ${r.defaultSeverity.padEnd(8)} ${r.description}`).join('\n')}
`;
}

const WORKSPACE_OPTIONS_HELP = `  -c, --config FILE          settings file (default: align.config.json at the
                             workspace root)
      --rule ID=SEVERITY     set a rule's severity: off, info, warning, error
                             (repeatable)
      --max-lagging-kpis N   lagging KPIs a program's chain may have (default 3)
      --max-pilot-days N     longest pilot in days (default 90)`;

export function graphHelp(): string {
    return `Usage: align graph [paths...] [options]

Prints the impact chain of the .align files under the paths (default: .):
objectives, skills, behaviors, activity & learning metrics, leading and
lagging metrics, outcomes, and the edges between them (builds, enables,
moves, drives, measures; a direct kpi link dotted, red when unexplained).

Options:
  -f, --format FORMAT        mermaid: a flowchart for GitHub comments and
                             Markdown
                             dot: a Graphviz digraph (dot -Tpng)
                             json: the impact graph (nodes with their figures,
                             edges, coverage)
                             svg: a standalone drawing, the layout and styles of
                             the preview
                             Default: the format the extension of --output
                             names (.mmd: mermaid; .dot or .gv: dot; .json:
                             json; .svg: svg), else mermaid. A --format that
                             the extension contradicts is kept, with a warning
      --focus NAME           only the chain of one program or outcome (its name
                             or Program.Name); an unknown name is a usage error
                             (exit 2)
      --direction DIR        auto (default), right (layers left to right) or
                             down (top to bottom); for svg, auto lays it out
                             as the preview does in a 1600x1000 pane; mermaid
                             and dot run left to right unless down
  -o, --output FILE          write to FILE instead (- for standard output);
                             never an .align file, align.config.json or
                             another file the workspace reads
      --date YYYY-MM-DD      KPI statuses as of that day, as align report
                             judges them (deadline passed, target met, no
                             recent actual); actuals dated after it are left
                             out. Default: no date, each KPI's latest actual
                             against its trajectory
${WORKSPACE_OPTIONS_HELP}
  -h, --help                 show this help

Examples:
  align graph --format mermaid > impact.mmd
  align graph programs/ --focus ChurnPilot --format svg --output churn.svg
  align graph --format svg --direction down --output chain.svg
  align graph --focus ChurnPilot --format svg --date 2026-09-30 -o churn.svg

A file with syntax errors gets one line on standard error (its first error
and how many), then a line says to run align check: the graph leaves out
what could not be read.

Exit status: 0 when the graph is printed (whatever the findings, syntax errors
too), 2 on a usage error or unreadable input.
`;
}

export function reportHelp(): string {
    return `Usage: align report [paths...] [options]

Writes the monthly stakeholder review of the .align files under the paths
(default: .): workspace alignment coverage; for each program (and the
outcomes it serves) its KPIs (baseline, latest actual, target, deadline,
progress, on track), alignment coverage, the objectives without a KPI link,
the open findings by rule, and its ROI and benefit-cost ratio when its cost
and the KPIs' values are known; then outcomes that no program serves.

Options:
  -f, --format FORMAT        md: Markdown
                             html: one self-contained page, with the impact
                             chain as inline SVG
                             Default: the format the extension of --output
                             names (.html or .htm: html; .md: md), else md. A
                             --format that the extension contradicts is kept,
                             with a warning on standard error
  -o, --output FILE          write to FILE instead (- for standard output);
                             never an .align file, align.config.json or
                             another file the workspace reads
      --date YYYY-MM-DD      the report's date (default: today): KPI statuses
                             are as of that day (deadline passed, target
                             met, no recent actual); actuals dated after it
                             are left out
${WORKSPACE_OPTIONS_HELP}
  -h, --help                 show this help

Examples:
  align report --output review-2026-03.html
  align report --format html > review-2026-03.html

Exit status: 0 when the report is written (whatever the findings), 2 on a usage
error or unreadable input.
`;
}

export function initHelp(): string {
    return `Usage: align init [name] [options]

Writes a commented template program named NAME (default: MyProgram) to
NAME in kebab case with .align (MyProgram -> my-program.align) in the
current folder, or to the file that standard output is redirected to
(align init ChurnPilot > churn-pilot.align). The template, the same as VS
Code's New Program from Template, has an outcome, a lagging KPI with its
data definition, a leading KPI that drives it, a skill, a behavior observed
and reinforced on the job, a manager toolkit, an objective with practice,
and the program with sponsor, owner, outcome, pilot and review; align check
reports nothing on it. Every declaration is inside the program, so
templates never clash.

With --template NAME, the program comes from one of the templates that
align.config.json names ("templates": a package or folder of *.align files,
in which \${name} and \${title} are replaced); builtin is the built-in one.

Options:
  -o, --output FILE          write to FILE instead (- for standard output)
      --force                overwrite the file if it exists (otherwise: exit 2)
      --date YYYY-MM-DD      first day of the pilot (default: today); the
                             built-in template only (others keep their dates)
  -t, --template NAME        the template to start from (default: builtin)
      --list-templates       list the templates: the built-in one and the
                             configured ones
      --title TEXT           the program's title (default: from its name)
  -h, --help                 show this help

NAME must be an Align name: letters, digits and _, not starting with a digit,
and not a word that starts a declaration (program, metric, ...); a leading _
stays in the file name (_Draft -> _draft.align). A NAME the workspace already
declares is refused (it would be a duplicate-name error in both files). The
workspace is the nearest folder, the file's or above, with align.config.json
(else align.lock.json), as for align check, else the file's folder alone; a
folder still to be made holds no names of its own.

Exit status: 0 when the program is written (or printed, or the templates
listed), 2 on a usage error: a name or --date that is not usable, a file that
exists (without --force) or cannot be written, a name the workspace declares,
an unknown template or an align.config.json whose templates cannot be read.
`;
}

export function fmtHelp(): string {
    return `Usage: align fmt [paths...] [options]

Formats every .align file under the paths (default: .) in place, in the one
canonical layout (the editor's Format Document), and lists the files it
changed. Comments, line ends (CRLF or LF) and a UTF-8 byte order mark are
kept. A file with a syntax error, or one that is binary, not UTF-8 or
unreadable, is reported on standard error (align: file:line:column message)
and left as it is; the others are still formatted.

Options:
      --check                write nothing; print "FILE: not formatted" for
                             each file that would change, then the align fmt
                             command to run, and exit 1 if there is any
  -h, --help                 show this help

Exit status: 0 all files formatted (with --check: none would change), 1 a file
would change (--check) or has a syntax error (or is not Align source), 2 usage
error, a path or folder it cannot read, or a file it cannot write (the others
are still formatted).
`;
}

export function pullHelp(): string {
    return `Usage: align pull [paths...] [options]

Runs every \`pull\` of the .align files under the paths (default: .): each
\`actuals Metric from "file.csv" { pull ... }\` block's query or xAPI request,
writes the snapshot file (period,value rows in period order; a temporary
file renamed over the old one, only when the pull succeeded) and records it
in align.lock.json (the nearest one up to the workspace root). align check
and the editor read only the snapshots and compare them with the lock file
(rule snapshot-drift); they never connect to anything.

Sources:
  pull sql "q.sql"                  DuckDB in memory over the workspace's CSV,
                                    Parquet and JSON files
  pull sql "q.sql" on "db.duckdb"   a DuckDB or SQLite file
  pull sql "q.sql" on env "VAR"     PostgreSQL: VAR holds a postgres:// URL
  pull xapi env "VAR" { ... }       an LRS's statements resource: VAR holds its
                                    xAPI endpoint

Options:
  -m, --metric NAME          only the pulls of this metric (Name or
                             Program.Name; repeatable)
      --dry-run              run the pulls and say whether each would create,
                             change or keep its snapshot, and add or update
                             its lock record; write nothing
  -c, --config FILE          settings file (default: align.config.json at the
                             workspace root)
  -h, --help                 show this help

Secrets come from environment variables only (the URL in \`on env\`, the
endpoint and \`auth env "VAR"\` key:secret of an LRS); messages and the lock
file name the variable, never its value. ALIGN_PULL_TIMEOUT sets the
time-out in seconds of a connection or request (default 30) and of a SQL
query, DuckDB, PostgreSQL or SQLite (default 300). An LRS is reached through
the proxy in HTTPS_PROXY or HTTP_PROXY unless NO_PROXY lists its host; a
certificate signed by your organisation's CA needs that CA's file in
NODE_EXTRA_CA_CERTS (PostgreSQL: sslrootcert=FILE in the URL).

Exit status: 0 every pull succeeded, 1 a pull failed (one line each on
standard error: metric, source, cause; the other snapshots are still written),
2 usage error or unreadable input.
`;
}

/** The commands of `align`. */
export const COMMANDS = ['check', 'graph', 'report', 'init', 'fmt', 'pull', 'diff', 'help'] as const;

export const HELP_HELP = `Usage: align help [command]

Shows the commands of align, or the help of one command (the same as
align <command> --help).

Commands: ${COMMANDS.join(', ')}
`;


export function diffHelp(): string {
    return `Usage: align diff BASE [HEAD] [options] [-- paths...]

Compares the impact chain of two versions of a workspace and reports what
the change does to it: elements added, removed, renamed (same kind, title
and links, new name) and changed (kind, title, any attribute, the latest
actual); links added and removed; objectives that gained or lost their KPI
link; alignment coverage and ROI before and after; findings new and fixed.
Reordering declarations, moving them between files and reformatting give
an empty diff.

BASE and HEAD are git revisions (main, HEAD~1, a commit), read with git
from the repository that holds the paths, without touching its work tree;
HEAD defaults to the working tree (the files on disk). A range reads as in
git diff: main...feature is the merge base of main and feature against
feature (what a pull request changes), main..feature is main against
feature; an empty end is HEAD. A revision without .align files (before the
workspace was added) is an empty workspace. Or BASE and HEAD are two
folders, each holding .align files (a usage error otherwise). Paths
(default: .) come after --; they must be in the repository. A name that is
an existing folder is read as the folder; write main~0 for the revision
main when a folder main/ exists. In a shallow clone, fetch the base first
(the error says how).

Options:
  -f, --format FORMAT        text: for a terminal, as wide as it is (80
                             columns in a file or a pipe)
                             md: one pull-request comment (summary, table,
                             Mermaid picture of the changed neighbourhood,
                             details), with the hidden marker
                             <!-- align-diff -->
                             json: the comparison, schema align-diff/v1
                             (docs/diff.md)
                             Default: the format the extension of --output
                             names (.md: md; .json: json), else text. A
                             --format that the extension contradicts is kept,
                             with a warning
  -o, --output FILE          write to FILE instead (- for standard output);
                             never an .align file or align.config.json
${WORKSPACE_OPTIONS_HELP}
  -h, --help                 show this help

Examples:
  align diff main
  align diff origin/main... --format md --output align-diff.md -- programs/
  align diff old-programs/ programs/ --format json

Exit status: 0 when the comparison is printed (whatever it says), 2 on a usage
error, an unknown revision or unreadable input.
`;
}

/** The help of a command, or undefined for an unknown one. */
export function commandHelp(command: string | undefined): string | undefined {
    switch (command) {
        case 'help': return HELP_HELP;
        case 'check': return checkHelp();
        case 'graph': return graphHelp();
        case 'report': return reportHelp();
        case 'init': return initHelp();
        case 'fmt': return fmtHelp();
        case 'pull': return pullHelp();
        case 'diff': return diffHelp();
        default: return undefined;
    }
}
