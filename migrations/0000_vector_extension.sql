-- Hand-written: drizzle-kit does not emit extensions. Every later migration may use `vector`.
CREATE EXTENSION IF NOT EXISTS vector;
