CREATE TABLE rooms (
    id           uuid        PRIMARY KEY,
    code         text        NOT NULL DEFAULT '',
    language     text        NOT NULL,
    revision     bigint      NOT NULL DEFAULT 0,
    active_users integer     NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
