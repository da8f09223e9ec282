-- The append-only op log: revision N of a room is the op that turned revision N-1 into N.
CREATE TABLE operations (
    room_id    uuid        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    revision   bigint      NOT NULL,
    op_id      text        NOT NULL,
    op         text        NOT NULL,
    client_id  text,
    name       text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, revision)
);

-- A resent op is recognised by its id for the room's whole life.
CREATE UNIQUE INDEX operations_op_id ON operations (room_id, op_id);

-- The text at every so many revisions, so any past revision is a checkpoint plus a few ops.
CREATE TABLE checkpoints (
    room_id  uuid   NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    revision bigint NOT NULL,
    code     text   NOT NULL,
    PRIMARY KEY (room_id, revision)
);

INSERT INTO checkpoints (room_id, revision, code) SELECT id, revision, code FROM rooms;
