-- The responder's only way to write kora.tenant_controls. The functions run as the owner and bind
-- the transaction to the tenant they act on, so the table's tenant policy still decides (a
-- function cannot write another tenant's row than the one it names), then restore the caller's
-- binding. Who and why are required: an engagement or a clearing without them is refused.
SET LOCAL ROLE kora_owner;

CREATE FUNCTION kora.engage_tenant_control(tenant uuid, control_name text, component_name text, who text, why text, incident_id bigint)
    RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
DECLARE
    previous text := current_setting('app.tenant_id', true);
    inserted integer;
BEGIN
    IF coalesce(btrim(who), '') = '' OR coalesce(btrim(why), '') = '' THEN
        RAISE EXCEPTION 'kora controls: engaging % needs who and why', control_name USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('app.tenant_id', tenant::text, true);
    INSERT INTO kora.tenant_controls (tenant_id, control, component, engaged_at, engaged_by, reason, incident)
    VALUES (tenant, control_name, coalesce(component_name, ''), now(), who, why, incident_id)
    ON CONFLICT (tenant_id, control, component) WHERE cleared_at IS NULL DO NOTHING;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
    RETURN inserted = 1;
END
$fn$;

CREATE FUNCTION kora.clear_tenant_control(tenant uuid, control_name text, component_name text, who text, why text)
    RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog
AS $fn$
DECLARE
    previous text := current_setting('app.tenant_id', true);
    cleared integer;
BEGIN
    IF coalesce(btrim(who), '') = '' OR coalesce(btrim(why), '') = '' THEN
        RAISE EXCEPTION 'kora controls: clearing % needs the person (who) and the reason (why)', control_name USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('app.tenant_id', tenant::text, true);
    UPDATE kora.tenant_controls
    SET cleared_at = now(), cleared_by = who, clear_reason = why
    WHERE tenant_id = tenant AND control = control_name AND (component_name IS NULL OR component = component_name) AND cleared_at IS NULL;
    GET DIAGNOSTICS cleared = ROW_COUNT;
    PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
    RETURN cleared;
END
$fn$;

REVOKE ALL ON FUNCTION kora.engage_tenant_control(uuid, text, text, text, text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION kora.clear_tenant_control(uuid, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kora.engage_tenant_control(uuid, text, text, text, text, bigint) TO kora_responder;
GRANT EXECUTE ON FUNCTION kora.clear_tenant_control(uuid, text, text, text, text) TO kora_responder;

RESET ROLE;
