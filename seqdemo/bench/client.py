"""A minimal client for a running Gradio app's HTTP API, on the standard library alone.

`gradio_client` polls and adds tens of milliseconds to every call; this one posts the inputs and reads
the server-sent events of the answer directly, so a measured latency is the server's, not the client's.
"""

import http.cookiejar
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

API = "/gradio_api"


class CallFailed(RuntimeError):
    """The app answered an API call with an error, or not at all."""


@dataclass
class Answer:
    data: list[Any]  # the outputs of the final event
    seconds: float  # from sending the inputs to the final event
    first_seconds: float  # to the first event carrying data (a streaming answer's first update)
    updates: int  # events carrying data ("generating" and "complete")


class AppClient:
    def __init__(self, base_url: str, timeout: float = 120):
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def _open(self, path: str, data: bytes | None = None, headers: dict[str, str] | None = None):
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        return self.opener.open(request, timeout=self.timeout)

    def login(self, username: str, password: str) -> bool:
        body = urllib.parse.urlencode({"username": username, "password": password}).encode()
        try:
            with self._open("/login", body, {"Content-Type": "application/x-www-form-urlencoded"}) as response:
                return response.status == 200
        except urllib.error.HTTPError as error:
            if error.code in (400, 401):
                return False
            raise

    def upload(self, name: str, content: bytes) -> dict[str, Any]:
        """Upload a file as a browser does; the result is the value a File input takes in `call`."""
        boundary = "seqdemo-" + str(time.time_ns())
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        try:
            with self._open(f"{API}/upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}) as response:
                path = json.load(response)[0]
        except urllib.error.HTTPError as error:
            raise CallFailed(f"upload: HTTP {error.code} {error.read()[:200]!r}") from None
        except (urllib.error.URLError, OSError) as error:  # a refused upload may be cut off while it is being sent
            raise CallFailed(f"upload: {error}") from None
        return {"path": path, "orig_name": name, "meta": {"_type": "gradio.FileData"}}

    def call(self, api_name: str, *inputs: Any) -> Answer:
        """Run the event named `api_name` with `inputs` and wait for its final answer."""
        started = time.perf_counter()
        body = json.dumps({"data": list(inputs)}).encode()
        try:
            with self._open(f"{API}/call/{api_name}", body, {"Content-Type": "application/json"}) as response:
                event_id = json.load(response)["event_id"]
            with self._open(f"{API}/call/{api_name}/{event_id}") as stream:
                return self._read_events(stream, started)
        except urllib.error.HTTPError as error:
            raise CallFailed(f"{api_name}: HTTP {error.code} {error.read()[:200]!r}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise CallFailed(f"{api_name}: {error}") from None

    @staticmethod
    def _read_events(stream, started: float) -> Answer:
        event, first, updates = None, None, 0
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                event = line[len("event: "):]
            elif line.startswith("data: ") and event in ("generating", "complete", "error"):
                data = json.loads(line[len("data: "):])
                if event == "error":
                    raise CallFailed(f"the app reported an error: {str(data)[:300]}")
                updates += 1
                first = first if first is not None else time.perf_counter() - started
                if event == "complete":
                    return Answer(data, time.perf_counter() - started, first, updates)
        raise CallFailed("the answer stream ended without a final event")
