# budget-bot: the Telegram bot with its store built and translations compiled at build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # The installed package finds data/ and locales/ here.
    BUDGET_BOT_HOME=/app \
    MPLBACKEND=Agg \
    MPLCONFIGDIR=/app/.cache/matplotlib \
    BUDGET_DB=/app/data/budget.db

WORKDIR /app

RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --home-dir /app --no-create-home --shell /usr/sbin/nologin bot

# Dependencies first, so code edits do not reinstall them.
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir .

COPY data ./data
COPY locales ./locales

# The store and the compiled catalogs are part of the image; the font cache too.
RUN budget-bot ingest data/sources/* \
    && python -c "from bot.i18n import ensure_compiled; ensure_compiled('answer'); ensure_compiled('bot'); ensure_compiled('web')" \
    && python -c "import matplotlib.font_manager" \
    && chown -R 10001:10001 /app/data /app/locales /app/.cache

USER 10001:10001

# Webhook mode listens here (WEBHOOK_PORT); long polling needs no port.
EXPOSE 8080
# The Mini App in polling mode (WEB_APP_PORT=8081); in webhook mode it shares 8080.
# The PDF brief needs no system package: reportlab is pure Python and DejaVu Sans
# (full Kazakh Cyrillic) comes with matplotlib.
EXPOSE 8081
VOLUME ["/app/data"]

HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-m", "bot.telegram.health"]

STOPSIGNAL SIGTERM
CMD ["budget-bot", "run"]
