/**
 * KPIs whose status depends on the report's date (report-dated and
 * report-status-words tests): Churn is on its trajectory and misses 10% by
 * 2026-06-30; Retention reaches 92%; Quality's last actual is January's,
 * monthly, with its deadline at the year's end.
 */
export const DATED_KPIS = `metric Churn "Monthly logo churn" {
  kind lagging unit percent direction down baseline 12% target 10% by 2026-06-30
  source "CRM" owner "RevOps" cadence monthly
}
metric Retention "Net retention" {
  kind lagging unit percent direction up baseline 85% target 92% by 2026-06-30
  source "CRM" owner "RevOps" cadence monthly
}
metric Quality "Ticket quality" {
  kind lagging unit score direction up baseline 70 target 80 by 2026-12-31
  source "QA" owner "Support" cadence monthly
}
`;

/** The actuals of {@link DATED_KPIS}. */
export const DATED_ACTUALS = `actuals Churn {
  2026-01: 11.9%
  2026-02: 11.5%
  2026-03: 11.1%
}
actuals Retention {
  2026-01: 88%
  2026-02: 90%
  2026-03: 93%
}
actuals Quality {
  2026-01: 72
}
`;
