"""A round-robin HTTP proxy on 127.0.0.1: one webhook URL in front of N bot instances.

Stands in for the load balancer of a scaled-out deployment: each request goes to the next
instance in turn, headers (the webhook secret) and body unchanged, and the instance's
answer goes back to the caller. ``served`` counts the requests each instance took.
"""

from __future__ import annotations

import itertools

import aiohttp
from aiohttp import web


class RoundRobin:
    def __init__(self, upstreams: list[str]) -> None:
        self.upstreams = upstreams  # "http://127.0.0.1:PORT"
        self.served = [0] * len(upstreams)
        self._next = itertools.cycle(range(len(upstreams)))
        self._http: aiohttp.ClientSession | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> str:
        self._http = aiohttp.ClientSession()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{path:.*}", self._forward)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://127.0.0.1:{self.port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._http is not None:
            await self._http.close()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._http is not None
        i = next(self._next)
        self.served[i] += 1
        headers = {
            k: v for k, v in request.headers.items() if k.lower() not in {"host", "content-length"}
        }
        async with self._http.request(
            request.method,
            self.upstreams[i] + request.rel_url.path_qs,
            headers=headers,
            data=await request.read(),
        ) as resp:
            body = await resp.read()
            return web.Response(
                status=resp.status, body=body, content_type=resp.content_type or None
            )
