"""A local Telegram Bot API stand-in: aiohttp on 127.0.0.1, scripted updates, recorded calls.

Answers the methods the bot uses the way api.telegram.org does (``{"ok": true, "result": …}``),
feeds updates through long-polling ``getUpdates``, serves uploaded files under ``/file/``,
and records every request so tests can read the conversation back.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Budget", "username": "budget_kz_bot"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    result: Any = None
    at: float = field(default_factory=time.monotonic)

    @property
    def text(self) -> str:
        """The text or caption, with babel's no-break spaces read as plain ones."""
        raw = str(self.params.get("text") or self.params.get("caption") or "")
        return raw.replace("\xa0", " ").replace("\u202f", " ")

    @property
    def markup(self) -> dict[str, Any]:
        return self.params.get("reply_markup") or {}

    def buttons(self) -> list[dict[str, Any]]:
        return [b for row in self.markup.get("inline_keyboard", []) for b in row]


class BotAPIStandIn:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.files: dict[str, bytes] = {}
        self.flood: dict[str, int] = {}  # method → how many times to answer 429 first
        self._message_ids = itertools.count(5000)
        self._update_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self.runner: web.AppRunner | None = None
        self.port = 0

    # -- server ---------------------------------------------------------------
    async def start(self) -> str:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://127.0.0.1:{self.port}"

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def _file(self, request: web.Request) -> web.StreamResponse:
        data = self.files.get(request.match_info["path"])
        if data is None:
            raise web.HTTPNotFound()
        return web.Response(body=data)

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict]:
        params: dict[str, Any] = dict(request.query)
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                else:
                    params[key] = value
        for key, value in list(params.items()):
            if isinstance(value, str) and value[:1] in "{[":
                with contextlib.suppress(ValueError):
                    params[key] = json.loads(value)
        return params, files

    async def _method(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, files = await self._params(request)
        if method == "getUpdates":
            return web.json_response({"ok": True, "result": await self._get_updates(params)})
        call = Call(method, params, files)
        if self.flood.get(method):
            self.flood[method] -= 1
            call.result = "429"
            await self._record(call)
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                },
                status=429,
            )
        handler: Callable[[Call], Any] = getattr(self, f"_do_{method}", self._do_default)
        call.result = handler(call)
        await self._record(call)
        return web.json_response({"ok": True, "result": call.result})

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        timeout = min(float(params.get("timeout") or 0), 1.0)
        out = []
        try:
            out.append(await asyncio.wait_for(self.updates.get(), timeout=timeout or 0.01))
        except TimeoutError:
            return []
        while not self.updates.empty():
            out.append(self.updates.get_nowait())
        return out

    # -- methods --------------------------------------------------------------
    def _message(self, call: Call, **extra: Any) -> dict[str, Any]:
        chat_id = int(call.params.get("chat_id") or 0)
        msg: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER,
            **extra,
        }
        if "text" in call.params:
            msg["text"] = call.params["text"]
        if "reply_markup" in call.params:
            msg["reply_markup"] = call.params["reply_markup"]
        reply = call.params.get("reply_parameters") or {}
        if reply.get("message_id"):
            original = self.sent_update_message(int(reply["message_id"]), chat_id)
            if original:
                msg["reply_to_message"] = original
        return msg

    def _do_getMe(self, call: Call) -> Any:
        return BOT_USER

    def _do_sendMessage(self, call: Call) -> Any:
        return self._message(call)

    def _do_sendPhoto(self, call: Call) -> Any:
        size = len(next(iter(call.files.values()), ("", b""))[1])
        photo = [
            {
                "file_id": "ph1",
                "file_unique_id": "ph1",
                "width": 800,
                "height": 600,
                "file_size": size,
            }
        ]
        return self._message(call, photo=photo, caption=call.params.get("caption"))

    def _do_sendDocument(self, call: Call) -> Any:
        name, data = next(iter(call.files.values()), ("file", b""))
        doc = {
            "file_id": f"doc{len(self.calls)}",
            "file_unique_id": f"u{len(self.calls)}",
            "file_name": name,
            "file_size": len(data),
        }
        return self._message(call, document=doc)

    def _do_getFile(self, call: Call) -> Any:
        file_id = str(call.params["file_id"])
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_path": f"documents/{file_id}",
            "file_size": len(self.files.get(f"documents/{file_id}", b"")),
        }

    def _do_editMessageReplyMarkup(self, call: Call) -> Any:
        return True

    def _do_default(self, call: Call) -> Any:
        return True

    # -- scripting ------------------------------------------------------------
    def user(self, user_id: int, lang: str | None, name: str = "Aigerim") -> dict[str, Any]:
        user = {"id": user_id, "is_bot": False, "first_name": name}
        if lang:
            user["language_code"] = lang
        return user

    def _user_message(self, user: dict[str, Any], **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user["id"], "type": "private", "first_name": user["first_name"]},
            "from": user,
            **content,
        }

    def send_text(self, user: dict[str, Any], text: str) -> dict[str, Any]:
        msg = self._user_message(user, text=text)
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        self._sent_by_users[msg["message_id"]] = msg
        self.updates.put_nowait({"update_id": next(self._update_ids), "message": msg})
        return msg

    def send_document(self, user: dict[str, Any], name: str, data: bytes) -> None:
        file_id = f"upl{len(self.files) + 1}"
        self.files[f"documents/{file_id}"] = data
        doc = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": name,
            "mime_type": "text/plain",
            "file_size": len(data),
        }
        msg = self._user_message(user, document=doc)
        self.updates.put_nowait({"update_id": next(self._update_ids), "message": msg})

    def press(self, user: dict[str, Any], under: Call, data: str) -> None:
        query = {
            "id": str(next(self._update_ids) * 1000),
            "from": user,
            "chat_instance": "ci",
            "data": data,
            "message": under.result,
        }
        self.updates.put_nowait({"update_id": next(self._update_ids), "callback_query": query})

    def inline(self, user: dict[str, Any], text: str) -> None:
        query = {
            "id": str(next(self._update_ids) * 1000),
            "from": user,
            "query": text,
            "offset": "",
        }
        self.updates.put_nowait({"update_id": next(self._update_ids), "inline_query": query})

    @property
    def _sent_by_users(self) -> dict[int, dict[str, Any]]:
        if not hasattr(self, "_user_msgs"):
            self._user_msgs: dict[int, dict[str, Any]] = {}
        return self._user_msgs

    def sent_update_message(self, message_id: int, chat_id: int) -> dict[str, Any] | None:
        return self._sent_by_users.get(message_id)

    async def wait_for(
        self,
        predicate: Callable[[Call], bool],
        count: int = 1,
        timeout: float = 20.0,
        since: int = 0,
    ) -> list[Call]:
        """Wait until ``count`` recorded calls (from index ``since``) match ``predicate``."""

        async def ready() -> list[Call]:
            async with self._changed:
                while True:
                    found = [c for c in self.calls[since:] if predicate(c)]
                    if len(found) >= count:
                        return found
                    await self._changed.wait()

        return await asyncio.wait_for(ready(), timeout=timeout)

    def since(self, mark: int, method: str | None = None) -> list[Call]:
        return [c for c in self.calls[mark:] if method is None or c.method == method]
