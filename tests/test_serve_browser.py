"""The entity page in a real browser: headless Chromium against ``nkgeo serve`` on 127.0.0.1.

Chromium and a Hangul font come from Debian (``chromium``, ``fonts-nanum``); the test installs
them when they are missing and it may (root, apt-get), and skips, saying why, only when they
cannot be had. The screenshot goes to pytest's temporary folder (its path is printed: run with
``-s`` to see it), never into the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from nkgeo.serve.launch import ServerProcess

PACKAGES = ("chromium", "fonts-nanum")


def _hangul_font() -> bool:
    try:
        fonts = subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(fonts.strip())


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary and _hangul_font():
        return binary
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(f"Chromium and a Hangul font are needed and cannot be installed here (not root, or no apt-get): "
                    f"apt-get install {' '.join(PACKAGES)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=600, check=True)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *PACKAGES], env=env, capture_output=True,
                       timeout=900, check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        output = getattr(exc, "stderr", b"") or b""
        pytest.skip(f"cannot install {' '.join(PACKAGES)} on this machine: {output.decode(errors='replace')[-300:] or exc}")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        pytest.skip("apt-get installed chromium, but no chromium binary is on PATH")
    return binary


@pytest.fixture(scope="module")
def server(compiled):
    with ServerProcess(["--workers", "1"]) as running:
        yield running


def headless(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_entity_page_in_chromium(chromium, server, tmp_path, compiled):
    url = server.url + "/id/hamhung"
    screenshot = tmp_path / "hamhung.png"
    shot = headless(chromium, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1200,900", url)
    assert screenshot.is_file(), shot.stderr[-2000:]
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    print(f"\nscreenshot: {screenshot}")

    dom = headless(chromium, tmp_path / "profile", "--dump-dom", url).stdout
    assert "<h1>Hamhung" in dom
    assert "capital of" in dom and "South Hamgyong Province" in dom
    assert "Inferred facts" in dom
    korean = [r["k"].value for r in compiled.query('SELECT ?k WHERE { id:hamhung skos:altLabel ?k FILTER(LANG(?k) = "ko") }')]
    for name in korean:
        assert name in dom
    if compiled.query("ASK { id:hamhung wgs:lat ?lat }"):
        assert "<svg" in dom and 'class="map"' in dom


def test_home_page_runs_a_canned_query_from_its_form(chromium, server, tmp_path):
    dom = headless(chromium, tmp_path / "profile", "--dump-dom", server.url + "/query/capitals?").stdout
    assert "<table" in dom and "Pyongyang" in dom and "Hamhung" in dom
