"""Password checks that slow down guessing: Gradio accepts any number of login attempts as fast as they
come, so 50 guesses in a tenth of a second were all tried.

After a wrong password a login is locked for a while (1 s, then 2, 4, ... up to 5 minutes), and every
attempt in that time is refused, the right password included: guessing then costs minutes, not
milliseconds. A wrong answer also takes a second to arrive. The check is async, so waiting never
blocks other visitors.
"""

import asyncio
import hmac
import time

FAILURE_DELAY_SECONDS = 1.0
MAX_LOCK_SECONDS = 300.0


class LoginGuard:
    def __init__(self, accounts: dict[str, str], clock=time.monotonic):
        self.accounts = dict(accounts)
        self.clock = clock
        self._failures: dict[str, int] = {}  # login -> wrong passwords in a row
        self._locked_until: dict[str, float] = {}

    def locked(self, username: str) -> bool:
        return self.clock() < self._locked_until.get(username, 0.0)

    def check(self, username: str, password: str) -> bool:
        """The verdict, without waiting: right password and not locked."""
        if self.locked(username):
            return False
        expected = self.accounts.get(username)
        if expected is None:  # never right; not tracked, so made-up names cannot fill memory
            return False
        right = hmac.compare_digest(password.encode(), expected.encode())
        if right:
            self._failures.pop(username, None)
            return True
        failures = self._failures[username] = self._failures.get(username, 0) + 1
        self._locked_until[username] = self.clock() + min(2.0 ** (failures - 1), MAX_LOCK_SECONDS)
        return False

    async def verify(self, username: str, password: str) -> bool:
        """For Gradio's `auth`: a coroutine function (an object with an async __call__ would be taken for a plain
        function, and the coroutine it returns for a yes)."""
        right = self.check(username, password)
        if not right:
            await asyncio.sleep(FAILURE_DELAY_SECONDS)
        return right
