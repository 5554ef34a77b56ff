/**
 * Small workspaces for the graph, report and Mermaid tests, besides the
 * examples in test/fixtures/examples.
 */

/**
 * Titles full of characters that Mermaid, DOT, Markdown, HTML and XML read
 * as syntax, and names that are Mermaid keywords (`end`, `graph`, `subgraph`,
 * `class`...). Clean apart from one warning (no leading KPI).
 */
export const NASTY_ALIGN = String.raw`outcome end "Say \"hi\" #1 <b>bold</b> [x] {y} (z) | a; b & c ${'`'}x${'`'} %% d \\ e <script>alert(1)</script>" {
  measured by graph
}

metric graph "A -->|x| B; click end call alert() %%{init}%% #quot; *em* _u_" {
  kind lagging
  unit percent
  direction up
  baseline 1%
  target 2% by 2026-12-31
  source "x"
  owner "y"
  cadence monthly
}

program subgraph "style classDef ]]> <!-- -->" {
  sponsor "s"
  serves end
  review monthly

  skill flowchart "<br/>&amp; &lt;"

  behavior direction "line\\nbreak" {
    enabled by flowchart
    moves graph
    observed by manager
  }

  objective class "o" {
    builds flowchart
    practice case "c"
  }
}
`;

/** The title of the outcome of {@link NASTY_ALIGN}, as text (after the Align escapes). */
export const NASTY_OUTCOME_TITLE = 'Say "hi" #1 <b>bold</b> [x] {y} (z) | a; b & c `x` %% d \\ e <script>alert(1)</script>';

/**
 * Two programs with a local outcome of the same name (`--focus Out` is
 * ambiguous, `--focus P1.Out` is not), and graph ids that sanitise to the
 * same Mermaid id (`P1.Skill` and the global `P1_Skill`).
 */
export const TWO_PROGRAMS_ALIGN = `metric Sales "Sales" {
  kind lagging
  unit count
  direction up
  baseline 10
  target 20 by 2026-06-30
  source "CRM"
  owner "Ops"
  cadence monthly
}

skill P1_Skill "Global skill"

program P1 "First" {
  sponsor "s"
  serves Out
  review monthly

  outcome Out "First outcome" {
    measured by Sales
  }

  skill Skill "Local skill"

  behavior Sells "Sells" {
    enabled by Skill, P1_Skill
    moves Sales
    observed by manager
  }

  objective Learn "Learn" {
    builds Skill
    practice case "c"
  }
}

program P2 "Second" {
  sponsor "s"
  serves Out
  review monthly

  outcome Out "Second outcome" {
    measured by Sales
  }
}
`;

/**
 * A program whose chain has more links than Mermaid draws by default
 * (500): `objectives` objectives, each building its own skill and linked
 * to the KPI directly (two links each).
 */
export function bigProgramAlign(objectives: number): string {
    const lines = [
        'outcome Big "Big outcome" {', '  measured by BigKpi', '}',
        'metric BigKpi "Big KPI" {', '  kind lagging', '  unit percent', '  direction up', '  baseline 1%', '  target 2% by 2026-12-31', '}',
        'program Huge "Huge program" {', '  serves Big'
    ];
    for (let i = 0; i < objectives; i++) lines.push(`  skill S${i}`, `  objective O${i} {`, `    builds S${i}`, '    kpi BigKpi', '  }');
    lines.push('}', '');
    return lines.join('\n');
}
