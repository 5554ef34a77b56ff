-- Average first-year contract value of the new-business deals won each month.
-- DuckDB in memory over the CRM export next to it (paths relative to the .align file).
SELECT date_trunc('month', closed_on) AS period, avg(amount) AS value
FROM 'data/closed-won.csv'
GROUP BY 1
ORDER BY 1
