-- Safe mode is enforced here, not trusted to the product: while a tenant has an active safe_mode
-- control, no flow execution of that tenant can start (inserted as queued/running, or moved into
-- queued/running). Other tenants are untouched; finishing or cancelling a running execution stays
-- possible. The application role owns nothing, so it cannot disable the trigger.
SET LOCAL ROLE kora_owner;

CREATE FUNCTION kora.refuse_flow_start_in_safe_mode() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
DECLARE
    since timestamptz;
    why text;
BEGIN
    IF NEW.status NOT IN ('queued', 'running') OR (TG_OP = 'UPDATE' AND OLD.status IN ('queued', 'running')) THEN
        RETURN NEW;
    END IF;
    SELECT c.engaged_at, c.reason INTO since, why
    FROM kora.tenant_controls c
    WHERE c.tenant_id = NEW.tenant_id AND c.control = 'safe_mode' AND c.cleared_at IS NULL;
    IF FOUND THEN
        RAISE EXCEPTION 'kora safe mode: tenant % is in safe mode since % (%); no flow execution can start until a person clears it', NEW.tenant_id, since, why
            USING ERRCODE = 'KS001',
                  HINT = 'kora safe-mode clear <tenant> --who NAME --why TEXT, once the incident is contained';
    END IF;
    RETURN NEW;
END
$fn$;

REVOKE ALL ON FUNCTION kora.refuse_flow_start_in_safe_mode() FROM PUBLIC;

CREATE TRIGGER refuse_start_in_safe_mode
    BEFORE INSERT OR UPDATE OF status ON kora.flow_executions
    FOR EACH ROW EXECUTE FUNCTION kora.refuse_flow_start_in_safe_mode();

RESET ROLE;
