-- The responder's login rotates like the others (db/migrations V15): kora_responder becomes the
-- NOLOGIN group that holds the grants, and two login slots (kora_responder_a, _b) alternate at
-- each rotation. `kora db rotate-logins` sets the vault's value (responder-db-password) on the
-- slot the plan names current; until then the slots are NOLOGIN. Roles are cluster-wide, so they
-- are created only when missing.
ALTER ROLE kora_responder NOLOGIN;

DO $slots$
DECLARE
    slot text;
BEGIN
    FOREACH slot IN ARRAY ARRAY['kora_responder_a', 'kora_responder_b']
    LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = slot) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', slot);
        END IF;
        -- No slot carries powers of its own; everything comes from the group.
        EXECUTE format('ALTER ROLE %I NOCREATEDB NOCREATEROLE INHERIT', slot);
        EXECUTE format('GRANT kora_responder TO %I', slot);
        -- Every session of a slot acts as the group, so what it writes is the group's.
        EXECUTE format('ALTER ROLE %I SET role TO kora_responder', slot);
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = slot AND (rolsuper OR rolbypassrls OR rolreplication)) THEN
            EXECUTE format('ALTER ROLE %I NOSUPERUSER NOBYPASSRLS NOREPLICATION', slot);
        END IF;
    END LOOP;
END
$slots$;
