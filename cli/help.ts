import { RULES } from '../language/rules.js';

export const MAIN_HELP = `Usage: align <command> [options]

Commands:
  check [paths...]   check .align files (default: the current folder, recursively)
  help [check]       show this help, or the help of a command

Options:
  -h, --help         show help (also: align check --help)
  -v, --version      print the version

Exit status: 0 no error, 1 errors found, 2 usage error or unreadable input.
`;

export function checkHelp(): string {
    return `Usage: align check [paths...] [options]

Loads every .align file under the paths (default: .) as one workspace and
reports the findings of every rule.

Options:
  -f, --format FORMAT        pretty (default), json, sarif, github, junit
  -o, --output FILE          write the report to FILE instead of standard output
  -c, --config FILE          settings file (default: align.config.json at the workspace root)
      --rule ID=SEVERITY     set a rule's severity: off, info, warning, error (repeatable)
      --max-warnings N       exit 1 when there are more than N warnings
      --max-severity LEVEL   highest severity that still exits 0: warning (default), info, error
      --max-lagging-kpis N   lagging KPIs a program's chain may have (default 3)
      --max-pilot-days N     longest pilot in days (default 90)
      --color, --no-color    force colour on or off (default: on when writing to a terminal)
  -h, --help                 show this help

Rules:
${RULES.map(r => `  ${r.id.padEnd(30)} ${r.defaultSeverity.padEnd(8)} ${r.description}`).join('\n')}
`;
}
