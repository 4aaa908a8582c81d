"""budget-bot: Kazakhstan local budgets, answered exactly and with sources."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PROJECT_DIR / "data"
LOCALES_DIR = PROJECT_DIR / "locales"
DEFAULT_DB = DATA_DIR / "budget.db"
SOURCES_DIR = DATA_DIR / "sources"
