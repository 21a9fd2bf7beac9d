-- The record of every credential rotation applied to this server: which secret, which version,
-- applied to which login, when, and until when the previous login was left working. It is what
-- the next run reads to keep an overlap from being extended, and the database's own copy of the
-- rotation proof (the pipeline copies the same records into the deploy audit log).
SET LOCAL ROLE kora_owner;

CREATE TABLE kora.credential_rotations (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret_name      text        NOT NULL,
    secret_version   text        NOT NULL,
    login_group      text        NOT NULL,
    current_login    text        NOT NULL,
    previous_login   text        NOT NULL,
    applied_at       timestamptz NOT NULL,
    previous_valid_until timestamptz NOT NULL,
    UNIQUE (login_group, secret_version)
);

-- Append-only for everyone, including the owner's sessions: a record is never edited away.
CREATE FUNCTION kora.refuse_rotation_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kora.credential_rotations is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER credential_rotations_append_only
    BEFORE UPDATE OR DELETE ON kora.credential_rotations
    FOR EACH ROW EXECUTE FUNCTION kora.refuse_rotation_edit();

RESET ROLE;
