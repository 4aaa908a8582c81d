"""budget-bot: Kazakhstan local budgets, answered exactly and with sources."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
# Data and catalogs live beside the package in a checkout; an installed copy (Docker)
# points at them with BUDGET_BOT_HOME.
HOME_DIR = Path(os.environ.get("BUDGET_BOT_HOME", PROJECT_DIR))
DATA_DIR = HOME_DIR / "data"
LOCALES_DIR = HOME_DIR / "locales"
DEFAULT_DB = DATA_DIR / "budget.db"
SOURCES_DIR = DATA_DIR / "sources"
