"""The SQLite store of parsed budget lines (via sqlite-utils)."""
