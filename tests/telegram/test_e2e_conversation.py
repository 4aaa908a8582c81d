"""End to end: a conversation carried across two bot processes that share one Redis.

Two real ``budget-bot run`` processes with the same token poll two Bot API stand-ins; the
first answers "дороги 2024", the second — a different process — gets the follow-up
"а в 2023?" and answers it from the context the first left in Redis. A reply to the first
answer, sent through the second process, takes that answer's context.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from .standin import BotAPIStandIn
from .test_e2e import Bot, exchange, make_env, redis_url, store  # noqa: F401  (fixtures)


@pytest.fixture
async def two_apis() -> AsyncIterator[tuple[BotAPIStandIn, BotAPIStandIn]]:
    first, second = BotAPIStandIn(), BotAPIStandIn()
    await first.start()
    await second.start()
    yield first, second
    await first.stop()
    await second.stop()


async def test_follow_up_on_another_process_uses_context_from_redis(
    two_apis: tuple[BotAPIStandIn, BotAPIStandIn],
    store: Path,  # noqa: F811
    redis_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    api_a, api_b = two_apis
    bots = []
    for name, api in (("a", api_a), ("b", api_b)):
        folder = tmp_path / name
        folder.mkdir()
        env = make_env(f"http://127.0.0.1:{api.port}", store, folder, REDIS_URL=redis_url)
        bots.append(Bot(api, env, folder))
    first, second = bots
    try:
        await first.start()
        await second.start()
        user_a = api_a.user(401, "ru", "Асель")
        user_b = api_b.user(401, "ru", "Асель")  # the same person, served by the other process
        (roads,) = await exchange(first, "Асель", user_a, "дороги 2024")
        assert "2024: 400 тыс. ₸" in roads.text

        (follow,) = await exchange(second, "Асель", user_b, "а в 2023?")
        assert "2023: 448 тыс. ₸" in follow.text  # the line came from process one's context
        (light,) = await exchange(second, "Асель", user_b, "а освещение?")
        assert "2023: 1 796 тыс. ₸" in light.text

        # a reply to the very first answer (sent by process one) takes its context: roads
        mark = len(api_b.calls)
        answer = dict(roads.result)
        msg = api_b._user_message(user_b, text="а в 2025?", reply_to_message=answer)
        api_b.updates.put_nowait({"update_id": 999, "message": msg})
        (again,) = await api_b.wait_for(lambda c: c.method == "sendMessage", since=mark)
        assert "2025: 400 тыс. ₸" in again.text and "освещ" not in again.text.lower()

        # a follow-up with nothing before it (another person) gets a question back
        stranger = api_b.user(402, "ru", "Ерлан")
        (ask_back,) = await exchange(second, "Ерлан", stranger, "а в 2023?")
        assert "?" in ask_back.text and "тыс. ₸" not in ask_back.text
        assert await first.stop() == 0
        assert await second.stop() == 0
    finally:
        first.kill()
        second.kill()
