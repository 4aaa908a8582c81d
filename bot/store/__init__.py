"""The SQLite store of parsed budget lines (via sqlite-utils)."""

import sys


def _sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils with numpy hidden.

    sqlite-utils imports numpy when it is installed (matplotlib brings it) only to map
    numpy scalar types to column types, and the bot never stores a numpy value: ~0.2 s of
    start and ~15 MB of memory before the first answer. numpy is hidden for that one
    import and loads normally later, with the first chart (every import of sqlite-utils in
    the project is in this package, so this runs first).
    """
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


_sqlite_utils_without_numpy()
