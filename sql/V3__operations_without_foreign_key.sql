-- The foreign key made every op row lock its room's row (FOR KEY SHARE), which costs PostgreSQL about as much
-- as the rest of the row: 35-40 us of ~70 us per row, ~15 % of its CPU under typing load. Its two jobs move:
-- an op row names an existing room (the op log's insert checks, cheaply, without a lock), and deleting a room
-- deletes its ops (the room delete, and each instance's op log once the room is closed there).
ALTER TABLE operations DROP CONSTRAINT operations_room_id_fkey;
