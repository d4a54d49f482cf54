"""The WebKit run's pieces: the request recorder and the browser (the pages are support.site_page's,
the server support.real_site's).

WebKit is Debian's WebKitGTK: WebKitWebDriver drives MiniBrowser (the engine of Safari),
headless under xvfb-run. `make browser-deps` installs webkit2gtk-driver and xvfb.
"""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.remote_connection import RemoteConnection
from selenium.webdriver.webkitgtk.options import Options

WEBDRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB_RUN = "/usr/bin/xvfb-run"
INSTALL_HINT = "`make browser-deps` installs webkit2gtk-driver and xvfb (Debian packages)"


def missing_tools() -> list[str]:
    """What the WebKit run needs and this machine lacks."""
    return [tool for tool in (WEBDRIVER, MINIBROWSER, XVFB_RUN) if not Path(tool).exists()]


class Recorder:
    """An HTTP proxy that answers every request with 502 and records its host.

    MiniBrowser sends everything not for 127.0.0.1 here (--proxy, --ignore-host), so any
    request to another host, http or https (CONNECT), is seen, whatever the page does.
    """

    def __init__(self) -> None:
        self.seen: list[str] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def _refuse(self) -> None:
                recorder.seen.append(f"{self.command} {self.path}")
                self.send_response(502)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_HEAD = do_CONNECT = do_OPTIONS = do_PUT = _refuse

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.address = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, name="webkit-recorder", daemon=True).start()

    def take(self) -> list[str]:
        """The requests recorded since the last call."""
        seen, self.seen = self.seen, []
        return seen

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebKit:
    """One WebKitWebDriver under its own xvfb-run, and one MiniBrowser session at a time."""

    def __init__(self, proxy: str) -> None:
        self.proxy = proxy
        self.port = _free_port()
        # A new session (process group) so that teardown ends Xvfb and the driver together.
        self.process = subprocess.Popen(
            [XVFB_RUN, "-a", "--server-args=-screen 0 1600x1200x24", WEBDRIVER, f"--port={self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError(f"WebKitWebDriver did not start under xvfb-run ({INSTALL_HINT})") from None
                time.sleep(0.2)
        self.driver = self._session()

    def _session(self) -> webdriver.Remote:
        options = Options()
        options.binary_location = MINIBROWSER
        for arg in ("--automation", f"--proxy={self.proxy}", "--ignore-host=127.0.0.1"):
            options.add_argument(arg)
        connection = RemoteConnection(client_config=ClientConfig(remote_server_addr=f"http://127.0.0.1:{self.port}"))
        driver = webdriver.Remote(command_executor=connection, options=options)
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(30)
        return driver

    def restart(self) -> None:
        """A fresh browser session, after the web process crashed."""
        try:
            self.driver.quit()
        except Exception:  # noqa: BLE001 - the old session is gone either way
            pass
        self.driver = self._session()

    def resize(self, width: int, height: int = 900) -> int:
        """Ask for a window `width` wide; return the viewport width WebKit settled on."""
        self.driver.set_window_size(width, height)
        last = None
        for _ in range(40):
            got = self.driver.execute_script("return window.innerWidth")
            if got == last:
                return got
            last = got
            time.sleep(0.05)
        return last

    def close(self) -> None:
        try:
            if getattr(self, "driver", None) is not None:
                self.driver.quit()
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGTERM)
                try:
                    self.process.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(self.process.pid, signal.SIGKILL)
