-- Views run with the caller's rights (security_invoker), so RLS still applies to whoever reads
-- them; a view with the owner's rights would be a way around the policies.
SET LOCAL ROLE kora_owner;

CREATE VIEW kora.flow_execution_daily WITH (security_invoker = true) AS
SELECT tenant_id, flow_id, status, date_trunc('day', ts) AS day, count(*) AS executions
FROM kora.flow_executions
GROUP BY tenant_id, flow_id, status, date_trunc('day', ts);

GRANT SELECT ON kora.flow_execution_daily TO kora_app, kora_reporting;

RESET ROLE;
