"""aiohttp routes of the Mini App: the page and its bundled assets under ``/app/``, the
read-only JSON API under ``/api/v1/``. Mounted on the bot's webhook server, or on its own
server in polling mode (:mod:`bot.webapp.server`).

Budget figures are public, so the data endpoints answer without a user; a request that
carries ``initData`` (header ``X-Telegram-Init-Data``) must carry a valid, fresh one or is
refused, and ``/api/v1/me`` (the user's chosen language) needs one. Every JSON answer
has an ETag; a matching ``If-None-Match`` gets 304 without a body.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.brief.data import NoBudget, resolve_entity
from bot.brief.service import Briefs
from bot.i18n import DEFAULT_LANG, LANGS, translations
from bot.telegram.prefs import LanguageStore
from bot.webapp import views
from bot.webapp.initdata import BadInitData, verify

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
INIT_HEADER = "X-Telegram-Init-Data"
PER_PAGE, MAX_PER_PAGE = 50, 200
MAX_QUERY = 200
STRINGS = (
    "Budget explorer", "Spending", "Income", "Compare", "Search", "Year", "Language",
    "Roads, lighting, salaries…", "All spending", "Back", "Source", "Sources", "Nothing found.",
    "Loading…", "Could not load the data.", "Tap a block to see what it is made of.", "Total",
    "Change against {year}", "No budget for the previous year.", "Lines that moved most",
    "Place", "thousand ₸",
)  # fmt: skip

BRIEFS = web.AppKey("webapp_briefs", Briefs)
CONFIG = web.AppKey("webapp_config", dict)
USER = web.RequestKey("webapp_user", object)


def _lang(request: web.Request, fallback: str = DEFAULT_LANG) -> str:
    lang = request.query.get("lang", "")
    return lang if lang in LANGS else fallback


def _int(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    try:
        value = int(request.query.get(name, default))
    except ValueError as exc:
        raise web.HTTPBadRequest(
            text=json.dumps({"error": f"{name} must be a number"}), content_type="application/json"
        ) from exc
    return max(low, min(high, value))


def _json(request: web.Request, data: Any, status: int = 200) -> web.Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "private, max-age=60", "Vary": INIT_HEADER}
    if status == 200 and etag in request.headers.get("If-None-Match", ""):
        return web.Response(status=304, headers=headers)
    return web.Response(
        body=body, status=status, content_type="application/json", charset="utf-8",
        headers=headers,
    )  # fmt: skip


def _error(status: int, message: str) -> web.HTTPException:
    cls = {400: web.HTTPBadRequest, 401: web.HTTPUnauthorized, 404: web.HTTPNotFound}[status]
    return cls(text=json.dumps({"error": message}), content_type="application/json")


def _page(items: list[Any], request: web.Request) -> dict[str, Any]:
    page = _int(request, "page", 1, 1, 10**6)
    per_page = _int(request, "per_page", PER_PAGE, 1, MAX_PER_PAGE)
    start = (page - 1) * per_page
    return {
        "items": items[start : start + per_page],
        "page": page,
        "per_page": per_page,
        "total": len(items),
        "next": page + 1 if start + per_page < len(items) else None,
    }


@web.middleware
async def init_data_guard(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """A request carrying initData is verified first; forged or stale ones get 401."""
    if request.path.startswith("/api/v1/"):
        raw = request.headers.get(INIT_HEADER)
        if raw is not None:
            cfg = request.app[CONFIG]
            try:
                request[USER] = verify(raw, cfg["token"], cfg["max_age"]).user
            except BadInitData as exc:
                log.info("initData refused: %s", exc)
                raise _error(401, "initData is invalid or expired") from None
    return await handler(request)


@web.middleware
async def json_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Nothing internal (paths, tracebacks) reaches a user: unexpected errors are a 500 line."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("web app request failed: %s", request.path)
        return web.json_response({"error": "internal error"}, status=500)


async def entities(request: web.Request) -> web.Response:
    engine = request.app[BRIEFS].engine()
    return _json(request, _page(views.entities(engine, _lang(request)), request))


async def budget(request: web.Request) -> web.Response:
    engine = request.app[BRIEFS].engine()
    key = resolve_entity(engine, request.match_info["entity"])
    try:
        year = int(request.match_info["year"])
    except ValueError:
        raise _error(404, "no such year") from None
    if key is None or year not in engine.available_years(key) or key not in engine.years:
        raise _error(404, "no budget for that place and year")
    try:
        data = views.budget(engine, key, year, _lang(request))
    except NoBudget:
        raise _error(404, "no budget for that place and year") from None
    return _json(request, data)


async def search(request: web.Request) -> web.Response:
    query = request.query.get("q", "").strip()
    if not query:
        raise _error(400, "q is empty")
    engine = request.app[BRIEFS].engine()
    found = views.search(engine, query[:MAX_QUERY], _lang(request), request.query.get("entity"))
    paged = _page(found.pop("items"), request)  # type: ignore[arg-type]
    return _json(request, {**found, **paged})


async def me(request: web.Request) -> web.Response:
    """The signed-in user's language: the one chosen in the bot, else Telegram's."""
    user: Any = request.get(USER)
    if user is None:
        raise _error(401, "initData required")
    store: LanguageStore | None = request.app[CONFIG].get("languages")
    chosen = await store.get(user.id) if store is not None else None
    telegram = (user.language_code or "").split("-")[0]
    lang = chosen if chosen in LANGS else telegram if telegram in LANGS else DEFAULT_LANG
    return _json(request, {"id": user.id, "lang": lang})


def _strings() -> dict[str, dict[str, str]]:
    return {lang: {s: translations(lang, "web").gettext(s) for s in STRINGS} for lang in LANGS}


async def page(request: web.Request) -> web.Response:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    strings = json.dumps(_strings(), ensure_ascii=False).replace("</", "<\\/")
    html = html.replace("__STRINGS__", strings).replace("__LANG__", _lang(request))
    return web.Response(
        text=html,
        content_type="text/html",
        headers={
            "Cache-Control": "no-cache",
            "Content-Security-Policy": "default-src 'self'; script-src 'self'; "
            "style-src 'self'; img-src 'self' data:; connect-src 'self'",
            "X-Content-Type-Options": "nosniff",
        },
    )


def setup(
    app: web.Application,
    briefs: Briefs,
    token: str,
    *,
    max_age: int = 86400,
    languages: LanguageStore | None = None,
) -> None:
    """Mount the page (``/app/``), its assets (``/app/static/``) and the API (``/api/v1/``)."""
    app[BRIEFS] = briefs
    app[CONFIG] = {"token": token, "max_age": max_age, "languages": languages}
    app.middlewares.append(json_errors)
    app.middlewares.append(init_data_guard)
    app.router.add_get("/app/", page)
    app.router.add_get("/app", page)
    app.router.add_static("/app/static/", STATIC, append_version=False)
    app.router.add_get("/api/v1/entities", entities)
    app.router.add_get("/api/v1/budgets/{entity}/{year}", budget)
    app.router.add_get("/api/v1/search", search)
    app.router.add_get("/api/v1/me", me)
